import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import { collapseLargeGraph } from './collapseLarge';
import { edgeLabelSize, shownEdgeLabels } from './edgeLabels';
import { dockedIds, GROUP_PADDING, MIN_GROUP, type Box } from './dock';
import { finishLayout, type PositionedGraph } from './finishLayout';
import { shapesLayout, type ViewGraph, type ViewNode } from './viewGraph';

export type { PositionedGraph, PositionedNode } from './finishLayout';

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
  return finishLayout(graph, docked, place, laidOut.width ?? 0, laidOut.height ?? 0, labels);
}
