import type { TopologyObject } from '../core/model/topology';
import { closeGroups, type FoldReason } from './collapseLarge';
import type { ViewGraph, ViewNode, ViewOptions } from './viewGraph';
import { groupNode } from './viewNodes';

/**
 * Closing groups into one box each (a namespace, a worker node, a Compose network): the ones the
 * user closed, and on a large input all but the first few, so a 1,000-object cluster opens as a
 * picture one can read rather than 1,000 boxes. The user's openings win over the automatic ones.
 */

/** From this many boxes on, a view closes most of its groups (when asked to: `autoFold`). */
export const AUTO_FOLD_FROM_BOXES = 300;
/** At most this many groups stay open on their own… */
const AUTO_OPEN_GROUPS = 3;
/** …and only while the picture stays under this many boxes… */
const AUTO_OPEN_BOXES = 200;
/** …and only groups of up to this many boxes: a worker node with 112 pods would be one unreadable column. */
const AUTO_OPEN_GROUP_BOXES = 60;

/** Whether a group can be closed by the user: namespaces, worker nodes, Compose networks. */
export function isFoldable(node: ViewNode): boolean {
  return node.group && (node.role === 'node' || node.role === 'network' || node.id.startsWith('ns:'));
}

/** The id of the namespace group of a namespace (the same in both views, so a closing holds in both). */
export const namespaceGroupId = (namespace: string): string => `ns:${namespace}`;

/**
 * Marks the foldable groups and closes the ones the options say: those the user closed, and with
 * `autoFold` on a graph of `AUTO_FOLD_FROM_BOXES` boxes or more, every group but the first few
 * small ones (up to `AUTO_OPEN_GROUPS` of at most `AUTO_OPEN_GROUP_BOXES` boxes, while the
 * picture stays under `AUTO_OPEN_BOXES` boxes) and those the user opened.
 */
export function foldGroups(
  graph: ViewGraph,
  options: Pick<ViewOptions, 'collapsedGroups' | 'openedGroups' | 'autoFold'>,
): ViewGraph {
  if (!graph.nodes.some(isFoldable)) return graph;
  const nodes = graph.nodes.map((node) => (isFoldable(node) ? { ...node, foldable: true } : node));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const collapsed = new Set(options.collapsedGroups);
  const opened = new Set(options.openedGroups);
  const closed = new Map<string, FoldReason>();
  const outermost = nodes.filter((node) => node.foldable && !foldableAncestor(node, byId));
  for (const group of nodes) if (group.foldable && collapsed.has(group.id)) closed.set(group.id, 'user');
  if (options.autoFold && nodes.length >= AUTO_FOLD_FROM_BOXES) {
    const sizes = new Map<string, number>();
    for (const node of nodes) {
      const group = foldableAncestor(node, byId);
      if (group) sizes.set(group, (sizes.get(group) ?? 0) + 1);
    }
    const inside = [...sizes.values()].reduce((sum, n) => sum + n, 0);
    let total = nodes.length - inside;
    const candidates = outermost.filter((group) => !closed.has(group.id));
    for (const group of candidates) if (opened.has(group.id)) total += sizes.get(group.id) ?? 0;
    let openedOnTheirOwn = 0;
    for (const group of candidates) {
      if (opened.has(group.id)) continue;
      const size = sizes.get(group.id) ?? 0;
      if (openedOnTheirOwn < AUTO_OPEN_GROUPS && size <= AUTO_OPEN_GROUP_BOXES && total + size <= AUTO_OPEN_BOXES) {
        total += size;
        openedOnTheirOwn++;
      } else closed.set(group.id, 'auto');
    }
  }
  return closeGroups({ nodes, edges: graph.edges }, closed);
}

/** The outermost foldable group around a box (not the box itself), if any. */
function foldableAncestor(node: ViewNode, byId: ReadonlyMap<string, ViewNode>): string | undefined {
  let found: string | undefined;
  let at = node.parent ? byId.get(node.parent) : undefined;
  for (let depth = 0; at && depth < 50; depth++) {
    if (at.foldable) found = at.id;
    at = at.parent ? byId.get(at.parent) : undefined;
  }
  return found;
}

/**
 * Infrastructure view of a large input: the boxes that sit straight in the cluster (Services,
 * Ingresses) go into a group per namespace, so they can be closed as the worker nodes can.
 */
export function groupByNamespaceWhenLarge(
  nodes: ViewNode[],
  clusterId: string,
  byId: ReadonlyMap<string, TopologyObject>,
): void {
  if (nodes.length < AUTO_FOLD_FROM_BOXES) return;
  const groups = new Map<string, ViewNode>();
  for (const node of nodes) {
    if (node.parent !== clusterId || node.group || !node.objectId) continue;
    const namespace = byId.get(node.objectId)?.namespace;
    if (!namespace) continue;
    const id = namespaceGroupId(namespace);
    if (!groups.has(id)) {
      const declared = [...byId.values()].find((o) => o.kind === 'Namespace' && o.name === namespace);
      groups.set(id, {
        ...groupNode(id, namespace, 'namespace', clusterId),
        kind: 'Namespace',
        ...(declared ? { objectId: declared.id } : {}),
      });
    }
    node.parent = id;
  }
  nodes.push(...groups.values());
}
