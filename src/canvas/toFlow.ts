import type { Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { dequal } from 'dequal';
import { shownEdgeLabels } from '../layout/edgeLabels';
import type { PositionedGraph, PositionedNode } from '../layout/finishLayout';
import { absoluteRects } from '../layout/geometry';
import type { RoutedFlowEdge } from './RoutedEdge';

export type BoxData = { box: PositionedNode };
export type BoxNode = Node<BoxData, 'object' | 'group'>;

/** How far apart two tops may be and still count as one row when reading. */
const ROW = 48;

/**
 * The boxes in the order Tab visits them: groups first (React Flow wants parents before their
 * children; outer before inner), then every box in reading order, left to right along rows, top
 * to bottom.
 */
function readingOrder(graph: PositionedGraph): PositionedNode[] {
  const rects = absoluteRects(graph.nodes);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const depth = (node: PositionedNode) => {
    let d = 0;
    for (let p = node.parent; p && d < 20; p = byId.get(p)?.parent) d++;
    return d;
  };
  const key = (node: PositionedNode) => {
    const r = rects.get(node.id)!;
    return [node.group ? 0 : 1, node.group ? depth(node) : 0, Math.round(r.y / ROW), r.x];
  };
  const keys = new Map(graph.nodes.map((n) => [n.id, key(n)]));
  return [...graph.nodes].sort((a, b) => {
    const ka = keys.get(a.id)!;
    const kb = keys.get(b.id)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  });
}

/** The laid-out graph → React Flow's nodes and edges. */
export function toFlow(graph: PositionedGraph): { nodes: BoxNode[]; edges: RoutedFlowEdge[] } {
  const labels = shownEdgeLabels(graph.edges);
  const nodes: BoxNode[] = readingOrder(graph).map((box) => ({
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

/**
 * `next`, with every item equal to its namesake in `previous` replaced by that very object (and
 * `previous` itself when nothing changed): React Flow then re-renders and re-measures only the
 * boxes and arrows an edit changed, not the 1,000 others of a big picture.
 */
export function keepUnchanged<T extends { id: string }>(previous: T[], next: T[]): T[] {
  if (previous.length === 0) return next;
  const before = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const kept = next.map((item, index) => {
    const old = before.get(item.id);
    if (old && dequal(old, item)) {
      if (previous[index] !== old) same = false;
      return old;
    }
    same = false;
    return item;
  });
  return same ? previous : kept;
}

/**
 * Whether two pictures' box lists (ids joined by `|`) differ only by a few renamed boxes: the
 * same number of boxes, and at most one in twenty (at least one) with a new id. Typing a
 * Service's name renames its box at every keystroke; the camera should not re-fit for that.
 */
export function onlyRenamed(previousKey: string, nextKey: string): boolean {
  if (!previousKey || !nextKey) return false;
  const before = previousKey.split('|');
  const after = nextKey.split('|');
  if (before.length !== after.length) return false;
  const renamed = newIds(before, after);
  return renamed <= Math.max(1, Math.floor(after.length / 20));
}

/**
 * Whether most boxes of the next picture are new (the first picture, a paste, another sample)
 * rather than a picture changed in part (a Service added, a namespace opened).
 */
export function mostlyNew(previousKey: string, nextKey: string): boolean {
  if (!nextKey) return false;
  const after = nextKey.split('|');
  return !previousKey || newIds(previousKey.split('|'), after) * 2 > after.length;
}

function newIds(before: readonly string[], after: readonly string[]): number {
  const known = new Set(before);
  return after.filter((id) => !known.has(id)).length;
}
