import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { roundedPath, type Point } from '../layout/geometry';

export type RoutedEdgeData = { points?: Point[]; labelAt?: Point };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

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
