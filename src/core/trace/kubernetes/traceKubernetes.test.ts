import { describe, expect, it } from 'vitest';
import { backend, sel, seedTopology, TopologyBuilder } from './testTopology.testkit';
import { traceRequest } from '../traceRequest';
import { traceToJson } from '../traceJson';
import type { Trace } from '../types';

function kinds(trace: Trace): string[] {
  return trace.hops.map((h) => h.kind);
}
function last(trace: Trace) {
  return trace.hops[trace.hops.length - 1]!;
}
function podOf(trace: Trace): string {
  return trace.hops.find((h) => h.kind === 'pod')!.name;
}

describe('Ingress from outside (seed example)', () => {
  const topology = seedTopology().build();

  // Plain http to the TLS host is redirected first (dataPlane.test.ts); these start on https.
  it.each([
    'https://api.hwangbogyumin.com/',
    'https://api.hwangbogyumin.com/anything',
    'https://API.hwangbogyumin.com/x/y',
  ])('%s ends at container golang-backend-api:8080', (url) => {
    const trace = traceRequest(topology, { url });
    expect(trace.ok).toBe(true);
    expect(kinds(trace)).toEqual(['client', 'loadbalancer', 'ingress', 'service', 'pod', 'container']);
    expect(last(trace)).toMatchObject({ kind: 'container', name: 'golang-backend-api', port: 8080 });
    expect(trace.hops[2]!.caption).toContain('Rule api.hwangbogyumin.com / (Prefix) → golang-backend-api-service:80');
    expect(trace.hops[3]!.caption).toMatch(/^Service port 80 → targetPort 8080; ClusterIP: /);
    expect(trace.hops[4]!.caption).toMatch(
      /kube-proxy picked golang-backend-api-deployment-\S+ \(1 of 2, round robin\)/,
    );
    expect(trace.hops[1]!.detail).toContain('k8s.io/ingress-nginx');
    expect(trace.hops.some((h) => h.warning)).toBe(false);
  });

  it('answers 404 for a host no rule names', () => {
    const trace = traceRequest(topology, { url: 'https://www.hwangbogyumin.com/' });
    expect(trace.ok).toBe(false);
    expect(trace.failure).toMatchObject({ code: 'TRACE-NO-RULE', status: 404 });
    expect(trace.failure!.message).toContain('api.hwangbogyumin.com');
    expect(last(trace)).toMatchObject({ kind: 'loadbalancer', failed: true });
  });

  it('refuses a port the controller does not listen on', () => {
    expect(traceRequest(topology, { url: 'http://api.hwangbogyumin.com:8080/' }).failure?.code).toBe(
      'TRACE-NO-LISTENER',
    );
  });

  it('strips to the contract shape', () => {
    const json = traceToJson(traceRequest(topology, { url: 'https://api.hwangbogyumin.com/' }));
    expect(Object.keys(json)).toEqual(['ok', 'hops']);
    for (const hop of json.hops) {
      expect(Object.keys(hop).every((k) => ['kind', 'name', 'namespace', 'port', 'detail'].includes(k))).toBe(true);
    }
    expect(json.hops[5]).toEqual({
      kind: 'container',
      name: 'golang-backend-api',
      namespace: 'default',
      port: 8080,
      detail: 'containerPort 8080',
    });
    const failed = traceToJson(traceRequest(topology, { url: 'https://nope.example/' }));
    expect(Object.keys(failed.failure!).sort()).toEqual(['code', 'message', 'object']);
  });
});

