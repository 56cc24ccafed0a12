import { dockOf } from '../roles';
import { dockIntoCluster, MIN_GROUP, packChildren, type Box } from './dock';
import { routeEdges, type RoutedEdge } from './routeEdges';
import type { ViewGraph, ViewNode } from './viewGraph';
import { gridOpenRoots, gridRoots, restackRoots, wrapBands } from './wrapBands';

/**
 * Up to this many boxes, a few open namespaces stand in a grid; a bigger picture keeps them in a
 * column (a trace's camera then frames one at a time, and fewer boxes come into view at once).
 */
const OPEN_GRID_MAX_BOXES = 300;

/** A box with its place: x and y relative to its parent group (as React Flow wants them). */
export type PositionedNode = ViewNode & { x: number; y: number };
export type PositionedGraph = { nodes: PositionedNode[]; edges: RoutedEdge[]; width: number; height: number };

/**
 * What follows the layered pass, whichever engine made it: docking of what carries no traffic,
 * wrapping of the application view's namespaces, then the arrows routed around the final boxes.
 * `place` holds every laid-out box relative to its parent and is completed in place.
 */
export function finishLayout(
  graph: ViewGraph,
  docked: ReadonlySet<string>,
  place: Map<string, Box>,
  width: number,
  height: number,
  labels: ReadonlyMap<string, string>,
): PositionedGraph {
  // Docked groups get their children packed; then each cluster takes its docked children.
  const childrenOf = new Map<string, ViewNode[]>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    const siblings = childrenOf.get(node.parent);
    if (siblings) siblings.push(node);
    else childrenOf.set(node.parent, [node]);
  }
  for (const node of graph.nodes) {
    if (!docked.has(node.id)) continue;
    const box = node.group
      ? packChildren(node, childrenOf.get(node.id) ?? [], place)
      : { x: 0, y: 0, width: node.width, height: node.height };
    place.set(node.id, box);
  }
  let rootWidth = width;
  let rootHeight = height;
  for (const cluster of graph.nodes.filter((n) => dockOf(n.role).hostsDocked)) {
    const children = childrenOf.get(cluster.id) ?? [];
    if (!place.has(cluster.id)) place.set(cluster.id, { x: 16, y: 16, ...MIN_GROUP });
    dockIntoCluster(
      cluster,
      children.filter((c) => !docked.has(c.id)),
      children.filter((c) => docked.has(c.id)),
      place,
      graph.nodes.map((n) => n.id),
    );
    const box = place.get(cluster.id)!;
    rootWidth = Math.max(rootWidth, box.x + box.width + 16);
    rootHeight = Math.max(rootHeight, box.y + box.height + 16);
  }

  // The application view's namespaces: wrap their rows into columns, then stack them again.
  // Only top-level ones: a namespace inside the cluster (a big input's Services, in the
  // infrastructure view) sits in a column of the layered pass, and widening it in place would
  // push it under its neighbours.
  const namespaces = graph.nodes.filter((n) => n.group && !n.parent && n.id.startsWith('ns:') && place.has(n.id));
  const wrapped = namespaces.filter((ns) =>
    wrapBands(place.get(ns.id)!, (childrenOf.get(ns.id) ?? []).map((c) => place.get(c.id)!).filter(Boolean)),
  );
  const internet = graph.nodes.find((n) => n.role === 'internet' && !n.parent);
  // Every top-level box but the Internet: groups, and groups drawn closed (one box each).
  const topLevel = graph.nodes.filter((n) => !n.parent && n !== internet && (n.group || n.folded) && place.has(n.id));
  const roots = topLevel.map((n) => place.get(n.id)!);
  const beside = internet ? place.get(internet.id) : undefined;
  // The other top-level boxes (an ingress controller between two namespaces) stand with them.
  const others = graph.nodes
    .filter((n) => !n.parent && n !== internet && !topLevel.includes(n) && place.has(n.id))
    .map((n) => place.get(n.id)!);
  // Many closed namespaces (a big application view): rows of tiles, not a column; else stacked again.
  const gridded = gridRoots(
    [...topLevel.filter((n) => !n.folded).map((n) => place.get(n.id)!), ...others],
    topLevel.filter((n) => n.folded).map((n) => place.get(n.id)!),
    beside,
  );
  // A few open namespaces in a picture drawn whole: a grid; else stacked again.
  const openGrid =
    !gridded &&
    graph.nodes.length <= OPEN_GRID_MAX_BOXES &&
    topLevel.every((n) => !n.folded && n.id.startsWith('ns:')) &&
    gridOpenRoots(roots, others, beside);
  if (!gridded && !openGrid && wrapped.length > 0) restackRoots([...roots, ...others], beside);
  if (gridded || openGrid || wrapped.length > 0) {
    const all = [...roots, ...others, ...(beside ? [beside] : [])];
    rootWidth = Math.max(...all.map((b) => b.x + b.width)) + 16;
    rootHeight = Math.max(...all.map((b) => b.y + b.height)) + 16;
  }

  const nodes = graph.nodes.map((node) => {
    const at = place.get(node.id) ?? { x: 0, y: 0, width: node.width, height: node.height };
    return {
      ...node,
      x: Math.round(at.x),
      y: Math.round(at.y),
      width: Math.round(at.width || node.width),
      height: Math.round(at.height || node.height),
    };
  });
  // Arrows last: docking and wrapping moved boxes after the layered pass.
  const edges = routeEdges(nodes, graph.edges, labels);
  return { nodes, edges, width: Math.round(rootWidth), height: Math.round(rootHeight) };
}
