import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { objectsOfRole } from '../core/model/topology';
import type { Hop, Trace } from '../core/trace';
import type { PositionedGraph } from './finishLayout';
import { AUTO_FOLD_FROM_BOXES } from './foldGroups';
import { hopBoxesFor } from './traceBoxes';
import { buildViewGraph, type ViewGraph, type ViewOptions } from './viewGraph';

const boutique = readFileSync(new URL('../samples/online-boutique/kubernetes-manifests.yaml', import.meta.url), 'utf8');

/** Online Boutique copied into `copies` namespaces: 28 copies make about 1,000 objects (1,300 with pods). */
function shops(copies: number, replicas = 1) {
  const files = Array.from({ length: copies }, (_, i) => ({
    name: `shop-${i}.yaml`,
    text: boutique
      .replace(/^metadata:\n/gm, `metadata:\n  namespace: shop-${i}\n`)
      .replace(/^ {2}replicas: \d+\n/gm, '')
      .replace(/^spec:\n {2}selector:/gm, `spec:\n  replicas: ${replicas}\n  selector:`),
  }));
  return analyze(files);
}

const small = shops(2);
const large = shops(28);
const view = (analysis: ReturnType<typeof analyze>, options: Partial<ViewOptions>): ViewGraph =>
  buildViewGraph(analysis.topology, analysis.diagnostics, options);
const node = (graph: ViewGraph, id: string) => graph.nodes.find((n) => n.id === id);

