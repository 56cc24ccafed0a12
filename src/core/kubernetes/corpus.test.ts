// Tests read the real fixture files from disk; the core itself never does.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { PodObj, ServiceObj, WorkloadObj } from '../model/topology';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const read = (name: string) => ({ name, text: readFileSync(new URL(name, FIXTURES), 'utf8') });
const yamlFixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'));

/** A checked summary of one analysis, verified by reading each manifest. */
type Expected = {
  files: string[];
  /** pods per node id (unscheduled pods under 'none') */
  podsPerNode: Record<string, number>;
  /** Service id → number of `selects` edges */
  selects?: Record<string, number>;
  /** `Ingress id -> Service id` (or HTTPRoute) routes */
  routes?: string[];
  /** distinct diagnostic codes */
  codes: string[];
  more?: (analysis: ReturnType<typeof analyze>) => void;
};

function summarize(analysis: ReturnType<typeof analyze>) {
  const { objects, edges } = analysis.topology;
  const podsPerNode: Record<string, number> = {};
  for (const object of objects) {
    if (object.role === 'pod') podsPerNode[object.parent ?? 'none'] = (podsPerNode[object.parent ?? 'none'] ?? 0) + 1;
  }
  const selects: Record<string, number> = {};
  for (const edge of edges) if (edge.kind === 'selects') selects[edge.from] = (selects[edge.from] ?? 0) + 1;
  const routes = edges.filter((e) => e.kind === 'routes' && e.from !== 'internet').map((e) => `${e.from} -> ${e.to}`);
  const codes = [...new Set(analysis.diagnostics.map((d) => d.code))].sort();
  return { podsPerNode, selects, routes, codes };
}

const n = (a: number, b = 0, c = 0) => {
  const out: Record<string, number> = {};
  if (a) out['node/node-1'] = a;
  if (b) out['node/node-2'] = b;
  if (c) out['node/node-3'] = c;
  return out;
};

const pods = (analysis: ReturnType<typeof analyze>) =>
  analysis.topology.objects.filter((o): o is PodObj => o.role === 'pod');
const byId = (analysis: ReturnType<typeof analyze>, id: string) => analysis.topology.objects.find((o) => o.id === id);

