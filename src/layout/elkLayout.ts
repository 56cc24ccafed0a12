import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { ViewEdge, ViewGraph, ViewNode } from './viewGraph';

/** A box with its place: x and y relative to its parent group (as React Flow wants them). */
export type PositionedNode = ViewNode & { x: number; y: number };
export type PositionedGraph = { nodes: PositionedNode[]; edges: ViewEdge[]; width: number; height: number };

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '22',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  // Keep the order the view gives, so small edits do not reshuffle the picture.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

const GROUP_OPTIONS: LayoutOptions = {
  'elk.padding': '[top=56,left=16,bottom=16,right=16]',
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': '(220, 96)',
  'elk.spacing.nodeNode': '14',
};

/** Lays a view graph out with ELK (layered, left to right, compound groups). */
export async function layoutWithElk(elk: ELK, graph: ViewGraph): Promise<PositionedGraph> {
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  for (const node of graph.nodes) {
    const elkNode: ElkNode = node.group
      ? { id: node.id, layoutOptions: GROUP_OPTIONS, children: [], width: 220, height: 96 }
      : { id: node.id, width: node.width, height: node.height };
    elkNodes.set(node.id, elkNode);
    const parent = (node.parent && elkNodes.get(node.parent)) || root;
    parent.children!.push(elkNode);
  }
  root.edges = graph.edges
    .filter((edge) => elkNodes.has(edge.source) && elkNodes.has(edge.target))
    .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));

  const laidOut = await elk.layout(root);
  const placed = new Map<string, ElkNode>();
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      placed.set(child.id, child);
      visit(child);
    }
  };
  visit(laidOut);
  const nodes = graph.nodes.map((node) => {
    const at = placed.get(node.id);
    return {
      ...node,
      x: Math.round(at?.x ?? 0),
      y: Math.round(at?.y ?? 0),
      width: Math.round(at?.width ?? node.width),
      height: Math.round(at?.height ?? node.height),
    };
  });
  return { nodes, edges: graph.edges, width: Math.round(laidOut.width ?? 0), height: Math.round(laidOut.height ?? 0) };
}
