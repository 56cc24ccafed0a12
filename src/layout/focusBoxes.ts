import type { Role, Topology } from '../core/model/topology';
import type { PositionedGraph } from './finishLayout';
import { namespaceGroupId } from './foldGroups';

/** Something the search can find: an object by its id, or a namespace by its group's id (`ns:…`). */
export type SearchEntry = { id: string; name: string; kind: string; namespace?: string };

/** The roles a search lists: what users call things by (workloads, pods, Services, routes, nodes, containers). */
const SEARCHED: ReadonlySet<Role> = new Set<Role>([
  'workload',
  'pod',
  'service',
  'ingress',
  'gateway',
  'httpRoute',
  'node',
  'container',
  'network',
]);

/** Every object a search can find, and every namespace, in the order of the topology. */
export function searchEntries(topology: Topology): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const namespaces = new Set<string>();
  for (const object of topology.objects) {
    if (object.namespace && !namespaces.has(object.namespace)) {
      namespaces.add(object.namespace);
      entries.push({ id: namespaceGroupId(object.namespace), name: object.namespace, kind: 'Namespace' });
    }
    if (!SEARCHED.has(object.role)) continue;
    entries.push({
      id: object.id,
      name: object.name,
      kind: object.kind,
      ...(object.namespace ? { namespace: object.namespace } : {}),
    });
  }
  return entries;
}

/** What a search found: the best `shown`, and how many matched in all. */
export type SearchMatches = { shown: SearchEntry[]; total: number };

/**
 * The entries that hold every word of `query` (any case; words split at spaces and `/`) in their
 * name, namespace or kind, so `cart shop-3` or `shop-3/cart` picks one namespace's. The best
 * come first: a name that is the first word, then one that starts with it, then the rest, each in
 * topology order. At most `limit` are shown.
 */
export function matchEntries(entries: readonly SearchEntry[], query: string, limit = 12): SearchMatches {
  const words = query
    .toLowerCase()
    .split(/[\s/]+/)
    .filter(Boolean);
  if (words.length === 0) return { shown: [], total: 0 };
  const first = words[0]!;
  const ranked: { entry: SearchEntry; rank: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const name = entry.name.toLowerCase();
    const haystack = `${entry.namespace ?? ''}/${name} ${entry.kind.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) return;
    const rank = name === first ? 0 : name.startsWith(first) ? 1 : name.includes(first) ? 2 : 3;
    ranked.push({ entry, rank, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { shown: ranked.slice(0, limit).map((r) => r.entry), total: ranked.length };
}

/**
 * The boxes that show an object (or a namespace) on the drawn graph: its own box; the stack or
 * closed group that holds it; a workload the view does not draw (the infrastructure view) by its
 * pods; a namespace without a box by the boxes of its objects. Empty when nothing shows it.
 */
export function focusBoxes(graph: PositionedGraph, topology: Topology, id: string): string[] {
  const drawn = new Set(graph.nodes.map((n) => n.id));
  if (drawn.has(id)) return [id];
  const holder = new Map<string, string>();
  for (const node of graph.nodes) {
    for (const pod of node.stack?.pods ?? []) holder.set(pod, node.id);
    for (const held of node.folded?.holds ?? []) holder.set(held, node.id);
  }
  const boxOf = (objectId: string) => (drawn.has(objectId) ? objectId : holder.get(objectId));
  const own = boxOf(id);
  if (own) return [own];
  const namespace = id.startsWith('ns:') ? id.slice(3) : undefined;
  const members = topology.objects.filter((o) =>
    namespace !== undefined ? o.namespace === namespace : o.role === 'pod' && o.owner === id,
  );
  return [...new Set(members.map((o) => boxOf(o.id)).filter((box): box is string => box !== undefined))];
}