describe('closing a group', () => {
  it('closes a namespace (application view) into one box that counts what it holds', () => {
    const graph = view(small, { mode: 'application', collapsedGroups: ['ns:shop-1'] });
    const closed = node(graph, 'ns:shop-1')!;
    expect(closed).toMatchObject({ group: false, foldable: true, subtitle: 'closed · 36 objects' });
    expect(closed.lines).toEqual(['12 Deployment', '12 Service', '12 Pod']);
    expect(closed.folded).toMatchObject({ reason: 'user' });
    expect(closed.folded!.holds).toHaveLength(36);
    expect(graph.nodes.some((n) => n.parent === 'ns:shop-1')).toBe(false);
    // The other namespace is untouched, and can be closed.
    expect(node(graph, 'ns:shop-0')).toMatchObject({ group: true, foldable: true });
  });

  it('ends every arrow to anything inside at the group’s box, once per kind and pair', () => {
    const graph = view(small, { mode: 'application', collapsedGroups: ['ns:shop-1'] });
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) expect(ids.has(edge.source) && ids.has(edge.target), edge.id).toBe(true);
    const internet = graph.nodes.find((n) => n.role === 'internet')!.id;
    expect(graph.edges.filter((e) => e.target === 'ns:shop-1').map((e) => e.id)).toEqual([
      `routes:${internet}->ns:shop-1`,
    ]);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('closes a worker node (infrastructure view): the Services’ arrows end at the node', () => {
    const graph = view(small, { collapsedGroups: ['node/node-2'] });
    const closed = node(graph, 'node/node-2')!;
    expect(closed).toMatchObject({
      group: false,
      parent: 'cluster',
      subtitle: expect.stringMatching(/^closed · \d+ objects$/),
    });
    expect(closed.lines[0]).toMatch(/^\d+ Pod$/);
    expect(graph.edges.some((e) => e.kind === 'selects' && e.target === 'node/node-2')).toBe(true);
    // A group that is not there (a namespace in this view, a stale id) changes nothing.
    expect(view(small, { collapsedGroups: ['ns:shop-0', 'node/node-9'] }).nodes.length).toBe(
      view(small, {}).nodes.length,
    );
  });

  it('closes a Compose network: its containers count in it, the host’s doors point at it', () => {
    const files = ['docker-compose.yaml', 'default.conf'].map((name) => ({
      name,
      text: readFileSync(new URL(`../samples/portfolio-compose/${name}`, import.meta.url), 'utf8'),
    }));
    const analysis = analyze(files);
    const network = objectsOfRole(analysis.topology, 'network')[0]!.id;
    const graph = view(analysis, { collapsedGroups: [network] });
    expect(node(graph, network)).toMatchObject({ group: false, lines: ['2 Container'] });
    expect(graph.edges.some((e) => e.target === network)).toBe(true);
  });

  it('lands a trace hop at an object inside a closed group on the group’s box', () => {
    const graph = view(small, { collapsedGroups: ['node/node-1', 'node/node-2', 'node/node-3'] }) as PositionedGraph;
    const pod = objectsOfRole(small.topology, 'pod')[0]!;
    const service = objectsOfRole(small.topology, 'service')[0]!;
    const hops: Hop[] = [
      { kind: 'service', name: 's', detail: '', caption: '', objectId: service.id },
      { kind: 'pod', name: 'p', detail: '', caption: '', objectId: pod.id },
    ];
    const boxes = hopBoxesFor(graph, small.topology, { ok: true, hops } satisfies Trace);
    expect(boxes).toEqual([service.id, pod.parent]);
  });
});

describe('a large input', () => {
  it('starts with most namespaces closed: under 300 boxes at 1,000 objects, in both views', () => {
    expect(large.topology.objects.length).toBeGreaterThan(1000);
    for (const mode of ['infrastructure', 'application'] as const) {
      const everything = view(large, { mode });
      const folded = view(large, { mode, autoFold: true });
      expect(everything.nodes.length).toBeGreaterThan(AUTO_FOLD_FROM_BOXES);
      expect(folded.nodes.length, mode).toBeLessThan(300);
      const auto = folded.nodes.filter((n) => n.folded?.reason === 'auto');
      expect(auto.length, mode).toBeGreaterThan(20);
      // The first few stay open.
      expect(node(folded, 'ns:shop-0')?.group, mode).toBe(true);
    }
  });

  it('opens what the user opened and keeps closed what the user closed', () => {
    const graph = view(large, {
      mode: 'application',
      autoFold: true,
      openedGroups: ['ns:shop-20'],
      collapsedGroups: ['ns:shop-0'],
    });
    expect(node(graph, 'ns:shop-20')?.group).toBe(true);
    expect(node(graph, 'ns:shop-0')?.folded?.reason).toBe('user');
    expect(graph.nodes.length).toBeLessThan(300);
  });

  it('groups the Services of a large input per namespace in the infrastructure view, so they close too', () => {
    const graph = view(large, { autoFold: true });
    expect(node(graph, 'ns:shop-27')).toMatchObject({ parent: 'cluster', lines: ['12 Service'] });
    // A small input keeps its Services straight in the cluster.
    expect(view(small, { autoFold: true }).nodes.some((n) => n.id.startsWith('ns:'))).toBe(false);
  });

  it('stacks replicas on its own at 1,000 objects: one box per workload, one per node and workload', () => {
    const replicated = shops(28, 10);
    const application = view(replicated, { mode: 'application' });
    const stacks = application.nodes.filter((n) => n.stack);
    expect(stacks).toHaveLength(28 * 12);
    expect(stacks.every((s) => s.stack!.pods.length === 10)).toBe(true);
    expect(application.nodes.filter((n) => n.role === 'pod' && !n.stack)).toHaveLength(0);
    const infrastructure = view(replicated, {});
    // 10 pods on 3 nodes: 3 or 4 per node; only the nodes with more than 3 make a stack.
    const perNode = infrastructure.nodes.filter((n) => n.stack);
    expect(perNode.length).toBeGreaterThan(0);
    expect(perNode.every((s) => s.stack!.pods.length > 3)).toBe(true);
    expect(infrastructure.nodes.filter((n) => n.role === 'pod').length).toBeLessThan(
      replicated.topology.objects.filter((o) => o.role === 'pod').length,
    );
  });
});
