import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { dockOf } from '../roles';
import { collapseLargeGraph } from './collapseLarge';
import { edgeLabelSize, shownEdgeLabels } from './edgeLabels';
import { dockedIds, dockIntoCluster, GROUP_PADDING, MIN_GROUP, packChildren, type Box } from './dock';
import { shapesLayout, type ViewGraph, type ViewNode } from './viewGraph';
import { restackRoots, wrapBands } from './wrapBands';
import { routeEdges, type RoutedEdge } from './routeEdges';

/** A box with its place: x and y relative to its parent group (as React Flow wants them). */
export type PositionedNode = ViewNode & { x: number; y: number };
export type PositionedGraph = { nodes: PositionedNode[]; edges: RoutedEdge[]; width: number; height: number };

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '22',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  // Keep the order the view gives, so small edits do not reshuffle the picture.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

const GROUP_OPTIONS: LayoutOptions = {
  'elk.padding': `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': `(${MIN_GROUP.width}, ${MIN_GROUP.height})`,
  'elk.spacing.nodeNode': '14',
  // Room between the columns inside the cluster for arrows and their labels.
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
};

/**
 * Lays a view graph out: ELK (layered, left to right, compound groups) for everything that
 * carries traffic, then the docking of what does not (see dock.ts).
 */
export async function layoutWithElk(elk: ELK, full: ViewGraph): Promise<PositionedGraph> {
  const graph = collapseLargeGraph(full);
  const docked = dockedIds(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const isDocked = (node: ViewNode): boolean => {
    for (let id: string | undefined = node.id; id; id = byId.get(id)?.parent) if (docked.has(id)) return true;
    return false;
  };

  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  for (const node of graph.nodes) {
    if (isDocked(node)) continue;
    const elkNode: ElkNode = node.group
      ? { id: node.id, layoutOptions: GROUP_OPTIONS, children: [], width: MIN_GROUP.width, height: MIN_GROUP.height }
      : { id: node.id, width: node.width, height: node.height };
    elkNodes.set(node.id, elkNode);
    const parent = (node.parent && elkNodes.get(node.parent)) || root;
    parent.children!.push(elkNode);
  }
  // Only traffic shapes the picture: inferred and dependency edges (dashed) point backwards
  // (a pod calling a Service) and would tangle the columns, so they are drawn but not laid out.
  const labels = shownEdgeLabels(graph.edges);
  root.edges = graph.edges
    .filter((edge) => shapesLayout(edge) && elkNodes.has(edge.source) && elkNodes.has(edge.target))
    .map((edge) => {
      // A label the canvas will draw gets room between the columns, so it lands on no box.
      const label = labels.get(edge.id);
      return {
        id: edge.id,
        sources: [edge.source],
        targets: [edge.target],
        ...(label ? { labels: [{ text: label, ...edgeLabelSize(label) }] } : {}),
      };
    });
  // The Internet stands left of the cluster even when nothing routes in from it yet.
  const internet = graph.nodes.find((n) => n.role === 'internet' && !n.parent);
  // The cluster, or in the application view the first namespace.
  const cluster =
    graph.nodes.find((n) => n.role === 'cluster' && !n.parent) ??
    graph.nodes.find((n) => n.group && !n.parent && n.id !== 'group:registries');
  if (internet && cluster && !root.edges.some((e) => e.sources.includes(internet.id))) {
    root.edges.push({ id: '__internet-cluster', sources: [internet.id], targets: [cluster.id] });
  }

  const laidOut = await elk.layout(root);
  const place = new Map<string, Box>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      place.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      visit(child);
    }
  };
  visit(laidOut);

  // Docked groups get their children packed; then each cluster takes its docked children.
  const childrenOf = new Map<string, ViewNode[]>();
  for (const node of graph.nodes)
    if (node.parent) childrenOf.set(node.parent, [...(childrenOf.get(node.parent) ?? []), node]);
  for (const node of graph.nodes) {
    if (!docked.has(node.id)) continue;
    const box = node.group
      ? packChildren(node, childrenOf.get(node.id) ?? [], place)
      : { x: 0, y: 0, width: node.width, height: node.height };
    place.set(node.id, box);
  }
  let rootWidth = laidOut.width ?? 0;
  let rootHeight = laidOut.height ?? 0;
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
  const namespaces = graph.nodes.filter((n) => n.group && n.id.startsWith('ns:') && place.has(n.id));
  const wrapped = namespaces.filter((ns) =>
    wrapBands(place.get(ns.id)!, (childrenOf.get(ns.id) ?? []).map((c) => place.get(c.id)!).filter(Boolean)),
  );
  if (wrapped.length > 0) {
    const roots = graph.nodes.filter((n) => !n.parent && n.group && place.has(n.id)).map((n) => place.get(n.id)!);
    const internet = graph.nodes.find((n) => n.role === 'internet' && !n.parent);
    restackRoots(roots, internet ? place.get(internet.id) : undefined);
    rootWidth = Math.max(...[...roots, ...(internet ? [place.get(internet.id)!] : [])].map((b) => b.x + b.width)) + 16;
    rootHeight = Math.max(...roots.map((b) => b.y + b.height)) + 16;
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
  // Arrows last: docking and wrapping moved boxes after ELK, so its routes no longer hold.
  const edges = routeEdges(nodes, graph.edges, labels);
  return { nodes, edges, width: Math.round(rootWidth), height: Math.round(rootHeight) };
}