describe('Ingress semantics', () => {
  const base = () =>
    new TopologyBuilder()
      .workload('a', {
        labels: { app: 'a' },
        containers: [{ name: 'a', ports: [{ containerPort: 8080, name: 'http' }] }],
      })
      .workload('b', { labels: { app: 'b' }, containers: [{ name: 'b', ports: [{ containerPort: 9090 }] }] })
      .service('a', { selector: { app: 'a' }, ports: [{ port: 80, targetPort: 'http', name: 'web' }] })
      .service('b', { selector: { app: 'b' }, ports: [{ port: 90, targetPort: 9090 }] });

  it('merges rules across Ingresses: longest path, Exact over Prefix, wildcard and host-less rules', () => {
    const topology = base()
      .ingress('one', {
        rules: [{ host: 'shop.example', paths: [{ path: '/', pathType: 'Prefix', backend: backend('a', 80) }] }],
      })
      .ingress('two', {
        rules: [
          { host: 'shop.example', paths: [{ path: '/api', pathType: 'Prefix', backend: backend('b', 90) }] },
          { host: '*.example', paths: [{ path: '/', pathType: 'Prefix', backend: backend('b', 90) }] },
          { paths: [{ path: '/', pathType: 'Prefix', backend: backend('a', 'web') }] },
        ],
      })
      .build();
    const to = (url: string) => last(traceRequest(topology, { url })).name;
    expect(to('http://shop.example/api/v1')).toBe('b');
    expect(to('http://shop.example/apiv1')).toBe('a');
    expect(to('http://other.example/')).toBe('b');
    expect(to('http://deep.other.example/')).toBe('a');
    expect(to('http://10.0.0.1/')).toBe('a');
    expect(traceRequest(topology, { url: 'http://shop.example/api' }).hops[2]!.name).toBe('two');
  });

  it('falls back to defaultBackend when the host matches but no path does; 404 without one', () => {
    const rules = [
      { host: 'x.example', paths: [{ path: '/only', pathType: 'Exact' as const, backend: backend('a', 80) }] },
    ];
    const withDefault = base()
      .ingress('i', { rules, defaultBackend: backend('b', 90) })
      .build();
    const trace = traceRequest(withDefault, { url: 'http://x.example/other' });
    expect(trace.ok).toBe(true);
    expect(trace.hops[2]!.detail).toBe('defaultBackend → b:90');
    expect(last(trace).name).toBe('b');

    const without = traceRequest(base().ingress('i', { rules }).build(), { url: 'http://x.example/other' });
    expect(without.failure).toMatchObject({ code: 'TRACE-NO-RULE', status: 404, object: 'Ingress/default/i' });
    expect(last(without)).toMatchObject({ kind: 'ingress', name: 'i', failed: true });
  });

  it('warns on https to a host without TLS, and not on http to a TLS host', () => {
    const rules = [
      { host: 'x.example', paths: [{ path: '/', pathType: 'Prefix' as const, backend: backend('a', 80) }] },
    ];
    const plain = base().ingress('i', { rules }).build();
    expect(traceRequest(plain, { url: 'https://x.example/' }).hops[2]!.warning).toMatch(/spec\.tls/);
    const tls = base()
      .ingress('i', { rules, tls: [{ hosts: ['x.example'] }] })
      .build();
    expect(traceRequest(tls, { url: 'http://x.example/' }).hops[2]!.warning).toBeUndefined();
    expect(traceRequest(tls, { url: 'https://x.example/' }).hops[2]!.warning).toBeUndefined();
  });

  it('resolves a backend port by name on the Service, and notes ImplementationSpecific', () => {
    const topology = base()
      .ingress('i', {
        rules: [{ paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: backend('a', 'web') }] }],
      })
      .build();
    const trace = traceRequest(topology, { url: 'http://any.example/' });
    expect(trace.ok).toBe(true);
    expect(trace.hops[3]).toMatchObject({ kind: 'service', name: 'a', port: 80 });
    expect(last(trace)).toMatchObject({ name: 'a', port: 8080, detail: 'containerPort 8080 (http)' });
    expect(trace.hops[2]!.caption).toContain('depends on the controller');
  });

  it('looks the backend up in the Ingress namespace only', () => {
    const topology = base()
      .ingress('i', {
        namespace: 'shop',
        rules: [{ paths: [{ path: '/', pathType: 'Prefix', backend: backend('a', 80) }] }],
      })
      .build();
    const trace = traceRequest(topology, { url: 'http://x/' });
    expect(trace.failure).toMatchObject({ code: 'TRACE-SERVICE-NOT-FOUND', status: 503, object: 'Ingress/shop/i' });
    expect(last(trace)).toMatchObject({ kind: 'ingress', failed: true });
  });

  it('fails when the backend port is not on the Service', () => {
    const topology = base()
      .ingress('i', { rules: [{ paths: [{ path: '/', pathType: 'Prefix', backend: backend('a', 8080) }] }] })
      .build();
    expect(traceRequest(topology, { url: 'http://x/' }).failure).toMatchObject({
      code: 'TRACE-PORT-NOT-ON-SERVICE',
      object: 'Service/default/a',
    });
  });

  it('groups Ingresses by class (default class for unclassed ones) and says which controller served', () => {
    const topology = base()
      .ingressClass('nginx', { controller: 'k8s.io/ingress-nginx', isDefault: true })
      .ingressClass('traefik', { controller: 'traefik.io/ingress-controller' })
      .ingress('plain', {
        rules: [{ host: 'x.example', paths: [{ path: '/', pathType: 'Prefix', backend: backend('a', 80) }] }],
      })
      .ingress('other', {
        className: 'traefik',
        rules: [{ host: 'y.example', paths: [{ path: '/', pathType: 'Prefix', backend: backend('b', 90) }] }],
      })
      .build();
    const x = traceRequest(topology, { url: 'http://x.example/' });
    expect(x.hops[1]).toMatchObject({ name: 'nginx ingress controller', objectId: 'IngressClass/nginx' });
    const y = traceRequest(topology, { url: 'http://y.example/' });
    expect(y.hops[1]!.name).toBe('traefik ingress controller');
    expect(y.hops[1]!.caption).toContain('Served by IngressClass traefik');
    expect(last(y).name).toBe('b');
  });
});

