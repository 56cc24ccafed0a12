/** The data-plane rules of issue 11, each as a table over small manifests (and bookinfo). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze';
import { traceRequest } from '../traceRequest';
import type { TraceRequest } from '../types';

const fixtures = import.meta.glob('../../kubernetes/fixtures/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const BOOKINFO = fixtures['../../kubernetes/fixtures/istio__samples__bookinfo__platform__kube__bookinfo.yaml']!;

const policy = (name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\nspec:\n${spec}`;
const DENY_EGRESS = policy('default-deny-egress', '  podSelector: {}\n  policyTypes: [Egress]\n');
const ALLOW_DNS = policy(
  'allow-dns',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]\n      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n',
);
const ALLOW_WEB = policy(
  'allow-web',
  '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]\n      ports: [{port: 80}]\n',
);

function traceOf(texts: string[], request: TraceRequest) {
  const topology = analyze(texts.map((text, index) => ({ name: `f${index}.yaml`, text }))).topology;
  return traceRequest(topology, request);
}

describe('egress NetworkPolicy', () => {
  it.each([
    { name: 'no policy: leaves the cluster', extra: [], ok: true },
    {
      name: 'default deny: DNS is blocked first',
      extra: [DENY_EGRESS],
      ok: false,
      message: /DNS lookup of www\.google\.com timed out/,
    },
    {
      name: 'DNS allowed, the web is not',
      extra: [DENY_EGRESS, ALLOW_DNS],
      ok: false,
      message: /Connection to www\.google\.com:80 timed out.*\(DNS itself was allowed\)/,
    },
    { name: 'DNS and port 80 allowed', extra: [DENY_EGRESS, ALLOW_DNS, ALLOW_WEB], ok: true },
  ])('$name', ({ extra, ok, message }) => {
    const trace = traceOf([BOOKINFO, ...extra], { from: 'productpage', url: 'http://www.google.com/' });
    expect(trace.ok).toBe(ok);
    if (!ok) expect(trace.failure?.code).toBe('TRACE-POLICY-DENIED');
    if (message) expect(trace.failure?.message).toMatch(message);
  });

  it('blocks in-cluster names too when DNS is denied', () => {
    const trace = traceOf([BOOKINFO, DENY_EGRESS], { from: 'productpage', url: 'http://reviews:9080/' });
    expect(trace.failure?.message).toMatch(/port 53 to cluster DNS/);
  });
});

const deployment = (name: string, spec: string, kind = 'Deployment') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n${spec}`;
const service = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports: [{port: 80, targetPort: 8080}]\n${extra}`;
const container = '      containers: [{name: app, image: app, ports: [{containerPort: 8080}]}]\n';

describe('readiness: pods that cannot start are not endpoints', () => {
  it.each([
    {
      name: 'all references present',
      volumes: '',
      extra: ['apiVersion: v1\nkind: Secret\nmetadata: {name: db}\n'],
      ok: true,
    },
    {
      name: 'missing Secret volume',
      volumes: '      volumes: [{name: s, secret: {secretName: db}}]\n',
      extra: [],
      ok: false,
      message: /no ready endpoints.*cannot start: Secret db is missing/,
    },
    {
      name: 'missing ConfigMap envFrom',
      volumes: '',
      env: '      containers: [{name: app, image: app, ports: [{containerPort: 8080}], envFrom: [{configMapRef: {name: cfg}}]}]\n',
      extra: [],
      ok: false,
      message: /ConfigMap cfg is missing/,
    },
    {
      name: 'optional missing Secret',
      volumes: '      volumes: [{name: s, secret: {secretName: db, optional: true}}]\n',
      extra: [],
      ok: true,
    },
  ])('$name', ({ volumes, env, extra, ok, message }) => {
    const trace = traceOf([deployment('web', (env ?? container) + volumes), service('web'), ...extra], {
      from: 'web',
      url: 'http://web/',
    });
    expect(trace.ok).toBe(ok);
    if (message) expect(trace.failure?.message).toMatch(message);
  });

  it("a StatefulSet's volumeClaimTemplates make the claims: not a missing PVC", () => {
    const statefulSet =
      deployment(
        'db',
        container + '      volumes: [{name: datadir, persistentVolumeClaim: {claimName: datadir}}]\n',
        'StatefulSet',
      ) +
      '  serviceName: db\n  volumeClaimTemplates:\n    - metadata: {name: datadir}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n';
    const analysis = analyze([{ name: 's.yaml', text: statefulSet + '---\n' + service('db') }]);
    expect(analysis.diagnostics.filter((d) => d.code === 'K8S-REF-MISSING')).toEqual([]);
    expect(traceRequest(analysis.topology, { from: 'db', url: 'http://db/' }).ok).toBe(true);
  });
});

describe('traffic policies', () => {
  // One replica: the scheduler puts it on node-1 of the three simulated nodes.
  const one = deployment('web', container).replace('replicas: 2', 'replicas: 1');
  const nodePort = (policy: string) =>
    `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ${policy}\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]\n`;
  it.each([
    {
      name: 'Cluster: any node forwards',
      policy: 'externalTrafficPolicy: Cluster',
      url: 'http://node-2:30080/',
      ok: true,
    },
    {
      name: 'Local: the node with the pod answers',
      policy: 'externalTrafficPolicy: Local',
      url: 'http://node-1:30080/',
      ok: true,
    },
    {
      name: 'Local: a node without one drops it',
      policy: 'externalTrafficPolicy: Local',
      url: 'http://node-2:30080/',
      ok: false,
    },
  ])('$name', ({ policy, url, ok }) => {
    const trace = traceOf([one, nodePort(policy)], { url });
    expect(trace.ok).toBe(ok);
    if (!ok) expect(trace.failure?.message).toMatch(/Dropped: Service web has externalTrafficPolicy: Local/);
  });

  it('internalTrafficPolicy: Local keeps a pod client on its own node', () => {
    const on = (text: string, node: string) => text.replace('    spec:\n', `    spec:\n      nodeName: ${node}\n`);
    const client = on(deployment('client', container).replace('replicas: 2', 'replicas: 1'), 'node-1');
    const internal = service('web', '  internalTrafficPolicy: Local\n');
    expect(traceOf([on(one, 'node-1'), client, internal], { from: 'client', url: 'http://web/' }).ok).toBe(true);
    const trace = traceOf([on(one, 'node-3'), client, internal], { from: 'client', url: 'http://web/' });
    expect(trace.failure?.message).toMatch(/internalTrafficPolicy: Local/);
  });

  it('the ExternalName hop shows its port', () => {
    const external =
      'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {type: ExternalName, externalName: db.example.com}\n';
    const trace = traceOf([one, external], { from: 'web', url: 'http://db:5432/' });
    expect(trace.hops.at(-1)).toMatchObject({ kind: 'external', name: 'db.example.com', port: 5432 });
  });

  it('an HTTPRoute whose backend does not exist answers 500 (BackendNotFound)', () => {
    const gateway =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec:\n  gatewayClassName: c\n  listeners: [{name: http, protocol: HTTP, port: 80}]\n';
    const route =
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [shop.example.com]\n  rules: [{backendRefs: [{name: nope, port: 80}]}]\n';
    const trace = traceOf([gateway, route], { url: 'http://shop.example.com/' });
    expect(trace.failure).toMatchObject({ code: 'TRACE-SERVICE-NOT-FOUND', status: 500 });
    expect(trace.failure?.message).toMatch(/BackendNotFound/);
  });
});

describe('Gateway allowedRoutes', () => {
  const gateway = (allowedRoutes: string) =>
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec:\n  gatewayClassName: example\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n${allowedRoutes}`;
  const route =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: app}\nspec:\n  parentRefs: [{name: gw, namespace: infra}]\n  hostnames: [shop.example.com]\n  rules: [{backendRefs: [{name: web, port: 80}]}]\n';
  const app =
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: app, labels: {shared-gateway: "true"}}\n---\n' +
    deployment('web', container).replace('metadata: {name: web}', 'metadata: {name: web, namespace: app}') +
    '---\n' +
    service('web').replace('metadata: {name: web}', 'metadata: {name: web, namespace: app}');
  it.each([
    {
      name: 'default (Same): a route of another namespace is refused',
      allowed: '',
      ok: false,
      message: /from: Same, the default/,
    },
    { name: 'from: All', allowed: '      allowedRoutes: {namespaces: {from: All}}\n', ok: true },
    {
      name: 'from: Selector that matches the route namespace',
      allowed:
        '      allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {shared-gateway: "true"}}}}\n',
      ok: true,
    },
    {
      name: 'from: Selector that does not match',
      allowed: '      allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: shop}}}}\n',
      ok: false,
      message: /namespace app does not match/,
    },
    {
      name: 'kinds without HTTPRoute',
      allowed: '      allowedRoutes: {namespaces: {from: All}, kinds: [{kind: GRPCRoute}]}\n',
      ok: false,
      message: /allows only GRPCRoute routes/,
    },
  ])('$name', ({ allowed, ok, message }) => {
    const trace = traceOf([gateway(allowed), route, app], { url: 'http://shop.example.com/' });
    expect(trace.ok, trace.failure?.message).toBe(ok);
    if (!ok) expect(trace.failure).toMatchObject({ code: 'TRACE-NO-RULE', status: 404 });
    if (message) expect(trace.failure?.message).toMatch(message);
  });
});
