import type { Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { shownEdgeLabels } from '../layout/edgeLabels';
import type { PositionedGraph, PositionedNode } from '../layout/elkLayout';
import type { RoutedFlowEdge } from './RoutedEdge';

export type BoxData = { box: PositionedNode };
export type BoxNode = Node<BoxData, 'object' | 'group'>;

/** The laid-out graph → React Flow's nodes and edges. */
export function toFlow(graph: PositionedGraph): { nodes: BoxNode[]; edges: RoutedFlowEdge[] } {
  const labels = shownEdgeLabels(graph.edges);
  const nodes: BoxNode[] = graph.nodes.map((box) => ({
    id: box.id,
    type: box.group ? 'group' : 'object',
    position: { x: box.x, y: box.y },
    ...(box.parent ? { parentId: box.parent } : {}),
    data: { box },
    width: box.width,
    height: box.height,
    style: { width: box.width, height: box.height },
    draggable: false,
    connectable: false,
    selectable: true,
    zIndex: box.group ? 0 : 1,
  }));
  const edges: RoutedFlowEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    type: 'routed',
    source: edge.source,
    target: edge.target,
    data: { ...(edge.points ? { points: edge.points } : {}), ...(edge.labelAt ? { labelAt: edge.labelAt } : {}) },
    // A label the layout found no room for stays off: it would cover a box's text.
    ...(labels.has(edge.id) && (edge.labelAt || !edge.points) ? { label: labels.get(edge.id) } : {}),
    className: `edge edge-${edge.kind}${edge.dashed ? ' edge-dashed' : ''}`,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    selectable: false,
    focusable: false,
    zIndex: 2,
  }));
  return { nodes, edges };
}