const expectations: Record<string, Expected> = {
  'seed trio: 2 pods, Service selects both, Ingress → Service, postgres missing': {
    files: ['seed__deployment.yaml', 'seed__service.yaml', 'seed__ingress.yaml'],
    podsPerNode: n(1, 1),
    selects: { 'Service/default/golang-backend-api-service': 2 },
    routes: ['Ingress/default/golang-backend-api-ingress -> Service/default/golang-backend-api-service'],
    codes: ['K8S-INFERRED-HOST-MISSING'],
    more: (analysis) => {
      const [warning] = analysis.diagnostics;
      expect(warning!.message).toMatch(/^DB_SOURCE points at host "postgres", and no Service named postgres/);
      expect(warning).toMatchObject({ severity: 'warning', file: 'seed__deployment.yaml', line: 24 });
      const edge = analysis.topology.edges.find((e) => e.kind === 'selects');
      expect(edge!.label).toBe('80 → 8080');
      expect(pods(analysis).map((p) => p.name)).toEqual([
        expect.stringMatching(/^golang-backend-api-deployment-[bcdf4-9]{9,10}-[a-z2-9]{5}$/),
        expect.stringMatching(/^golang-backend-api-deployment-[bcdf4-9]{9,10}-[a-z2-9]{5}$/),
      ]);
      // The cert-manager annotation makes the missing TLS Secret expected: no diagnostic.
      expect(analysis.diagnostics.some((d) => d.code === 'K8S-INGRESS-TLS-SECRET-MISSING')).toBe(false);
    },
  },
  'seed deployment alone': {
    files: ['seed__deployment.yaml'],
    podsPerNode: n(1, 1),
    codes: ['K8S-INFERRED-HOST-MISSING'],
  },
  'seed service alone selects nothing': {
    files: ['seed__service.yaml'],
    podsPerNode: {},
    codes: ['K8S-SVC-NO-ENDPOINTS'],
  },
  'seed ingress alone misses its Service': {
    files: ['seed__ingress.yaml'],
    podsPerNode: {},
    codes: ['K8S-INGRESS-BACKEND-MISSING'],
  },
  'bookinfo: reviews selects the pods of 3 Deployments': {
    files: ['istio__samples__bookinfo__platform__kube__bookinfo.yaml'],
    podsPerNode: n(2, 2, 2),
    selects: {
      'Service/default/details': 1,
      'Service/default/ratings': 1,
      'Service/default/reviews': 3,
      'Service/default/productpage': 1,
    },
    codes: [],
    more: (analysis) => {
      const reviews = byId(analysis, 'Service/default/reviews') as ServiceObj;
      expect(reviews.endpoints.map((id) => id.split('/')[2]!.replace(/-[^-]+-[^-]+$/, ''))).toEqual([
        'reviews-v1',
        'reviews-v2',
        'reviews-v3',
      ]);
      expect(reviews.servicePorts[0]).toMatchObject({ port: 9080, targetPort: 9080, name: 'http' });
    },
  },
  'Online Boutique: 12 Deployments, frontend-external LoadBalancer, shoppingassistantservice missing': {
    files: ['msd__release__kubernetes-manifests.yaml'],
    podsPerNode: n(4, 4, 4),
    selects: Object.fromEntries(
      [
        'frontend',
        'frontend-external',
        'adservice',
        'currencyservice',
        'cartservice',
        'redis-cart',
        'recommendationservice',
        'checkoutservice',
        'emailservice',
        'paymentservice',
        'shippingservice',
        'productcatalogservice',
      ].map((name) => [`Service/default/${name}`, 1]),
    ),
    codes: ['K8S-INFERRED-HOST-MISSING'],
    more: (analysis) => {
      expect(analysis.topology.objects.filter((o) => o.kind === 'Deployment')).toHaveLength(12);
      const talks = analysis.topology.edges.filter((e) => e.kind === 'talks-to');
      expect(talks).toContainEqual({
        from: 'Deployment/default/cartservice',
        to: 'Service/default/redis-cart',
        kind: 'talks-to',
        label: 'REDIS_ADDR',
      });
      expect(talks.filter((e) => e.from === 'Deployment/default/frontend')).toHaveLength(7);
      expect(talks).toContainEqual(
        expect.objectContaining({ from: 'Deployment/default/loadgenerator', to: 'Service/default/frontend' }),
      );
      expect(analysis.topology.edges).toContainEqual({
        from: 'internet',
        to: 'Service/default/frontend-external',
        kind: 'routes',
      });
      expect(analysis.diagnostics[0]!.message).toMatch(
        /SHOPPING_ASSISTANT_SERVICE_ADDR points at host "shoppingassistantservice"/,
      );
    },
  },
  'guestbook: named targetPort http-server resolves to 3000': {
    files: [
      'k8s-examples__web__guestbook-go__guestbook-controller.yaml',
      'k8s-examples__web__guestbook-go__guestbook-service.yaml',
    ],
    podsPerNode: n(1, 1, 1),
    selects: { 'Service/default/guestbook': 3 },
    codes: [],
    more: (analysis) => {
      const labels = analysis.topology.edges.filter((e) => e.kind === 'selects').map((e) => e.label);
      expect(labels).toEqual(Array(3).fill('3000 → 3000 (http-server)'));
      expect(analysis.topology.edges).toContainEqual({
        from: 'internet',
        to: 'Service/default/guestbook',
        kind: 'routes',
      });
      const rc = byId(analysis, 'ReplicationController/default/guestbook') as WorkloadObj;
      expect(rc.selector).toEqual({ matchLabels: { app: 'guestbook' }, matchExpressions: [] });
    },
  },
  'guestbook controller alone': {
    files: ['k8s-examples__web__guestbook-go__guestbook-controller.yaml'],
    podsPerNode: n(1, 1, 1),
    codes: [],
  },
  'guestbook service alone': {
    files: ['k8s-examples__web__guestbook-go__guestbook-service.yaml'],
    podsPerNode: {},
    codes: ['K8S-SVC-NO-ENDPOINTS'],
  },
  'voting result: NodePort 31001, port 8081 → 80': {
    files: ['voting__k8s-specifications__result-deployment.yaml', 'voting__k8s-specifications__result-service.yaml'],
    podsPerNode: n(1),
    selects: { 'Service/default/result': 1 },
    codes: [],
    more: (analysis) => {
      const service = byId(analysis, 'Service/default/result') as ServiceObj;
      expect(service.serviceType).toBe('NodePort');
      expect(service.servicePorts).toEqual([
        expect.objectContaining({ name: 'result-service', port: 8081, targetPort: 80, nodePort: 31001 }),
      ]);
      expect(analysis.topology.edges.find((e) => e.kind === 'selects')!.label).toBe('8081 → 80');
      expect(analysis.topology.edges).toContainEqual({
        from: 'internet',
        to: 'Service/default/result',
        kind: 'routes',
      });
    },
  },
  'voting deployment alone': {
    files: ['voting__k8s-specifications__result-deployment.yaml'],
    podsPerNode: n(1),
    codes: [],
  },
  'voting service alone': {
    files: ['voting__k8s-specifications__result-service.yaml'],
    podsPerNode: {},
    codes: ['K8S-SVC-NO-ENDPOINTS'],
  },
  'cassandra: headless Service + StatefulSet cassandra-0..2': {
    files: [
      'k8s-examples__databases__cassandra__cassandra-service.yaml',
      'k8s-examples__databases__cassandra__cassandra-statefulset.yaml',
    ],
    podsPerNode: n(1, 1, 1),
    selects: { 'Service/default/cassandra': 3 },
    codes: [],
    more: (analysis) => {
      expect(pods(analysis).map((p) => [p.name, p.ordinal, p.template.subdomain])).toEqual([
        ['cassandra-0', 0, 'cassandra'],
        ['cassandra-1', 1, 'cassandra'],
        ['cassandra-2', 2, 'cassandra'],
      ]);
      expect((byId(analysis, 'Service/default/cassandra') as ServiceObj).headless).toBe(true);
      expect(byId(analysis, 'StorageClass/fast')).toMatchObject({ role: 'generic' });
    },
  },
  'cassandra service alone': {
    files: ['k8s-examples__databases__cassandra__cassandra-service.yaml'],
    podsPerNode: {},
    codes: ['K8S-SVC-NO-ENDPOINTS'],
  },
  'cassandra statefulset alone': {
    files: ['k8s-examples__databases__cassandra__cassandra-statefulset.yaml'],
    podsPerNode: n(1, 1, 1),
    codes: [],
  },
  'ingress-nginx baremetal: NodePort controller, named targetPorts, Jobs, generic RBAC': {
    files: ['ingress-nginx__deploy__static__provider__baremetal__deploy.yaml'],
    podsPerNode: n(1, 1, 1),
    selects: {
      'Service/ingress-nginx/ingress-nginx-controller': 1,
      'Service/ingress-nginx/ingress-nginx-controller-admission': 1,
    },
    codes: ['K8S-REF-MISSING'],
    more: (analysis) => {
      // The admission Secret is made at run time by the create Job: info, not a warning.
      expect(analysis.diagnostics.map((d) => d.severity)).toEqual(['info']);
      const labels = analysis.topology.edges.filter((e) => e.kind === 'selects').map((e) => e.label);
      expect(labels).toEqual(['80 → 80 (http), 443 → 443 (https)', '443 → 8443 (webhook)']);
      expect(analysis.topology.objects.filter((o) => o.kind === 'Job')).toHaveLength(2);
      for (const kind of ['ClusterRole', 'RoleBinding', 'ValidatingWebhookConfiguration', 'Namespace']) {
        expect(analysis.topology.objects.find((o) => o.kind === kind)).toMatchObject({ role: 'generic' });
      }
      expect(byId(analysis, 'ClusterRole/ingress-nginx')).toBeDefined();
      expect(byId(analysis, 'IngressClass/nginx')).toMatchObject({
        role: 'ingressClass',
        controller: 'k8s.io/ingress-nginx',
      });
    },
  },
  'ingress-nginx echo-service: two Ingresses to one Service': {
    files: ['ingress-nginx__docs__examples__customization__external-auth-headers__echo-service.yaml'],
    podsPerNode: n(1),
    selects: { 'Service/default/demo-echo-service': 1 },
    routes: [
      'Ingress/default/public-demo-echo-service -> Service/default/demo-echo-service',
      'Ingress/default/secure-demo-echo-service -> Service/default/demo-echo-service',
    ],
    codes: ['K8S-INGRESS-CLASS-UNKNOWN'],
  },
  'ingress-nginx http-svc: 80 → 8080': {
    files: ['ingress-nginx__docs__examples__http-svc.yaml'],
    podsPerNode: n(1),
    selects: { 'Service/default/http-svc': 1 },
    codes: [],
  },
  'ingress-nginx multi-tls: RCs, two hosts, two TLS blocks': {
    files: ['ingress-nginx__docs__examples__multi-tls__multi-tls.yaml'],
    podsPerNode: n(1, 1),
    selects: { 'Service/default/nginx': 1, 'Service/default/http-svc': 1 },
    routes: ['Ingress/default/foo-tls -> Service/default/http-svc', 'Ingress/default/foo-tls -> Service/default/nginx'],
    codes: ['K8S-INGRESS-CLASS-UNKNOWN', 'K8S-INGRESS-TLS-SECRET-MISSING'],
    more: (analysis) => {
      expect(analysis.diagnostics.every((d) => d.severity === 'info')).toBe(true);
    },
  },
  'istio kind: List with Service + Deployment': {
    files: ['istio__pkg__kube__inject__testdata__inject__list-frontend.yaml'],
    podsPerNode: n(1),
    selects: { 'Service/default/frontend': 1 },
    codes: [],
  },
  'tensorflow ingress: backend not in the file': {
    files: ['k8s-examples__AI__model-serving-tensorflow__ingress.yaml'],
    podsPerNode: {},
    // /tf(/|$)(.*) under pathType Prefix: a regex only ingress-nginx's regex mode reads.
    codes: ['K8S-INGRESS-BACKEND-MISSING', 'K8S-INGRESS-REGEX-PATH'],
  },
  'wildcard-host ingress (flow style)': {
    files: ['k8s-website__content__en__examples__service__networking__ingress-wildcard-host.yaml'],
    podsPerNode: {},
    codes: ['K8S-INGRESS-BACKEND-MISSING'],
    more: (analysis) => {
      const ingress = byId(analysis, 'Ingress/default/ingress-wildcard-host');
      expect(ingress).toMatchObject({ rules: [{ host: 'foo.bar.com' }, { host: '*.foo.com' }] });
    },
  },
  'daemonset in kube-system: one pod per node': {
    files: ['k8s-website__content__en__examples__controllers__daemonset.yaml'],
    podsPerNode: n(1, 1, 1),
    codes: [],
    more: (analysis) => {
      expect(
        pods(analysis).every(
          (p) => p.namespace === 'kube-system' && /^fluentd-elasticsearch-[a-z2-9]{5}$/.test(p.name),
        ),
      ).toBe(true);
    },
  },
  'gateway-api basic-http: Gateway + HTTPRoute, backends not in the file': {
    files: ['gateway-api__examples__standard__basic-http.yaml'],
    podsPerNode: {},
    codes: ['K8S-ROUTE-BACKEND-MISSING'],
    more: (analysis) => {
      expect(analysis.topology.edges).toContainEqual({
        from: 'HTTPRoute/default/http-app-1',
        to: 'Gateway/default/my-gateway',
        kind: 'parent-ref',
      });
      expect(analysis.topology.edges).toContainEqual({
        from: 'internet',
        to: 'Gateway/default/my-gateway',
        kind: 'routes',
      });
      expect(byId(analysis, 'GatewayClass/example')).toMatchObject({ role: 'generic' });
    },
  },
  'gateway-api default-match: custom backend kind is no error': {
    files: ['gateway-api__examples__standard__default-match-http.yaml'],
    podsPerNode: {},
    codes: ['K8S-ROUTE-BACKEND-MISSING'],
    more: (analysis) => {
      expect(analysis.diagnostics).toHaveLength(1);
      expect(analysis.diagnostics[0]!.message).toMatch(/my-service-2/);
    },
  },
};

