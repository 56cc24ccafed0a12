import type { ViewEdge, ViewGraph, ViewNode } from './viewGraph';
import { viewOnlyBox } from './viewNodes';

/**
 * More boxes than ELK lays out in reasonable time and stack (5,000 Services overflowed it after
 * 72 s): past this, each top-level group is drawn closed, as one box that counts what it holds.
 */
export const MAX_LAID_OUT_BOXES = 1500;

/**
 * A graph small enough to lay out: itself when it is, else its top-level boxes only, each
 * group closed into a box listing how many objects of each kind it holds (namespaces, in the
 * application view), and the arrows between what is left.
 */
export function collapseLargeGraph(graph: ViewGraph, limit = MAX_LAID_OUT_BOXES): ViewGraph {
  if (graph.nodes.length <= limit) return graph;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const rootOf = new Map<string, string>();
  const findRoot = (node: ViewNode): string => {
    const known = rootOf.get(node.id);
    if (known) return known;
    // Walk up with a loop (never recursion) and a bound, in case a parent chain is damaged.
    let current = node;
    for (let steps = 0; current.parent && byId.has(current.parent) && steps < graph.nodes.length; steps++) {
      current = byId.get(current.parent)!;
    }
    rootOf.set(node.id, current.id);
    return current.id;
  };
  const counts = new Map<string, Map<string, number>>();
  for (const node of graph.nodes) {
    const root = findRoot(node);
    if (root === node.id || node.group) continue;
    const kinds = counts.get(root) ?? new Map<string, number>();
    kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
    counts.set(root, kinds);
  }
  const nodes = graph.nodes
    .filter((node) => !node.parent || !byId.has(node.parent))
    .map((node): ViewNode => {
      if (!node.group) return node;
      const kinds = [...(counts.get(node.id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      const total = kinds.reduce((n, [, count]) => n + count, 0);
      return {
        ...viewOnlyBox({
          id: node.id,
          role: node.role,
          kind: node.kind,
          title: node.title,
          subtitle: `closed: ${total.toLocaleString('en')} objects, too many to draw`,
          lines: kinds.slice(0, 12).map(([kind, count]) => `${count.toLocaleString('en')} ${kind}`),
          ...(node.objectId ? { objectId: node.objectId } : {}),
        }),
        problems: node.problems,
      };
    });
  const seen = new Set<string>();
  const edges: ViewEdge[] = [];
  for (const edge of graph.edges) {
    const source = rootOf.get(edge.source) ?? edge.source;
    const target = rootOf.get(edge.target) ?? edge.target;
    const key = `${source}\0${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    edges.push({ ...edge, id: `collapsed:${key}`, source, target, label: undefined } as ViewEdge);
  }
  return { nodes, edges };
}
