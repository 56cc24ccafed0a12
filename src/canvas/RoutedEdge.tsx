import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Point } from '../layout/geometry';

export type RoutedEdgeData = { points?: Point[]; labelAt?: Point };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

const CORNER = 8;

/** An SVG path through orthogonal points, each corner rounded a little. */
export function roundedPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const parts = [`M${points[0]!.x},${points[0]!.y}`];
  for (let k = 1; k < points.length; k++) {
    const p = points[k]!;
    const next = points[k + 1];
    if (!next) {
      parts.push(`L${p.x},${p.y}`);
      continue;
    }
    const prev = points[k - 1]!;
    const r = Math.min(CORNER, Math.hypot(p.x - prev.x, p.y - prev.y) / 2, Math.hypot(next.x - p.x, next.y - p.y) / 2);
    const inX = p.x - Math.sign(p.x - prev.x) * r;
    const inY = p.y - Math.sign(p.y - prev.y) * r;
    const outX = p.x + Math.sign(next.x - p.x) * r;
    const outY = p.y + Math.sign(next.y - p.y) * r;
    parts.push(`L${inX},${inY}`, `Q${p.x},${p.y} ${outX},${outY}`);
  }
  return parts.join(' ');
}

/**
 * An arrow along the route the layout computed around the boxes; its label where the layout
 * found room for it. Without a route (an old layout), React Flow's bezier.
 */
function RoutedEdgeView({ id, data, label, markerEnd, style, source, target, ...at }: EdgeProps<RoutedFlowEdge>) {
  const points = data?.points;
  if (!points || points.length < 2) {
    const [path, labelX, labelY] = getBezierPath(at);
    return (
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} label={label} labelX={labelX} labelY={labelY} />
    );
  }
  const labelAt = data?.labelAt;
  return (
    // The ends, for tests that check the arrow passes no other box.
    <g data-source={source} data-target={target}>
      <BaseEdge
        id={id}
        path={roundedPath(points)}
        markerEnd={markerEnd}
        style={style}
        {...(label && labelAt
          ? {
              label,
              labelX: labelAt.x,
              labelY: labelAt.y,
              labelBgPadding: [5, 2] as [number, number],
              labelBgBorderRadius: 4,
            }
          : {})}
      />
    </g>
  );
}

export const RoutedEdge = memo(RoutedEdgeView);
export const EDGE_TYPES = { routed: RoutedEdge };