describe('Service → pod', () => {
  it('round-robins over successive requests', () => {
    const topology = seedTopology().build();
    const pods = [0, 1, 2, 3].map((requestIndex) =>
      podOf(traceRequest(topology, { url: 'https://api.hwangbogyumin.com/', requestIndex })),
    );
    expect(pods[0]).not.toBe(pods[1]);
    expect(pods[0]).toBe(pods[2]);
    expect(pods[1]).toBe(pods[3]);
  });

  it('sticks to one pod per client with sessionAffinity ClientIP', () => {
    const topology = new TopologyBuilder()
      .workload('w', { labels: { app: 'w' }, replicas: 3, containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] })
      .service('w', {
        type: 'NodePort',
        selector: { app: 'w' },
        ports: [{ port: 80, nodePort: 30080 }],
        sessionAffinity: 'ClientIP',
      })
      .build();
    for (const clientIp of ['198.51.100.1', '198.51.100.2', '198.51.100.77']) {
      const picks = new Set(
        [0, 1, 2, 3, 4].map((requestIndex) =>
          podOf(traceRequest(topology, { url: 'http://node-1:30080/', requestIndex, clientIp })),
        ),
      );
      expect(picks.size).toBe(1);
    }
    const spread = new Set(
      Array.from({ length: 20 }, (_, i) =>
        podOf(traceRequest(topology, { url: 'http://node-1:30080/', clientIp: `198.51.100.${i}` })),
      ),
    );
    expect(spread.size).toBeGreaterThan(1);
  });

  it('resolves a named targetPort per pod (pods may map it to different numbers)', () => {
    const topology = new TopologyBuilder()
      .workload('hello', {
        labels: { app: 'hello' },
        replicas: 2,
        containers: [
          [{ name: 'v1', ports: [{ containerPort: 80, name: 'http' }] }],
          [{ name: 'v2', ports: [{ containerPort: 81, name: 'http' }] }],
        ],
      })
      .service('hello', {
        type: 'NodePort',
        selector: { app: 'hello' },
        ports: [{ port: 80, targetPort: 'http', nodePort: 30001 }],
      })
      .build();
    const ports = [0, 1].map((requestIndex) =>
      last(traceRequest(topology, { url: 'http://node-1:30001/', requestIndex })),
    );
    expect(ports.map((p) => [p.name, p.port])).toEqual([
      ['v1', 80],
      ['v2', 81],
    ]);
    expect(ports[0]!.detail).toBe('containerPort 80 (http)');
  });

  it('fails when the picked pod lacks the named port', () => {
    const topology = new TopologyBuilder()
      .workload('w', { labels: { app: 'w' }, containers: [{ name: 'c', ports: [{ containerPort: 80, name: 'web' }] }] })
      .service('w', {
        type: 'NodePort',
        selector: { app: 'w' },
        ports: [{ port: 80, targetPort: 'http', nodePort: 30002 }],
      })
      .build();
    const trace = traceRequest(topology, { url: 'http://node-2:30002/' });
    expect(trace.failure).toMatchObject({ code: 'TRACE-NAMED-PORT-NOT-FOUND', status: 502 });
    expect(trace.failure!.message).toContain('web (80)');
    expect(last(trace)).toMatchObject({ kind: 'pod', failed: true });
  });

  it('reaches an undeclared numeric targetPort with a warning', () => {
    const topology = new TopologyBuilder()
      .workload('w', { labels: { app: 'w' }, containers: [{ name: 'c' }] })
      .service('w', {
        type: 'NodePort',
        selector: { app: 'w' },
        ports: [{ port: 80, targetPort: 3000, nodePort: 30003 }],
      })
      .build();
    const trace = traceRequest(topology, { url: 'http://node-1:30003/' });
    expect(trace.ok).toBe(true);
    expect(last(trace)).toMatchObject({ kind: 'container', name: 'c', port: 3000 });
    expect(last(trace).warning).toContain('informational');
  });

  it('fails with 503 when no pod matches, or pods are Pending', () => {
    const none = new TopologyBuilder()
      .workload('w', { labels: { app: 'w' }, containers: [{ name: 'c' }] })
      .service('w', { type: 'NodePort', selector: { app: 'typo' }, ports: [{ port: 80, nodePort: 30004 }] })
      .build();
    const trace = traceRequest(none, { url: 'http://node-1:30004/' });
    expect(trace.failure).toMatchObject({ code: 'TRACE-NO-ENDPOINTS', status: 503, object: 'Service/default/w' });
    expect(last(trace)).toMatchObject({ kind: 'service', failed: true });

    const pending = new TopologyBuilder()
      .workload('w', { labels: { app: 'w' }, containers: [{ name: 'c' }], unschedulable: true })
      .service('w', { type: 'NodePort', selector: { app: 'w' }, ports: [{ port: 80, nodePort: 30004 }] })
      .build();
    expect(traceRequest(pending, { url: 'http://node-1:30004/' }).failure!.message).toContain('Pending');
  });
});

