import { collapseLargeGraph } from '../collapseLarge';
import { dockedIds, GROUP_PADDING, MIN_GROUP, type Box } from '../dock';
import { edgeLabelSize, shownEdgeLabels } from '../edgeLabels';
import { finishLayout, type PositionedGraph } from '../finishLayout';
import { shapesLayout, type ViewGraph, type ViewNode } from '../viewGraph';
import { orderLayers } from './order';
import { rankLayers, type LayerEdge } from './rank';

/**
 * Portolan's own layered layout: the picture ELK's layered algorithm gave (left to right,
 * compound groups), made in one synchronous pass that grows about linearly with the boxes and
 * never recurses. Each group is laid out on its own, from the inside out: its children are
 * layered by the traffic edges lifted to them, ordered by model order refined by a barycenter
 * sweep each way, placed in columns, and the group takes the size of what it holds. Docking,
 * wrapping and routing then run as they do after ELK (finishLayout).
 */

type Spacing = { node: number; layer: number; pad: { top: number; left: number; bottom: number; right: number } };
const ROOT: Spacing = { node: 22, layer: 40, pad: { top: 16, left: 16, bottom: 16, right: 16 } };
const GROUP: Spacing = { node: 14, layer: 40, pad: GROUP_PADDING };
// Room on each side of a label that sits between two columns.
const LABEL_ROOM = 24;
const ROOT_KEY = '';

/** An edge between two children of a group, with the boxes it really joins (inside them). */
type Lifted = LayerEdge & { label?: number; source: string; target: string };

