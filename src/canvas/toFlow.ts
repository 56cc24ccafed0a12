import type { Edge, Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { shownEdgeLabels } from '../layout/edgeLabels';
import type { PositionedGraph, PositionedNode } from '../layout/elkLayout';

export type BoxData = { box: PositionedNode };
export type BoxNode = Node<BoxData, 'object' | 'group'>;

/** The laid-out graph → React Flow's nodes and edges. */
export function toFlow(graph: PositionedGraph): { nodes: BoxNode[]; edges: Edge[] } {
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
  const edges: Edge[] = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(labels.has(edge.id) ? { label: labels.get(edge.id) } : {}),
    className: `edge edge-${edge.kind}${edge.dashed ? ' edge-dashed' : ''}`,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    selectable: false,
    focusable: false,
    zIndex: 2,
  }));
  return { nodes, edges };
}
