/**
 * Ingress controllers as the data plane sees them (issue 11): hostPort, the controller's own
 * Service and NodePort, ingress-nginx's 308 redirect, and NetworkPolicy messages that name the
 * controller of the Ingress's class. Over the official bare-metal manifest and the seed example.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze';
import type { PodObj, ServiceObj, Topology } from '../../model/topology';
import { traceRequest } from '../traceRequest';
import type { Trace, TraceRequest } from '../types';

const fixtures = import.meta.glob('../../kubernetes/fixtures/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const fixture = (name: string) => fixtures[`../../kubernetes/fixtures/${name}.yaml`]!;
const BAREMETAL = fixture('ingress-nginx__deploy__static__provider__baremetal__deploy');
const SEED = [fixture('seed__deployment'), fixture('seed__service'), fixture('seed__ingress')];
const HOST = 'api.hwangbogyumin.com';

/**
 * ingress-nginx's "kind" provider differs from bare metal where it matters here: the controller's
 * http and https ports carry hostPort 80 and 443 (its nodeSelector `ingress-ready` is left out:
 * simulated nodes do not carry that label).
 */
const KIND = BAREMETAL.replace(
  '        - containerPort: 80\n          name: http\n',
  '        - containerPort: 80\n          hostPort: 80\n          name: http\n',
).replace(
  '        - containerPort: 443\n          name: https\n',
  '        - containerPort: 443\n          hostPort: 443\n          name: https\n',
);

function topologyOf(texts: string[]): Topology {
  return analyze(texts.map((text, index) => ({ name: `f${index}.yaml`, text }))).topology;
}

function controllerPod(topology: Topology): PodObj {
  return topology.objects.find((o): o is PodObj => o.role === 'pod' && o.name.startsWith('ingress-nginx-controller-'))!;
}

function nodeNameOf(topology: Topology, pod: PodObj): string {
  return topology.objects.find((o) => o.id === pod.node)!.name;
}

const kinds = (trace: Trace) => trace.hops.map((h) => h.kind);
const last = (trace: Trace) => trace.hops[trace.hops.length - 1]!;

describe('the fixtures mean what the tests assume', () => {
  it('the kind variant has hostPorts 80 and 443', () => {
    expect(KIND).not.toBe(BAREMETAL);
    expect(KIND.match(/hostPort: (80|443)\n/g)).toHaveLength(2);
  });
});

describe('hostPort: the node that runs the pod answers on that port', () => {
  const topology = topologyOf([KIND, ...SEED]);
  const pod = controllerPod(topology);
  const here = nodeNameOf(topology, pod);
  const other = topology.objects.find((o) => o.role === 'node' && o.name !== here)!.name;

  it.each<{ name: string; request: TraceRequest; ok: boolean; code?: string; message?: RegExp; ends?: string }>([
    {
      name: 'https to the node with the Host header: through the Ingress rules',
      request: { url: `https://${here}/`, headers: { Host: HOST } },
      ok: true,
      ends: 'golang-backend-api',
    },
    {
      name: 'http to the node: 308 to https, followed',
      request: { url: `http://${here}/`, headers: { host: HOST } },
      ok: true,
      ends: 'golang-backend-api',
    },
    {
      name: 'without a Host header the URL host is the Host: no rule names it',
      request: { url: `https://${here}/` },
      ok: false,
      code: 'TRACE-NO-RULE',
      message: new RegExp(`routes by the Host header, here ${here}`),
    },
    {
      name: 'a node that does not run the pod refuses',
      request: { url: `http://${other}/`, headers: { host: HOST } },
      ok: false,
      code: 'TRACE-NODEPORT-CLOSED',
      message: new RegExp(`open only on the nodes that run its pod \\(${here}\\)`),
    },
    {
      name: 'plain http to the https hostPort',
      request: { url: `http://${here}:443/`, headers: { host: HOST } },
      ok: false,
      code: 'TRACE-NO-LISTENER',
      message: /400 Bad Request: the plain HTTP request was sent to the HTTPS port/,
    },
  ])('$name', ({ request, ok, code, message, ends }) => {
    const trace = traceRequest(topology, request);
    expect(trace.ok, trace.failure?.message).toBe(ok);
    if (code) expect(trace.failure?.code).toBe(code);
    if (message) expect(trace.failure?.message).toMatch(message);
    if (ends) expect(last(trace)).toMatchObject({ kind: 'container', name: ends, port: 8080 });
  });

  it('shows the hostPort hop, the controller, then the Ingress', () => {
    const trace = traceRequest(topology, { url: `https://${here}/`, headers: { host: HOST } });
    expect(kinds(trace)).toEqual(['client', 'node', 'pod', 'container', 'ingress', 'service', 'pod', 'container']);
    expect(trace.hops[1]!.detail).toBe(`hostPort 443 → containerPort 443 of pod ${pod.name}`);
    expect(trace.hops[3]!.caption).toContain(`routes by the Host header: ${HOST}`);
  });

  it('a request without hostPort still finds no listener on port 80 of bare metal', () => {
    const bare = topologyOf([BAREMETAL, ...SEED]);
    const node = nodeNameOf(bare, controllerPod(bare));
    expect(traceRequest(bare, { url: `http://${node}/`, headers: { host: HOST } }).failure?.code).toBe(
      'TRACE-NODEPORT-CLOSED',
    );
  });
});

