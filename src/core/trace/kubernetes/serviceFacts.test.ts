/**
 * The facts of the shared reference table k8s_service_ports.json (from the Kubernetes docs), each
 * checked against the tracer, or marked as the model's job (validation lives in src/core/kubernetes).
 */
import { describe, expect, it } from 'vitest';
import reference from './fixtures/reference/k8s_service_ports.json';
import { backend, TopologyBuilder } from './testTopology.testkit';
import { traceRequest } from '../traceRequest';
import type { Trace } from '../types';

function last(trace: Trace) {
  return trace.hops[trace.hops.length - 1]!;
}

const app = () =>
  new TopologyBuilder()
    .workload('web', {
      labels: { app: 'web' },
      containers: [{ name: 'web', ports: [{ containerPort: 8080, name: 'http' }] }],
    })
    .workload('client', { labels: { app: 'client' }, containers: [{ name: 'client' }] });

const checks: Record<string, (() => void) | { modelsJob: string }> = {
  'targetPort-default': () => {
    const t = app()
      .service('web', { selector: { app: 'web' }, ports: [{ port: 8080 }] })
      .build();
    expect(last(traceRequest(t, { url: 'http://web:8080', from: 'client' })).port).toBe(8080);
  },
  'targetPort-type': () => {
    const t = app()
      .service('num', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] })
      .service('name', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] })
      .build();
    expect(last(traceRequest(t, { url: 'http://num', from: 'client' })).port).toBe(8080);
    expect(last(traceRequest(t, { url: 'http://name', from: 'client' })).port).toBe(8080);
  },
  'targetPort-named': () => {
    const t = new TopologyBuilder()
      .workload('hello', {
        labels: { app: 'hello' },
        replicas: 2,
        containers: [
          [{ name: 'v1', ports: [{ containerPort: 80, name: 'http' }] }],
          [{ name: 'v2', ports: [{ containerPort: 81, name: 'http' }] }],
        ],
      })
      .workload('client', { labels: { app: 'client' }, containers: [{ name: 'client' }] })
      .service('hello', { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 'http' }] })
      .build();
    const ports = [0, 1].map(
      (requestIndex) => last(traceRequest(t, { url: 'http://hello', from: 'client', requestIndex })).port,
    );
    expect(ports).toEqual([80, 81]);
  },
  'targetPort-headless': () => {
    const t = app()
      .service('web', { headless: true, selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9999 }] })
      .build();
    // No kube-proxy: the client connects to the pod on the port it dialled.
    expect(last(traceRequest(t, { url: 'http://web:8080', from: 'client' })).port).toBe(8080);
  },
  'port-required': { modelsJob: 'a Service port without `port` is a diagnostic of the model' },
  'protocol-default': { modelsJob: 'the model reads protocol, defaulting to TCP (ports.ts readProtocol)' },
  'multi-port-names': { modelsJob: 'name validation is a diagnostic of the model' },
  'type-default': () => {
    const t = app()
      .service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] })
      .build();
    expect(traceRequest(t, { url: 'http://web/' }).failure?.code).toBe('TRACE-DNS-NXDOMAIN');
    expect(traceRequest(t, { url: 'http://web/', from: 'client' }).ok).toBe(true);
  },
  'nodePort-range': { modelsJob: 'the range check is a diagnostic of the model' },
  'nodePort-explicit': () => {
    const t = app()
      .service('web', {
        type: 'NodePort',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080, nodePort: 31001 }],
      })
      .build();
    expect(traceRequest(t, { url: 'http://node-2:31001/' }).ok).toBe(true);
  },
  'nodePort-addressing': () => {
    const t = app()
      .service('web', {
        type: 'NodePort',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080, nodePort: 30000 }],
      })
      .build();
    for (const node of ['node-1', 'node-2', 'node-3'])
      expect(traceRequest(t, { url: `http://${node}:30000/` }).ok).toBe(true);
    expect(traceRequest(t, { url: 'http://web:80/', from: 'client' }).ok).toBe(true);
  },
  'nested-types': () => {
    const t = app()
      .service('web', {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 8080, nodePort: 30500 }],
      })
      .build();
    expect(traceRequest(t, { url: 'http://web.default.lb/' }).ok).toBe(true);
    expect(traceRequest(t, { url: 'http://node-1:30500/' }).ok).toBe(true);
    expect(traceRequest(t, { url: 'http://web/', from: 'client' }).ok).toBe(true);
  },
  externalName: () => {
    const t = app().service('ext', { type: 'ExternalName', externalName: 'db.example.org' }).build();
    const trace = traceRequest(t, { url: 'http://ext:5432', from: 'client' });
    expect(last(trace)).toMatchObject({ kind: 'external', name: 'db.example.org' });
    expect(trace.hops.some((h) => h.kind === 'pod' && h.name.startsWith('web'))).toBe(false);
  },
  headless: () => {
    const t = app()
      .service('web', { headless: true, selector: { app: 'web' }, ports: [{ port: 8080 }] })
      .build();
    const trace = traceRequest(t, { url: 'http://web:8080', from: 'client' });
    expect(trace.hops[1]!.caption).toContain('no kube-proxy');
    expect(trace.hops[2]!.name).toMatch(/^web-/);
  },
  selector: () => {
    const t = app()
      .service('manual', { ports: [{ port: 80 }] })
      .build();
    const trace = traceRequest(t, { url: 'http://manual', from: 'client' });
    expect(trace.failure?.code).toBe('TRACE-NO-ENDPOINTS');
    expect(trace.failure?.message).toContain('no selector');
  },
  dns: () => {
    const t = app()
      .service('web', { namespace: 'default', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] })
      .build();
    for (const host of ['web', 'web.default', 'web.default.svc.cluster.local']) {
      expect(traceRequest(t, { url: `http://${host}/`, from: 'client' }).ok).toBe(true);
    }
  },
  'ingress-backend-port': () => {
    const build = (port: number | string) =>
      app()
        .service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, name: 'front' }] })
        .ingress('i', { rules: [{ paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', port) }] }] })
        .build();
    expect(traceRequest(build(80), { url: 'http://x/' }).ok).toBe(true);
    expect(traceRequest(build('front'), { url: 'http://x/' }).ok).toBe(true);
    expect(traceRequest(build(8080), { url: 'http://x/' }).failure?.code).toBe('TRACE-PORT-NOT-ON-SERVICE');
    expect(traceRequest(build('http'), { url: 'http://x/' }).failure?.code).toBe('TRACE-PORT-NOT-ON-SERVICE');
  },
};

describe('k8s_service_ports.json facts', () => {
  it('has a check (or a reason) for every fact of the table', () => {
    expect(Object.keys(checks).sort()).toEqual(reference.facts.map((f) => f.id).sort());
  });

  for (const fact of reference.facts) {
    const check = checks[fact.id];
    // Facts that are the model's job are listed above with their reason, not re-tested here.
    if (typeof check === 'function') it(`${fact.id}: ${fact.fact}`, check);
  }
});

describe('k8s_service_ports.json worked examples', () => {
  type Port = { name?: string; containerPort: number };
  type Example = {
    service: { port?: number; targetPort: number | string | null };
    podContainerPorts?: Port[];
    pods?: Record<string, Port[]>;
    resolvedTargetPort: number | Record<string, number>;
  };
  for (const [i, example] of (reference.workedExamples as Example[]).entries()) {
    it(`example ${i + 1}: targetPort ${example.service.targetPort ?? '(default)'}`, () => {
      const pods = example.pods ?? { only: example.podContainerPorts! };
      const names = Object.keys(pods);
      const port = example.service.port ?? 80;
      const t = new TopologyBuilder()
        .workload('app', {
          labels: { app: 'x' },
          replicas: names.length,
          containers: names.map((name) => [{ name, ports: pods[name]! }]),
        })
        .workload('client', { labels: { app: 'client' }, containers: [{ name: 'client' }] })
        .service('svc', {
          selector: { app: 'x' },
          ports: [{ port, ...(example.service.targetPort !== null ? { targetPort: example.service.targetPort } : {}) }],
        })
        .build();
      names.forEach((name, requestIndex) => {
        const trace = traceRequest(t, { url: `http://svc:${port}`, from: 'client', requestIndex });
        const expected =
          typeof example.resolvedTargetPort === 'number'
            ? example.resolvedTargetPort
            : example.resolvedTargetPort[name];
        expect(last(trace)).toMatchObject({ kind: 'container', name, port: expected });
      });
    });
  }
});
