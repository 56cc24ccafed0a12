import type { ObjectId } from '../core/model/ids';
import type { ProblemCounts, ViewEdge, ViewGraph, ViewNode } from './viewGraph';
import { viewOnlyBox } from './viewNodes';

/**
 * More boxes than ELK lays out in reasonable time and stack (5,000 Services overflowed it after
 * 72 s): past this, each top-level group is drawn closed, as one box that counts what it holds.
 */
export const MAX_LAID_OUT_BOXES = 1500;

/** Why a group is drawn closed: the user closed it, the view closed it for a large input, or it was too big to lay out. */
export type FoldReason = 'user' | 'auto' | 'size';

/**
 * A graph small enough to lay out: itself when it is, else its top-level boxes only, each
 * group closed into a box listing how many objects of each kind it holds (namespaces, in the
 * application view), and the arrows between what is left.
 */
export function collapseLargeGraph(graph: ViewGraph, limit = MAX_LAID_OUT_BOXES): ViewGraph {
  if (graph.nodes.length <= limit) return graph;
  const ids = new Set(graph.nodes.map((node) => node.id));
  const roots = new Map<string, FoldReason>();
  for (const node of graph.nodes) if (node.group && (!node.parent || !ids.has(node.parent))) roots.set(node.id, 'size');
  // Every group at the top is closed, so only the top level is left.
  return closeGroups(graph, roots);
}

/**
 * Closes each group of `closed` (with why) into one box that counts what it held, by kind; the
 * box keeps the group's id, parent and object, lists every object it stands for (`folded.holds`,
 * so a trace hop inside lands on it) and adds up their problems. An arrow to or from anything
 * inside ends at the box; arrows that become the same (or a loop) merge. A group inside another
 * closed one goes with it.
 */
export function closeGroups(graph: ViewGraph, closed: ReadonlyMap<string, FoldReason>): ViewGraph {
  if (closed.size === 0) return graph;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  // The outermost closed group around each box (or the box itself), if any.
  const closedRoot = new Map<string, string>();
  for (const node of graph.nodes) {
    let root: string | undefined;
    // Walk up with a loop (never recursion) and a bound, in case a parent chain is damaged.
    let current: ViewNode | undefined = node;
    for (let steps = 0; current && steps <= graph.nodes.length; steps++) {
      if (closed.has(current.id) && current.group) root = current.id;
      current = current.parent ? byId.get(current.parent) : undefined;
    }
    if (root) closedRoot.set(node.id, root);
  }
  const held = new Map<string, ViewNode[]>();
  for (const node of graph.nodes) {
    const root = closedRoot.get(node.id);
    if (!root || root === node.id) continue;
    const list = held.get(root) ?? [];
    list.push(node);
    held.set(root, list);
  }
  const nodes: ViewNode[] = [];
  for (const node of graph.nodes) {
    const root = closedRoot.get(node.id);
    if (root === undefined) nodes.push(node);
    else if (root === node.id) nodes.push(summaryBox(node, held.get(node.id) ?? [], closed.get(node.id)!));
  }
  const seen = new Set<string>();
  const edges: ViewEdge[] = [];
  for (const edge of graph.edges) {
    const source = closedRoot.get(edge.source) ?? edge.source;
    const target = closedRoot.get(edge.target) ?? edge.target;
    if (source === edge.source && target === edge.target) {
      if (!seen.has(edge.id)) edges.push(edge);
      seen.add(edge.id);
      continue;
    }
    const id = `${edge.kind}:${source}->${target}`;
    if (source === target || seen.has(id)) continue;
    seen.add(id);
    const { label: _label, ...rest } = edge;
    // A closed group is placed with its peers (docked in a grid), not pulled into a layer by its arrows.
    edges.push({ ...rest, id, source, target, shapesLayout: false });
  }
  return { nodes, edges };
}

/** What a closed group says: how many objects of each kind it holds, most first. */
function summaryBox(group: ViewNode, inside: readonly ViewNode[], reason: FoldReason): ViewNode {
  const kinds = new Map<string, number>();
  const holds: ObjectId[] = [];
  const problems: ProblemCounts = { ...group.problems };
  for (const node of inside) {
    // Synthetic groups (a gathering of config) are not objects; a stack counts its pods.
    const count = node.stack ? node.stack.pods.length : node.group && !node.objectId ? 0 : 1;
    if (count > 0) kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + count);
    if (node.objectId) holds.push(node.objectId);
    holds.push(...(node.stack?.pods ?? []), ...(node.folded?.holds ?? []));
    for (const severity of ['error', 'warning', 'info'] as const) problems[severity] += node.problems[severity];
  }
  const sorted = [...kinds].sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((n, [, count]) => n + count, 0);
  const objects = `${total.toLocaleString('en')} object${total === 1 ? '' : 's'}`;
  return {
    ...viewOnlyBox({
      id: group.id,
      role: group.role,
      kind: group.kind,
      title: group.title,
      subtitle: reason === 'size' ? `closed: ${objects}, too many to draw` : `closed · ${objects}`,
      lines: sorted.slice(0, 12).map(([kind, count]) => `${count.toLocaleString('en')} ${kind}`),
      ...(group.parent ? { parent: group.parent } : {}),
      ...(group.objectId ? { objectId: group.objectId } : {}),
    }),
    problems,
    ...(group.foldable ? { foldable: true } : {}),
    folded: { holds, reason },
  };
}