/** Lays a view graph out with the own layered engine, then docks, wraps and routes as after ELK. */
export function layoutLayered(full: ViewGraph): PositionedGraph {
  const graph = collapseLargeGraph(full);
  const docked = dockedIds(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const parentKey = (node: ViewNode): string => (node.parent && byId.has(node.parent) ? node.parent : ROOT_KEY);

  // A box is laid out unless it or a group holding it is docked (the chain is walked with a bound).
  const laidOut = new Set<string>();
  for (const node of graph.nodes) {
    let inDock = false;
    let current: ViewNode | undefined = node;
    for (let steps = 0; current && steps <= graph.nodes.length; steps++) {
      if (docked.has(current.id)) inDock = true;
      current = current.parent ? byId.get(current.parent) : undefined;
    }
    if (!inDock) laidOut.add(node.id);
  }
  const children = new Map<string, ViewNode[]>([[ROOT_KEY, []]]);
  for (const node of graph.nodes) {
    if (!laidOut.has(node.id)) continue;
    const key = parentKey(node);
    const list = children.get(key);
    if (list) list.push(node);
    else children.set(key, [node]);
  }
  const indexIn = new Map<string, number>();
  for (const list of children.values()) list.forEach((node, k) => indexIn.set(node.id, k));

  // Traffic edges lifted to the two children of their nearest common group.
  const lineOf = (id: string): string[] => {
    const line = [id];
    for (let p = byId.get(id)?.parent; p && byId.has(p) && line.length <= graph.nodes.length; p = byId.get(p)?.parent)
      line.push(p);
    line.push(ROOT_KEY);
    return line;
  };
  const labels = shownEdgeLabels(graph.edges);
  const lifted = new Map<string, Lifted[]>();
  const lift = (source: string, target: string, label?: string) => {
    const from = lineOf(source);
    const to = lineOf(target);
    const onTo = new Map(to.map((id, k) => [id, k]));
    const common = from.findIndex((id) => onTo.has(id));
    if (common <= 0 || onTo.get(from[common]!)! <= 0) return; // one end holds the other
    const group = from[common]!;
    const edge: Lifted = {
      from: indexIn.get(from[common - 1]!)!,
      to: indexIn.get(to[onTo.get(group)! - 1]!)!,
      source,
      target,
    };
    if (label) edge.label = edgeLabelSize(label).width;
    const list = lifted.get(group);
    if (list) list.push(edge);
    else lifted.set(group, [edge]);
  };
  let fromInternet = false;
  const internet = graph.nodes.find((n) => n.role === 'internet' && !n.parent);
  for (const edge of graph.edges) {
    if (!shapesLayout(edge) || !laidOut.has(edge.source) || !laidOut.has(edge.target)) continue;
    lift(edge.source, edge.target, labels.get(edge.id));
    if (edge.source === internet?.id) fromInternet = true;
  }
  // The Internet stands left of the cluster even when nothing routes in from it yet.
  const cluster =
    graph.nodes.find((n) => n.role === 'cluster' && !n.parent) ??
    graph.nodes.find((n) => n.group && !n.parent && n.id !== 'group:registries');
  if (internet && cluster && laidOut.has(cluster.id) && !fromInternet) lift(internet.id, cluster.id);

  // Groups from the deepest out, so each knows its children's sizes (depth by walking up once).
  const depth = new Map<string, number>([[ROOT_KEY, 0]]);
  const groups = [...children.keys()].filter((key) => key !== ROOT_KEY);
  for (const key of groups) depth.set(key, lineOf(key).length - 1);
  groups.sort((p, q) => depth.get(q)! - depth.get(p)! || indexIn.get(p)! - indexIn.get(q)!);
  const place = new Map<string, Box>();
  const sizeOf = (node: ViewNode): { width: number; height: number } =>
    place.get(node.id) ?? (node.group ? MIN_GROUP : node);
  // How far below the top of `child` the middle of `inner` (inside it, already placed) lies.
  const depthIn = (child: string, inner: string): number => {
    let y = sizeOf(byId.get(inner)!).height / 2;
    for (let id: string | undefined = inner; id && id !== child; id = byId.get(id)?.parent) y += place.get(id)?.y ?? 0;
    return y;
  };
  let rootSize = { width: 0, height: 0 };
  for (const key of [...groups, ROOT_KEY]) {
    const list = children.get(key) ?? [];
    const spacing = key === ROOT_KEY ? ROOT : GROUP;
    const size = placeGroup(list, lifted.get(key) ?? [], spacing, sizeOf, depthIn, place);
    if (key === ROOT_KEY) rootSize = size;
    else {
      const box = place.get(key);
      const width = Math.max(MIN_GROUP.width, size.width);
      const height = Math.max(MIN_GROUP.height, size.height);
      if (box) Object.assign(box, { width, height });
      else place.set(key, { x: 0, y: 0, width, height });
    }
  }
  return finishLayout(graph, docked, place, rootSize.width, rootSize.height, labels);
}

/**
 * Places one group's children relative to it: columns by layer, each column's boxes stacked in
 * order, each box as level as the boxes above it allow with what it joins — first with what
 * feeds it (left to right), then with what it feeds (right to left), measured at the boxes the
 * edges really join inside the children. Returns the size the children need, padding included.
 */
function placeGroup(
  list: readonly ViewNode[],
  edges: readonly Lifted[],
  spacing: Spacing,
  sizeOf: (node: ViewNode) => { width: number; height: number },
  depthIn: (child: string, inner: string) => number,
  place: Map<string, Box>,
): { width: number; height: number } {
  if (list.length === 0) return { width: 0, height: 0 };
  const { layer, kept } = rankLayers(list.length, edges);
  const layers = orderLayers(layer, kept);
  const sizes = list.map(sizeOf);
  // Columns: as wide as their widest box, apart by the layer spacing or the widest label between.
  const gapAfter = layers.map(() => spacing.layer);
  for (const e of edges)
    if (e.label !== undefined && layer[e.to]! > layer[e.from]!)
      gapAfter[layer[e.from]!] = Math.max(gapAfter[layer[e.from]!]!, e.label + 2 * LABEL_ROOM);
  const columnX: number[] = [];
  let x = spacing.pad.left;
  layers.forEach((column, l) => {
    columnX[l] = x;
    const width = column.reduce((w, k) => Math.max(w, sizes[k]!.width), 0);
    if (column.length) x += width + gapAfter[l]!;
  });

  // Where each edge meets its two children, below their tops.
  type Anchor = { other: number; otherAt: number; at: number };
  const feeds: Anchor[][] = list.map(() => []);
  const fedBy: Anchor[][] = list.map(() => []);
  for (const e of kept) {
    const fromAt = depthIn(list[e.from]!.id, e.source);
    const toAt = depthIn(list[e.to]!.id, e.target);
    fedBy[e.to]!.push({ other: e.from, otherAt: fromAt, at: toAt });
    feeds[e.from]!.push({ other: e.to, otherAt: toAt, at: fromAt });
  }
  const topOf = new Array<number>(list.length).fill(0);
  const wanted = (anchors: readonly Anchor[]): number | undefined =>
    anchors.length ? anchors.reduce((s, a) => s + topOf[a.other]! + a.otherAt - a.at, 0) / anchors.length : undefined;
  // Boxes go down the column in order, each at the height it wants or just below the one above;
  // when `centred`, a run of boxes that feed the same boxes and were pushed down together moves
  // back up by their mean push (not above the run before it), so the crowd sits centred on what
  // it feeds rather than hanging below it.
  const stack = (column: readonly number[], want: (k: number) => number | undefined, centred: boolean) => {
    type Run = { first: number; last: number; push: number; count: number; joins: string; shared: boolean };
    const joins = (k: number) => feeds[k]!.map((a) => a.other).join(',');
    const runs: Run[] = [];
    let bottom = spacing.pad.top - spacing.node;
    column.forEach((k, i) => {
      const wish = want(k);
      const y = Math.max(bottom + spacing.node, wish ?? -Infinity);
      topOf[k] = y;
      bottom = y + sizes[k]!.height;
      const push = wish === undefined ? 0 : y - wish;
      const run = runs[runs.length - 1];
      if (run && i > 0 && y === topOf[column[i - 1]!]! + sizes[column[i - 1]!]!.height + spacing.node) {
        run.last = i;
        run.push += push;
        run.count += 1;
        run.shared &&= joins(k) === run.joins;
      } else runs.push({ first: i, last: i, push, count: 1, joins: joins(k), shared: true });
    });
    let floor = spacing.pad.top - spacing.node;
    for (const run of centred ? runs : []) {
      const firstTop = topOf[column[run.first]!]!;
      const room = firstTop - (floor + spacing.node);
      const lift = run.shared && run.count > 1 ? Math.max(0, Math.min(run.push / run.count, room)) : 0;
      for (let i = run.first; i <= run.last; i++) topOf[column[i]!]! -= lift;
      const last = column[run.last]!;
      floor = topOf[last]! + sizes[last]!.height;
    }
  };
  for (const column of layers) stack(column, (k) => wanted(fedBy[k]!), false);
  for (let l = layers.length - 1; l >= 0; l--) stack(layers[l]!, (k) => wanted(feeds[k]!) ?? topOf[k], true);

  let minY = Infinity;
  let maxY = -Infinity;
  let maxX = 0;
  list.forEach((node, k) => {
    const y = topOf[k]!;
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y + sizes[k]!.height);
    maxX = Math.max(maxX, columnX[layer[k]!]! + sizes[k]!.width);
  });
  const shift = spacing.pad.top - minY;
  list.forEach((node, k) => {
    const box = place.get(node.id);
    const at = { x: columnX[layer[k]!]!, y: topOf[k]! + shift };
    if (box) Object.assign(box, at);
    else place.set(node.id, { ...at, ...sizes[k]! });
  });
  return { width: maxX + spacing.pad.right, height: maxY + shift + spacing.pad.bottom };
}
