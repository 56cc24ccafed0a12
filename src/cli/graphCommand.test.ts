// The CLI contract is the Kubernetes model's public face; this test drives it end to end.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './main';

const fixture = (name: string) => fileURLToPath(new URL(`../core/kubernetes/fixtures/${name}`, import.meta.url));

async function graph(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(
    ['graph', ...args],
    (text) => (out += text),
    (text) => (err += text),
  );
  return { code, err, json: out ? JSON.parse(out) : undefined };
}

type GraphJson = {
  kind: string;
  objects: {
    id: string;
    kind: string;
    name: string;
    namespace?: string;
    parent?: string;
    labels?: Record<string, string>;
    ports?: { name?: string; port: number; protocol: string }[];
  }[];
  edges: { from: string; to: string; kind: string }[];
};

describe('portolan graph (Kubernetes)', () => {
  const seed = ['seed__deployment.yaml', 'seed__service.yaml', 'seed__ingress.yaml'].map(fixture);

  it('prints the contract shape', async () => {
    const { code, json } = await graph(seed);
    expect(code).toBe(0);
    const result = json as GraphJson;
    expect(result.kind).toBe('kubernetes');
    const allowed = new Set(['id', 'kind', 'name', 'namespace', 'parent', 'labels', 'ports']);
    for (const object of result.objects) {
      expect(Object.keys(object).every((key) => allowed.has(key))).toBe(true);
      expect(typeof object.id).toBe('string');
      expect(typeof object.name).toBe('string');
    }
    for (const edge of result.edges) expect(Object.keys(edge).sort()).toEqual(['from', 'kind', 'to']);
    const ids = new Set(result.objects.map((o) => o.id));
    expect(ids.size).toBe(result.objects.length);
    for (const edge of result.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    for (const object of result.objects) if (object.parent) expect(ids.has(object.parent)).toBe(true);
  });

  it('puts pods on worker nodes and draws Ingress → Service → Pod', async () => {
    const result = (await graph(seed)).json as GraphJson;
    const nodes = result.objects.filter((o) => o.kind === 'Node');
    expect(nodes.map((o) => o.name)).toEqual(['node-1', 'node-2', 'node-3']);
    const pods = result.objects.filter((o) => o.kind === 'Pod');
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(nodes.map((o) => o.id)).toContain(pod.parent);
      expect(pod).toMatchObject({
        namespace: 'default',
        labels: { app: 'golang-backend-api' },
        ports: [{ port: 8080, protocol: 'TCP' }],
      });
    }
    const service = result.objects.find((o) => o.kind === 'Service')!;
    expect(service.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const ingress = result.objects.find((o) => o.kind === 'Ingress')!;
    expect(result.edges).toContainEqual({ from: ingress.id, to: service.id, kind: 'routes' });
    for (const pod of pods) expect(result.edges).toContainEqual({ from: service.id, to: pod.id, kind: 'selects' });
    expect(result.edges).toContainEqual({ from: 'internet', to: ingress.id, kind: 'routes' });
  });

  it('honours --nodes 5', async () => {
    const daemonset = fixture('k8s-website__content__en__examples__controllers__daemonset.yaml');
    const result = (await graph([daemonset, '--nodes', '5'])).json as GraphJson;
    expect(result.objects.filter((o) => o.kind === 'Node').map((o) => o.name)).toEqual([
      'node-1',
      'node-2',
      'node-3',
      'node-4',
      'node-5',
    ]);
    const pods = result.objects.filter((o) => o.kind === 'Pod');
    expect(pods.map((p) => p.parent).sort()).toEqual([
      'node/node-1',
      'node/node-2',
      'node/node-3',
      'node/node-4',
      'node/node-5',
    ]);
  });
});