describe('NodePort and LoadBalancer entry', () => {
  const topology = new TopologyBuilder(3)
    .workload('result', {
      labels: { app: 'result' },
      containers: [{ name: 'result', ports: [{ containerPort: 80, name: 'result' }] }],
    })
    .service('result', {
      type: 'NodePort',
      selector: { app: 'result' },
      ports: [{ port: 8081, targetPort: 80, nodePort: 31001, name: 'result-service' }],
    })
    .workload('frontend', {
      labels: { app: 'frontend' },
      containers: [{ name: 'server', ports: [{ containerPort: 8080 }] }],
    })
    .service('frontend-external', {
      type: 'LoadBalancer',
      selector: { app: 'frontend' },
      ports: [{ port: 80, targetPort: 8080, name: 'http' }],
    })
    .service('fixed', {
      type: 'LoadBalancer',
      loadBalancerIP: '192.0.2.7',
      selector: { app: 'frontend' },
      ports: [{ port: 8443, targetPort: 8080 }],
    })
    .build();

  it('reaches the pod through any node, forwarding when the pod is elsewhere', () => {
    const on1 = traceRequest(topology, { url: 'http://node-1:31001/' });
    expect(on1.ok).toBe(true);
    expect(kinds(on1)).toEqual(['client', 'node', 'service', 'pod', 'container']);
    expect(on1.hops[1]).toMatchObject({ name: 'node-1', port: 31001 });
    expect(last(on1)).toMatchObject({ name: 'result', port: 80, detail: 'containerPort 80 (result)' });
    expect(on1.hops[3]!.caption).not.toContain('forwards');
    const on2 = traceRequest(topology, { url: 'http://node-2:31001/' });
    expect(on2.hops[3]!.caption).toContain('kube-proxy on node-2 forwards it to node-1');
  });

  it('refuses a closed node port and an unknown node', () => {
    const closed = traceRequest(topology, { url: 'http://node-1:31002/' });
    expect(closed.failure).toMatchObject({ code: 'TRACE-NODEPORT-CLOSED' });
    expect(closed.failure!.message).toContain('31001 (result)');
    expect(last(closed)).toMatchObject({ kind: 'node', failed: true });
    expect(traceRequest(topology, { url: 'http://node-9:31001/' }).failure).toMatchObject({
      code: 'TRACE-DNS-NXDOMAIN',
    });
  });

  it('reaches a LoadBalancer by its synthetic address or its loadBalancerIP', () => {
    const trace = traceRequest(topology, { url: 'http://frontend-external.default.lb/' });
    expect(trace.ok).toBe(true);
    expect(kinds(trace)).toEqual(['client', 'loadbalancer', 'service', 'pod', 'container']);
    expect(last(trace)).toMatchObject({ name: 'server', port: 8080 });
    expect(traceRequest(topology, { url: 'http://192.0.2.7:8443/' }).ok).toBe(true);
    expect(traceRequest(topology, { url: 'http://192.0.2.7/' }).failure?.code).toBe('TRACE-PORT-NOT-ON-SERVICE');
  });

  it('says a ClusterIP name is for inside callers', () => {
    const trace = traceRequest(topology, { url: 'http://result:8081/' });
    expect(trace.failure?.code).toBe('TRACE-DNS-NXDOMAIN');
    expect(trace.failure?.message).toContain('--from');
  });
});

