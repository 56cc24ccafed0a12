import { describe, expect, it } from 'vitest';
import { collapseLargeGraph } from './collapseLarge';
import type { ViewGraph, ViewNode } from './viewGraph';
import { groupNode, viewOnlyBox } from './viewNodes';

const box = (id: string, kind: string, parent?: string): ViewNode =>
  viewOnlyBox({ id, role: 'registry', kind, title: id, lines: [], ...(parent ? { parent } : {}) });

function namespaces(count: number, perNamespace: number): ViewGraph {
  const nodes: ViewNode[] = [];
  const edges: ViewGraph['edges'] = [];
  for (let n = 0; n < count; n++) {
    nodes.push({ ...groupNode(`ns:${n}`, `ns-${n}`, undefined, undefined), kind: 'Namespace' });
    for (let i = 0; i < perNamespace; i++) {
      nodes.push(box(`svc:${n}:${i}`, 'Service', `ns:${n}`), box(`dep:${n}:${i}`, 'Deployment', `ns:${n}`));
      edges.push({
        id: `e${n}:${i}`,
        source: `svc:${n}:${i}`,
        target: `dep:${(n + 1) % count}:${i}`,
        kind: 'selects',
        dashed: false,
      });
    }
  }
  return { nodes, edges };
}

describe('collapseLargeGraph', () => {
  it('leaves a graph under the limit alone', () => {
    const graph = namespaces(2, 10);
    expect(collapseLargeGraph(graph, 100)).toBe(graph);
  });

  it('closes every namespace into a box that counts its objects, with one arrow per pair of namespaces', () => {
    const collapsed = collapseLargeGraph(namespaces(3, 1000), 1500);
    expect(collapsed.nodes.map((n) => [n.id, n.group, n.lines])).toEqual([
      ['ns:0', false, ['1,000 Service', '1,000 Deployment']],
      ['ns:1', false, ['1,000 Service', '1,000 Deployment']],
      ['ns:2', false, ['1,000 Service', '1,000 Deployment']],
    ]);
    expect(collapsed.nodes[0]!.subtitle).toContain('2,000 objects');
    expect(collapsed.edges.map((e) => [e.source, e.target])).toEqual([
      ['ns:0', 'ns:1'],
      ['ns:1', 'ns:2'],
      ['ns:2', 'ns:0'],
    ]);
  });
});