describe("the controller's own Service carries on through the Ingress rules", () => {
  const topology = topologyOf([BAREMETAL, ...SEED]);
  const service = topology.objects.find(
    (o): o is ServiceObj => o.role === 'service' && o.name === 'ingress-nginx-controller',
  )!;
  const nodePort = (name: string) => service.servicePorts.find((p) => p.name === name)!.nodePort!;

  it.each<{ name: string; request: TraceRequest; ok: boolean; redirected?: boolean; code?: string }>([
    {
      name: 'NodePort https with the Host header',
      request: { url: `https://node-1:${nodePort('https')}/`, headers: { host: HOST } },
      ok: true,
    },
    {
      name: 'NodePort http: redirected, then https',
      request: { url: `http://node-1:${nodePort('http')}/`, headers: { host: HOST } },
      ok: true,
      redirected: true,
    },
    {
      name: 'from a pod, by the Service name',
      request: {
        from: 'golang-backend-api-deployment',
        url: 'https://ingress-nginx-controller.ingress-nginx/',
        headers: { host: HOST },
      },
      ok: true,
    },
    {
      name: 'from a pod, to the admission webhook port: not routed',
      request: {
        from: 'golang-backend-api-deployment',
        url: 'https://ingress-nginx-controller-admission.ingress-nginx/',
        headers: { host: HOST },
      },
      ok: true,
    },
    {
      name: 'https to the http NodePort: the handshake fails',
      request: { url: `https://node-1:${nodePort('http')}/`, headers: { host: HOST } },
      ok: false,
      code: 'TRACE-NO-LISTENER',
    },
  ])('$name', ({ name, request, ok, redirected, code }) => {
    const trace = traceRequest(topology, request);
    expect(trace.ok, trace.failure?.message).toBe(ok);
    if (code) expect(trace.failure?.code).toBe(code);
    if (!ok) return;
    const end = last(trace);
    if (name.includes('webhook')) {
      expect(end).toMatchObject({ kind: 'container', name: 'controller', port: 8443 });
      return;
    }
    expect(end).toMatchObject({ kind: 'container', name: 'golang-backend-api', port: 8080 });
    expect(trace.hops.some((h) => h.detail.includes('308 Permanent Redirect'))).toBe(redirected ?? false);
  });
});

const ingress = (annotations: string, tls: boolean, className = 'nginx') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations: {${annotations}}\nspec:\n  ingressClassName: ${className}\n` +
  `  rules: [{host: ${HOST}, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: golang-backend-api-service, port: {number: 80}}}}]}}]\n` +
  (tls ? `  tls: [{hosts: [${HOST}], secretName: cert}]\n` : '');
const traefik =
  'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: traefik}\nspec: {controller: traefik.io/ingress-controller}\n';
const nginxClass =
  'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n';

describe('ingress-nginx redirects plain http to https with 308', () => {
  it.each([
    { name: 'TLS host: redirected', extra: [nginxClass, ingress('', true)], redirect: true },
    { name: 'no TLS: not redirected', extra: [nginxClass, ingress('', false)], redirect: false },
    {
      name: 'ssl-redirect "false": not redirected',
      extra: [nginxClass, ingress('nginx.ingress.kubernetes.io/ssl-redirect: "false"', true)],
      redirect: false,
    },
    {
      name: 'force-ssl-redirect without TLS: redirected',
      extra: [nginxClass, ingress('nginx.ingress.kubernetes.io/force-ssl-redirect: "true"', false)],
      redirect: true,
    },
    { name: 'another controller is not assumed to', extra: [traefik, ingress('', true, 'traefik')], redirect: false },
  ])('$name', ({ extra, redirect }) => {
    const trace = traceRequest(topologyOf([fixture('seed__deployment'), fixture('seed__service'), ...extra]), {
      url: `http://${HOST}/a?b=1`,
    });
    expect(trace.ok).toBe(true);
    const hop = trace.hops.find((h) => h.detail.includes('308 Permanent Redirect'));
    if (!redirect) {
      expect(hop).toBeUndefined();
      expect(kinds(trace)).toEqual(['client', 'loadbalancer', 'ingress', 'service', 'pod', 'container']);
      return;
    }
    expect(hop).toMatchObject({ kind: 'ingress', name: 'web' });
    expect(hop!.detail).toContain(`→ https://${HOST}/a?b=1`);
    expect(kinds(trace)).toEqual([
      'client',
      'loadbalancer',
      'ingress',
      'loadbalancer',
      'ingress',
      'service',
      'pod',
      'container',
    ]);
    expect(trace.hops[3]!.detail).toContain('https :443');
  });
});

describe('NetworkPolicy messages name the controller of the Ingress class', () => {
  const denyAll =
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n';
  it.each([
    {
      name: 'the controller pod in the files',
      files: [BAREMETAL, ...SEED, denyAll],
      message:
        /allows the ingress controller of IngressClass nginx \(k8s\.io\/ingress-nginx\), pod ingress-nginx-controller-\S+ \(namespace ingress-nginx\) on port 8080/,
    },
    {
      name: 'ingress-nginx not in the files: the stand-in',
      files: [...SEED, denyAll],
      message: /pod ingress-nginx-controller \(namespace ingress-nginx, assumed: not in these files\)/,
    },
    {
      name: 'another controller',
      files: [fixture('seed__deployment'), fixture('seed__service'), traefik, ingress('', true, 'traefik'), denyAll],
      message:
        /the ingress controller of IngressClass traefik \(traefik\.io\/ingress-controller\), whose pod is not in these files/,
    },
  ])('$name', ({ files, message }) => {
    const trace = traceRequest(topologyOf(files), { url: `https://${HOST}/` });
    expect(trace.failure?.code).toBe('TRACE-POLICY-DENIED');
    expect(trace.failure?.message).toMatch(message);
  });
});