describe('From inside: cluster DNS', () => {
  const topology = new TopologyBuilder()
    .namespace('shop', { team: 'shop' })
    .workload('frontend', {
      labels: { app: 'frontend' },
      containers: [{ name: 'server', ports: [{ containerPort: 8080 }] }],
    })
    .workload('cart', {
      namespace: 'shop',
      labels: { app: 'cart' },
      containers: [{ name: 'cart', ports: [{ containerPort: 7070, name: 'grpc' }] }],
    })
    .service('cart', { namespace: 'shop', selector: { app: 'cart' }, ports: [{ port: 7070, targetPort: 'grpc' }] })
    .workload('shopper', { namespace: 'shop', labels: { app: 'shopper' }, containers: [{ name: 'shopper' }] })
    .workload('db', {
      kind: 'StatefulSet',
      serviceName: 'db',
      replicas: 2,
      labels: { app: 'db' },
      containers: [{ name: 'db', ports: [{ containerPort: 5432 }] }],
    })
    .service('db', { headless: true, selector: { app: 'db' }, ports: [{ port: 5432 }] })
    .service('maps', { type: 'ExternalName', externalName: 'maps.googleapis.com' })
    .build();

  it.each([
    'http://cart.shop:7070',
    'http://cart.shop.svc:7070',
    'http://cart.shop.svc.cluster.local:7070',
    'http://cart.shop.svc.cluster.local.:7070',
  ])('resolves %s from another namespace', (url) => {
    const trace = traceRequest(topology, { url, from: 'frontend' });
    expect(trace.ok).toBe(true);
    expect(kinds(trace)).toEqual(['client', 'service', 'pod', 'container']);
    expect(trace.hops[0]).toMatchObject({ kind: 'client', name: 'frontend-7c9f-a0', namespace: 'default' });
    expect(last(trace)).toMatchObject({ name: 'cart', port: 7070, detail: 'containerPort 7070 (grpc)' });
  });

  it('resolves a short name only in the client namespace', () => {
    expect(traceRequest(topology, { url: 'http://cart:7070', from: 'shop/shopper' }).ok).toBe(true);
    const trace = traceRequest(topology, { url: 'http://cart:7070', from: 'frontend' });
    expect(trace.failure?.code).toBe('TRACE-DNS-NXDOMAIN');
    expect(trace.failure?.message).toContain('cart.default.svc.cluster.local');
    expect(last(trace)).toMatchObject({ kind: 'client', failed: true });
  });

  it('refuses a port the Service does not expose', () => {
    const trace = traceRequest(topology, { url: 'http://cart.shop:8080', from: 'frontend' });
    expect(trace.failure?.code).toBe('TRACE-PORT-NOT-ON-SERVICE');
    expect(last(trace)).toMatchObject({ kind: 'service', failed: true });
  });

  it('resolves a headless Service to its pods, and a pod name directly', () => {
    const pods = [0, 1].map((requestIndex) =>
      traceRequest(topology, { url: 'tcp://db:5432', from: 'frontend', requestIndex }),
    );
    expect(pods.map(podOf)).toEqual(['db-0', 'db-1']);
    expect(pods[0]!.hops[1]!.detail).toContain('headless');
    for (const url of ['tcp://db-1.db:5432', 'tcp://db-1.db.default.svc.cluster.local:5432']) {
      const trace = traceRequest(topology, { url, from: 'frontend' });
      expect(podOf(trace)).toBe('db-1');
      expect(last(trace)).toMatchObject({ name: 'db', port: 5432 });
    }
    expect(traceRequest(topology, { url: 'tcp://db-7.db:5432', from: 'frontend' }).failure?.code).toBe(
      'TRACE-DNS-NXDOMAIN',
    );
  });

  it('ends an ExternalName at an external hop', () => {
    const trace = traceRequest(topology, { url: 'https://maps', from: 'frontend' });
    expect(trace.ok).toBe(true);
    expect(last(trace)).toMatchObject({ kind: 'external', name: 'maps.googleapis.com' });
  });

  it('sends a public name out, and a missing cluster name to NXDOMAIN', () => {
    expect(last(traceRequest(topology, { url: 'https://api.github.com/', from: 'frontend' }))).toMatchObject({
      kind: 'external',
      name: 'api.github.com',
    });
    expect(traceRequest(topology, { url: 'http://postgres:5432', from: 'frontend' }).failure?.code).toBe(
      'TRACE-DNS-NXDOMAIN',
    );
    expect(traceRequest(topology, { url: 'http://nothing.shop:80', from: 'frontend' }).failure?.code).toBe(
      'TRACE-DNS-NXDOMAIN',
    );
  });

  it('accepts a Service or pod as the client, and refuses an unknown one', () => {
    expect(traceRequest(topology, { url: 'http://cart:7070', from: 'shop/cart' }).hops[0]!.name).toBe('cart-7c9f-a0');
    expect(traceRequest(topology, { url: 'http://cart.shop:7070', from: 'db-1' }).hops[0]!.name).toBe('db-1');
    expect(traceRequest(topology, { url: 'http://cart:7070', from: 'nobody' }).failure?.code).toBe('TRACE-BAD-FROM');
  });

  it('goes out and back in for an Ingress host', () => {
    const withIngress = seedTopology()
      .workload('caller', { labels: { app: 'caller' }, containers: [{ name: 'c' }] })
      .build();
    const trace = traceRequest(withIngress, { url: 'https://api.hwangbogyumin.com/', from: 'caller' });
    expect(trace.ok).toBe(true);
    expect(kinds(trace)).toEqual(['client', 'loadbalancer', 'ingress', 'service', 'pod', 'container']);
    expect(trace.hops[0]!.caption).toContain('leaves the cluster');
  });
});