describe('corpus', () => {
  it.each(yamlFixtures)('%s analyses without a crash', (name) => {
    expect(() => analyze([read(name)])).not.toThrow();
  });

  it('covers every fixture in an expectation', () => {
    const covered = new Set(Object.values(expectations).flatMap((e) => e.files));
    expect(yamlFixtures.filter((name) => !covered.has(name))).toEqual([]);
  });

  it.each(Object.entries(expectations))('%s', (_name, expected) => {
    const analysis = analyze(expected.files.map(read));
    const summary = summarize(analysis);
    expect(summary.podsPerNode).toEqual(expected.podsPerNode);
    expect(summary.codes).toEqual([...expected.codes].sort());
    if (expected.selects) expect(summary.selects).toEqual(expected.selects);
    if (expected.routes) expect(summary.routes.filter((r) => r.startsWith('Ingress/'))).toEqual(expected.routes);
    expected.more?.(analysis);
  });

  it('keeps PROVENANCE.tsv in step with the fixtures', () => {
    const lines = readFileSync(new URL('PROVENANCE.tsv', FIXTURES), 'utf8').trim().split('\n');
    expect(lines[0]!.split('\t')[0]).toBe('local_file');
    expect(
      lines
        .slice(1)
        .map((line) => line.split('\t')[0])
        .sort(),
    ).toEqual([...yamlFixtures].sort());
  });
});
