/**
 * Traces over real manifests from the test corpus. The files (and their PROVENANCE.tsv) live in
 * src/core/kubernetes/fixtures; they are imported as text so the core stays free of node:fs.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze';
import { suggestTraceUrls } from '../suggest';
import { traceRequest } from '../traceRequest';
import type { Trace, TraceRequest } from '../types';

const fixtures = import.meta.glob('../../kubernetes/fixtures/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function topologyOf(...names: string[]) {
  const files = names.map((name) => {
    const text = fixtures[`../../kubernetes/fixtures/${name}.yaml`];
    if (text === undefined) throw new Error(`no fixture ${name}`);
    return { name: `${name}.yaml`, text };
  });
  return analyze(files).topology;
}

const SEED = ['seed__deployment', 'seed__service', 'seed__ingress'];
const BOOKINFO = ['istio__samples__bookinfo__platform__kube__bookinfo'];
const BOUTIQUE = ['msd__release__kubernetes-manifests'];
const GUESTBOOK = [
  'k8s-examples__web__guestbook-go__guestbook-controller',
  'k8s-examples__web__guestbook-go__guestbook-service',
];
const VOTING = ['voting__k8s-specifications__result-deployment', 'voting__k8s-specifications__result-service'];
const MULTI_TLS = ['ingress-nginx__docs__examples__multi-tls__multi-tls'];
const ECHO = ['ingress-nginx__docs__examples__customization__external-auth-headers__echo-service'];
const GATEWAY = ['gateway-api__examples__standard__basic-http'];
const CASSANDRA = [
  'k8s-examples__databases__cassandra__cassandra-service',
  'k8s-examples__databases__cassandra__cassandra-statefulset',
];

function last(trace: Trace) {
  return trace.hops[trace.hops.length - 1]!;
}
function trace(names: string[], request: TraceRequest): Trace {
  return traceRequest(topologyOf(...names), request);
}

describe('seed: Deployment + Service + Ingress', () => {
  it.each(['https://api.hwangbogyumin.com/', 'https://api.hwangbogyumin.com/anything'])(
    '%s reaches golang-backend-api:8080',
    (url) => {
      const result = trace(SEED, { url });
      expect(result.ok).toBe(true);
      expect(result.hops.map((h) => h.kind)).toEqual([
        'client',
        'loadbalancer',
        'ingress',
        'service',
        'pod',
        'container',
      ]);
      expect(result.hops[2]).toMatchObject({
        name: 'golang-backend-api-ingress',
        detail: 'Rule api.hwangbogyumin.com / (Prefix) → golang-backend-api-service:80',
      });
      expect(result.hops[2]!.span?.file).toBe('seed__ingress.yaml');
      expect(result.hops[3]).toMatchObject({ name: 'golang-backend-api-service', port: 80 });
      expect(result.hops[3]!.caption).toMatch(/^Service port 80 → targetPort 8080; ClusterIP: /);
      expect(result.hops[4]!.name).toMatch(/^golang-backend-api-deployment-/);
      expect(result.hops[4]!.caption).toMatch(/\(1 of 2, round robin\)/);
      expect(last(result)).toMatchObject({ kind: 'container', name: 'golang-backend-api', port: 8080 });
      expect(result.hops.every((h) => !h.warning)).toBe(true);
    },
  );

  it('answers 404 for a host with no rule', () => {
    expect(trace(SEED, { url: 'https://hwangbogyumin.com/' }).failure).toMatchObject({
      code: 'TRACE-NO-RULE',
      status: 404,
    });
  });
});

describe('Bookinfo', () => {
  it('reaches productpage:9080 from inside', () => {
    const result = trace(BOOKINFO, { url: 'http://productpage:9080/', from: 'ratings-v1' });
    expect(result.ok).toBe(true);
    expect(last(result)).toMatchObject({ name: 'productpage', port: 9080 });
  });

  it('round-robins reviews over the v1, v2 and v3 pods', () => {
    const topology = topologyOf(...BOOKINFO);
    const pods = [0, 1, 2].map(
      (requestIndex) =>
        traceRequest(topology, { url: 'http://reviews:9080/', from: 'productpage-v1', requestIndex }).hops[2]!.name,
    );
    expect(pods.map((name) => /^reviews-(v\d)-/.exec(name)?.[1]).sort()).toEqual(['v1', 'v2', 'v3']);
  });
});

describe('Online Boutique', () => {
  it('reaches frontend through the frontend-external LoadBalancer', () => {
    const result = trace(BOUTIQUE, { url: 'http://frontend-external.default.lb/' });
    expect(result.ok).toBe(true);
    expect(result.hops[1]).toMatchObject({ kind: 'loadbalancer', port: 80 });
    expect(last(result)).toMatchObject({ name: 'server', port: 8080 });
  });

  it('reaches cartservice:7070 from frontend', () => {
    const result = trace(BOUTIQUE, { url: 'http://cartservice:7070', from: 'frontend' });
    expect(result.ok).toBe(true);
    expect(result.hops.map((h) => h.kind)).toEqual(['client', 'service', 'pod', 'container']);
    expect(result.hops[2]!.name).toMatch(/^cartservice-/);
    expect(last(result)).toMatchObject({ kind: 'container', port: 7070 });
  });
});

describe('guestbook-go: named targetPort', () => {
  it('resolves targetPort http-server to containerPort 3000', () => {
    const result = trace(GUESTBOOK, { url: 'http://guestbook.default.lb:3000/' });
    expect(result.ok).toBe(true);
    expect(result.hops[2]!.detail).toContain('targetPort http-server');
    expect(last(result)).toMatchObject({ name: 'guestbook', port: 3000, detail: 'containerPort 3000 (http-server)' });
  });
});

describe('voting app: NodePort', () => {
  it.each(['http://node-1:31001/', 'http://node-3:31001/'])('%s reaches container port 80 named result', (url) => {
    const result = trace(VOTING, { url });
    expect(result.ok).toBe(true);
    expect(result.hops.map((h) => h.kind)).toEqual(['client', 'node', 'service', 'pod', 'container']);
    expect(result.hops[2]).toMatchObject({ name: 'result', port: 8081 });
    expect(last(result)).toMatchObject({ name: 'result', port: 80, detail: 'containerPort 80 (result)' });
  });

  it('refuses another node port', () => {
    expect(trace(VOTING, { url: 'http://node-1:31000/' }).failure?.code).toBe('TRACE-NODEPORT-CLOSED');
  });
});

describe('ingress-nginx examples', () => {
  it.each([
    ['https://foo.bar.com/', 'http-svc'],
    ['https://bar.baz.com/x', 'nginx'],
  ])('multi-tls: %s reaches Service %s, TLS on both hosts', (url, service) => {
    const result = trace(MULTI_TLS, { url });
    expect(result.ok).toBe(true);
    expect(result.hops[2]).toMatchObject({ kind: 'ingress', name: 'foo-tls' });
    expect(result.hops[2]!.warning).toBeUndefined();
    expect(result.hops[3]!.name).toBe(service);
    expect(last(result).kind).toBe('container');
  });

  it('echo-service: two Ingresses, one per host, to the same Service', () => {
    const topology = topologyOf(...ECHO);
    const a = traceRequest(topology, { url: 'http://public-demo-echo-service.kube.local/' });
    const b = traceRequest(topology, { url: 'http://secure-demo-echo-service.kube.local/' });
    expect(a.ok && b.ok).toBe(true);
    expect(a.hops[2]!.name).not.toBe(b.hops[2]!.name);
    expect(a.hops[3]!.name).toBe(b.hops[3]!.name);
  });
});

describe('Gateway API example', () => {
  it('routes foo.com/bar to my-service1, which these files do not define', () => {
    const result = trace(GATEWAY, { url: 'http://foo.com/bar' });
    expect(result.hops[1]).toMatchObject({ kind: 'loadbalancer', name: 'my-gateway' });
    expect(result.hops[2]).toMatchObject({ kind: 'ingress', name: 'http-app-1', failed: true });
    expect(result.failure).toMatchObject({ code: 'TRACE-SERVICE-NOT-FOUND' });
    expect(result.failure!.message).toContain('my-service1');
  });

  it('matches header, query and method for the second rule', () => {
    const result = trace(GATEWAY, { url: 'http://foo.com/some/thing?great=example', headers: { magic: 'foo' } });
    expect(result.failure!.message).toContain('my-service2');
    expect(trace(GATEWAY, { url: 'http://foo.com/some/thing' }).failure?.code).toBe('TRACE-NO-RULE');
  });
});

describe('Cassandra: headless Service and StatefulSet pod names', () => {
  it('reaches cassandra-1 by its pod DNS name', () => {
    const result = trace(CASSANDRA, { url: 'tcp://cassandra-1.cassandra:9042', from: 'cassandra' });
    expect(result.ok).toBe(true);
    expect(result.hops[2]!.name).toBe('cassandra-1');
    expect(last(result)).toMatchObject({ name: 'cassandra', port: 9042 });
  });
});

describe('suggestTraceUrls', () => {
  it.each([
    ['seed', 'https://api.hwangbogyumin.com/', SEED],
    ['voting', 'http://node-1:31001/', VOTING],
    ['boutique', 'http://frontend-external.default.lb/', BOUTIQUE],
    ['guestbook', 'http://guestbook.default.lb:3000/', GUESTBOOK],
    ['cassandra', 'http://cassandra-0.cassandra.default:9042/', CASSANDRA],
    ['bookinfo', 'http://reviews:9080/', BOOKINFO],
    ['multi-tls', 'https://bar.baz.com/', MULTI_TLS],
  ] as const)('%s: suggests %s, and every suggestion traces', (_name, expected, names) => {
    const topology = topologyOf(...names);
    const suggestions = suggestTraceUrls(topology);
    expect(suggestions.map((s) => s.url)).toContain(expected);
    for (const suggestion of suggestions) {
      const result = traceRequest(topology, {
        url: suggestion.url,
        ...(suggestion.from ? { from: suggestion.from } : {}),
      });
      expect({ suggestion, failure: result.failure }).toEqual({ suggestion, failure: undefined });
    }
  });

  it('suggests inside calls with a caller', () => {
    const suggestions = suggestTraceUrls(topologyOf(...BOUTIQUE));
    expect(suggestions).toContainEqual(expect.objectContaining({ url: 'http://cartservice:7070/', entry: 'inside' }));
  });
});

describe('ingress-nginx multi-tls: plain http to a TLS host is redirected (308) and followed', () => {
  it.each(['foo.bar.com', 'bar.baz.com'])('http://%s/', (host) => {
    const result = trace(MULTI_TLS, { url: `http://${host}/` });
    expect(result.ok).toBe(true);
    const redirect = result.hops.find((h) => h.detail.includes('308 Permanent Redirect'));
    expect(redirect).toMatchObject({ kind: 'ingress', name: 'foo-tls' });
    expect(redirect!.detail).toContain(`→ https://${host}/`);
    expect(result.hops.filter((h) => h.kind === 'loadbalancer').map((h) => h.detail)).toEqual([
      expect.stringContaining('http :80'),
      expect.stringContaining('https :443'),
    ]);
    expect(last(result).kind).toBe('container');
  });
});

describe('the last hop points at the line that answers', () => {
  it('the seed: the container hop shows `containerPort: 8080` of the Deployment', () => {
    const trace = traceRequest(topologyOf(...SEED), { url: 'https://api.hwangbogyumin.com/' });
    const last = trace.hops.at(-1)!;
    expect(last).toMatchObject({ kind: 'container', port: 8080 });
    expect(last.span).toMatchObject({ file: 'seed__deployment.yaml', start: { line: 22 } });
  });
});