describe('NetworkPolicy', () => {
  const build = (configure: (b: TopologyBuilder) => TopologyBuilder) =>
    configure(
      new TopologyBuilder()
        .namespace('monitoring', { team: 'ops' })
        .workload('api', {
          labels: { app: 'api' },
          containers: [{ name: 'api', ports: [{ containerPort: 8080, name: 'http' }] }],
        })
        .service('api', {
          type: 'NodePort',
          selector: { app: 'api' },
          ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
        })
        .workload('web', { labels: { app: 'web' }, containers: [{ name: 'web' }] })
        .workload('other', { labels: { app: 'other' }, containers: [{ name: 'other' }] })
        .workload('prom', { namespace: 'monitoring', labels: { app: 'prom' }, containers: [{ name: 'prom' }] }),
    ).build();

  it('denies everything with an empty ingress policy, naming it', () => {
    const topology = build((b) => b.policy('deny-all', { podSelector: sel() }));
    const trace = traceRequest(topology, { url: 'http://api', from: 'web' });
    expect(trace.failure).toMatchObject({ code: 'TRACE-POLICY-DENIED', object: 'NetworkPolicy/default/deny-all' });
    expect(trace.failure!.message).toContain('deny-all');
    expect(last(trace)).toMatchObject({ kind: 'pod', failed: true });
  });

  it('allows by podSelector in the policy namespace only', () => {
    const topology = build((b) =>
      b.policy('from-web', {
        podSelector: sel({ app: 'api' }),
        ingress: [{ peers: [{ podSelector: sel({ app: 'web' }) }], ports: [] }],
      }),
    );
    expect(traceRequest(topology, { url: 'http://api', from: 'web' }).ok).toBe(true);
    expect(traceRequest(topology, { url: 'http://api', from: 'other' }).failure?.code).toBe('TRACE-POLICY-DENIED');
    expect(traceRequest(topology, { url: 'http://api.default', from: 'monitoring/prom' }).failure?.code).toBe(
      'TRACE-POLICY-DENIED',
    );
    expect(traceRequest(topology, { url: 'http://api', from: 'web' }).hops[2]!.caption).toContain(
      'NetworkPolicy from-web allows it',
    );
  });

  it('allows by namespaceSelector (Namespace labels and kubernetes.io/metadata.name), alone or with podSelector', () => {
    const byLabel = build((b) =>
      b.policy('ops', {
        podSelector: sel({ app: 'api' }),
        ingress: [{ peers: [{ namespaceSelector: sel({ team: 'ops' }) }], ports: [] }],
      }),
    );
    expect(traceRequest(byLabel, { url: 'http://api.default', from: 'monitoring/prom' }).ok).toBe(true);
    expect(traceRequest(byLabel, { url: 'http://api', from: 'web' }).ok).toBe(false);
    const byName = build((b) =>
      b.policy('ops', {
        podSelector: sel({ app: 'api' }),
        ingress: [
          {
            peers: [
              {
                namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'monitoring' }),
                podSelector: sel({ app: 'nope' }),
              },
            ],
            ports: [],
          },
        ],
      }),
    );
    expect(traceRequest(byName, { url: 'http://api.default', from: 'monitoring/prom' }).ok).toBe(false);
  });

  it('checks ports by number, range and name', () => {
    const policy = (port: number | string, endPort?: number) =>
      build((b) =>
        b.policy('p', {
          podSelector: sel({ app: 'api' }),
          ingress: [{ peers: [], ports: [{ port, protocol: 'TCP', ...(endPort ? { endPort } : {}) }] }],
        }),
      );
    expect(traceRequest(policy(8080), { url: 'http://api', from: 'web' }).ok).toBe(true);
    expect(traceRequest(policy(80), { url: 'http://api', from: 'web' }).ok).toBe(false);
    expect(traceRequest(policy(8000, 8100), { url: 'http://api', from: 'web' }).ok).toBe(true);
    expect(traceRequest(policy('http'), { url: 'http://api', from: 'web' }).ok).toBe(true);
    expect(traceRequest(policy('grpc'), { url: 'http://api', from: 'web' }).ok).toBe(false);
  });

  it('checks the Internet client against ipBlock', () => {
    const policy = (cidr: string, except: string[] = []) =>
      build((b) =>
        b.policy('p', {
          podSelector: sel({ app: 'api' }),
          ingress: [{ peers: [{ ipBlock: { cidr, except } }], ports: [] }],
        }),
      );
    expect(traceRequest(policy('0.0.0.0/0'), { url: 'http://node-1:30080/' }).ok).toBe(true);
    expect(traceRequest(policy('203.0.113.0/24'), { url: 'http://node-1:30080/' }).ok).toBe(true);
    expect(traceRequest(policy('0.0.0.0/0', ['203.0.113.0/24']), { url: 'http://node-1:30080/' }).ok).toBe(false);
    expect(traceRequest(policy('10.0.0.0/8'), { url: 'http://node-1:30080/' }).ok).toBe(false);
    expect(traceRequest(policy('10.0.0.0/8'), { url: 'http://node-1:30080/', clientIp: '10.1.2.3' }).ok).toBe(true);
    // A pod is not an ipBlock peer (pod IPs are not simulated).
    expect(traceRequest(policy('0.0.0.0/0'), { url: 'http://api', from: 'web' }).ok).toBe(false);
  });

  it('sees Ingress traffic as coming from the ingress-nginx controller pod', () => {
    const topology = build((b) =>
      b
        .ingress('i', { rules: [{ paths: [{ path: '/', pathType: 'Prefix', backend: backend('api', 80) }] }] })
        .policy('from-ingress', {
          podSelector: sel({ app: 'api' }),
          ingress: [
            { peers: [{ namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'ingress-nginx' }) }], ports: [] },
          ],
        }),
    );
    expect(traceRequest(topology, { url: 'http://x/' }).ok).toBe(true);
    expect(traceRequest(topology, { url: 'http://api', from: 'web' }).ok).toBe(false);
  });

  it('applies egress policies of the client pod', () => {
    const topology = build((b) =>
      b.policy('web-egress', {
        podSelector: sel({ app: 'web' }),
        policyTypes: ['Egress'],
        egress: [{ peers: [{ podSelector: sel({ app: 'db' }) }], ports: [] }],
      }),
    );
    const trace = traceRequest(topology, { url: 'http://api', from: 'web' });
    expect(trace.failure?.code).toBe('TRACE-POLICY-DENIED');
    expect(trace.failure?.message).toContain('egress');
    expect(traceRequest(topology, { url: 'http://api', from: 'other' }).ok).toBe(true);
  });
});

