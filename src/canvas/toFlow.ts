import type { Edge, Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import type { PositionedGraph, PositionedNode } from '../layout/elkLayout';

export type BoxData = { box: PositionedNode };
export type BoxNode = Node<BoxData, 'object' | 'group'>;

/** Past this many arrows, their labels would cover the picture: the boxes say the same. */
const MAX_LABELLED_EDGES = 8;

/** The laid-out graph → React Flow's nodes and edges. */
export function toFlow(graph: PositionedGraph): { nodes: BoxNode[]; edges: Edge[] } {
  const labelled = graph.edges.filter((e) => e.label && e.kind !== 'routes').length <= MAX_LABELLED_EDGES;
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
    ...(labelled && edge.label && edge.kind !== 'routes' ? { label: edge.label } : {}),
    className: `edge edge-${edge.kind}${edge.dashed ? ' edge-dashed' : ''}`,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    selectable: false,
    focusable: false,
    zIndex: 2,
  }));
  return { nodes, edges };
}