describe('Gateway API', () => {
  const build = () =>
    new TopologyBuilder()
      .workload('store-v1', {
        labels: { app: 'store', v: '1' },
        containers: [{ name: 'store', ports: [{ containerPort: 8080 }] }],
      })
      .workload('store-v2', {
        labels: { app: 'store', v: '2' },
        containers: [{ name: 'store2', ports: [{ containerPort: 8080 }] }],
      })
      .workload('login', {
        labels: { app: 'login' },
        containers: [{ name: 'login', ports: [{ containerPort: 9000 }] }],
      })
      .service('store-v1', { selector: { v: '1' }, ports: [{ port: 8080 }] })
      .service('store-v2', { selector: { v: '2' }, ports: [{ port: 8080 }] })
      .service('login', { selector: { app: 'login' }, ports: [{ port: 80, targetPort: 9000 }] })
      .gateway('gw', [{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com' }])
      .route('store', {
        namespace: 'default',
        parentRefs: [{ kind: 'Gateway', name: 'gw' }],
        hostnames: ['store.example.com'],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }],
            backendRefs: [
              { kind: 'Service', name: 'store-v1', port: 8080, weight: 3 },
              { kind: 'Service', name: 'store-v2', port: 8080, weight: 1 },
            ],
          },
          {
            matches: [
              {
                path: { type: 'PathPrefix', value: '/' },
                headers: [{ name: 'env', value: 'canary', type: 'Exact' }],
                queryParams: [],
              },
            ],
            backendRefs: [{ kind: 'Service', name: 'store-v2', port: 8080, weight: 1 }],
          },
          {
            matches: [{ path: { type: 'Exact', value: '/login' }, headers: [], queryParams: [], method: 'POST' }],
            backendRefs: [{ kind: 'Service', name: 'login', port: 80, weight: 1 }],
          },
        ],
      });

  it('routes through a listener and HTTPRoute to the container', () => {
    const trace = traceRequest(build().build(), { url: 'http://store.example.com/items' });
    expect(trace.ok).toBe(true);
    expect(kinds(trace)).toEqual(['client', 'loadbalancer', 'ingress', 'service', 'pod', 'container']);
    expect(trace.hops[1]).toMatchObject({ name: 'gw', objectId: 'Gateway/default/gw' });
    expect(trace.hops[2]).toMatchObject({ name: 'store', objectId: 'HTTPRoute/default/store' });
  });

  it('splits by weight, deterministically by request number', () => {
    const topology = build().build();
    const picks = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (requestIndex) => last(traceRequest(topology, { url: 'http://store.example.com/', requestIndex })).name,
    );
    expect(picks).toEqual(['store', 'store', 'store', 'store2', 'store', 'store', 'store', 'store2']);
  });

  it('prefers header, Exact path and method matches', () => {
    const topology = build().build();
    expect(last(traceRequest(topology, { url: 'http://store.example.com/', headers: { Env: 'canary' } })).name).toBe(
      'store2',
    );
    expect(last(traceRequest(topology, { url: 'http://store.example.com/login', method: 'POST' })).name).toBe('login');
    expect(last(traceRequest(topology, { url: 'http://store.example.com/login' })).name).toBe('store');
  });

  it('answers 404 for a host the routes do not claim, and refuses a port no listener has', () => {
    const topology = build().build();
    expect(traceRequest(topology, { url: 'http://other.example.com/' }).failure).toMatchObject({
      code: 'TRACE-NO-RULE',
      status: 404,
    });
    expect(traceRequest(topology, { url: 'https://store.example.com/' }).failure?.code).toBe('TRACE-NO-LISTENER');
  });

  it('fails with no backend when every weight is 0', () => {
    const topology = build()
      .route('zero', {
        namespace: 'default',
        parentRefs: [{ kind: 'Gateway', name: 'gw' }],
        hostnames: ['zero.example.com'],
        rules: [{ matches: [], backendRefs: [{ kind: 'Service', name: 'login', port: 80, weight: 0 }] }],
      })
      .build();
    expect(traceRequest(topology, { url: 'http://zero.example.com/' }).failure).toMatchObject({
      code: 'TRACE-NO-BACKEND',
      status: 500,
    });
  });
});

describe('other worlds', () => {
  it('refuses empty topologies with a stable code; an empty compose project publishes nothing', () => {
    expect(traceRequest({ world: 'empty', objects: [], edges: [] }, { url: 'http://x/' }).failure?.code).toBe(
      'TRACE-UNSUPPORTED-WORLD',
    );
    expect(traceRequest({ world: 'compose', objects: [], edges: [] }, { url: 'http://x/' }).failure?.code).toBe(
      'TRACE-COMPOSE-NOT-PUBLISHED',
    );
  });

  it('reports a bad URL', () => {
    const trace = traceRequest(seedTopology().build(), { url: 'ftp://x/' });
    expect(trace.failure).toMatchObject({ code: 'TRACE-BAD-URL', status: 400 });
    expect(last(trace)).toMatchObject({ kind: 'client', failed: true });
  });
});
