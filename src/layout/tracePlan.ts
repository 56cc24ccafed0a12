import type { PositionedGraph } from './finishLayout';
import { absoluteRects as rectsOf, type Point, type Rect } from './geometry';
import { routeBetween } from './routeEdges';

/**
 * The trace animation as a pure function of time (style.md: time is a parameter): a plan of
 * stops and the legs between them, and `positionAt(plan, elapsedMs)` for where the packet is.
 * Between two boxes the packet follows the arrow as the canvas draws it (the routed polyline),
 * and rests on the border of the box it reached, at the arrowhead.
 */

export type { Point } from './geometry';

type TraceStop = Point & {
  /** the hop this stop shows */
  hop: number;
  /** the box it sits on */
  boxId?: string;
  /** the centre of that box (absolute canvas coordinates) */
  centre: Point;
};

export type TracePlan = {
  stops: TraceStop[];
  /** `legs[i]`: the way from stop i to stop i + 1, as points along it */
  legs: Point[][];
  travelMs: number;
  dwellMs: number;
};

export type PacketPosition = Point & {
  /** the hop the packet is at, or has last left */
  hop: number;
  moving: boolean;
  done: boolean;
};

export const TRAVEL_MS = 700;
export const DWELL_MS = 1100;

/** Absolute rectangles of every box (positions in a positioned graph are relative to the parent). */
export function absoluteRects(graph: PositionedGraph): Map<string, Rect> {
  return rectsOf(graph.nodes);
}

const centreOf = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/**
 * The way from one box to the next as the canvas draws it: the routed arrow between them
 * (walked backwards when it points the other way), else a route of its own around the boxes.
 */
function wayBetween(graph: PositionedGraph, rects: Map<string, Rect>, fromId: string, toId: string): Point[] {
  const forward = graph.edges.find((e) => e.source === fromId && e.target === toId && e.points?.length);
  if (forward?.points) return forward.points;
  const backward = graph.edges.find((e) => e.source === toId && e.target === fromId && e.points?.length);
  if (backward?.points) return [...backward.points].reverse();
  const obstacles = graph.nodes
    .filter((n) => !n.group && n.id !== fromId && n.id !== toId)
    .map((n) => rects.get(n.id)!)
    .map((r) => ({ x: r.x - 9, y: r.y - 9, width: r.width + 18, height: r.height + 18 }));
  return routeBetween(rects.get(fromId)!, rects.get(toId)!, obstacles);
}

/**
 * Plans the stops of a trace on the drawn boxes: `hopBoxes[i]` is the box hop i sits on (see
 * hopBoxesFor); a hop with none stays where the packet was.
 */
export function planTrace(
  graph: PositionedGraph,
  hopBoxes: readonly (string | undefined)[],
  timing: { travelMs?: number; dwellMs?: number } = {},
): TracePlan {
  const rects = absoluteRects(graph);
  const stops: TraceStop[] = [];
  const legs: Point[][] = [];
  let previous: { stop: TraceStop; rect?: Rect } | undefined;
  hopBoxes.forEach((wanted, hop) => {
    const boxId = wanted !== undefined && rects.has(wanted) ? wanted : previous?.stop.boxId;
    const rect = boxId ? rects.get(boxId) : undefined;
    const centre = rect ? centreOf(rect) : (previous?.stop.centre ?? { x: 0, y: 0 });
    let stop: TraceStop;
    // A packet resting inside a box would cover its title: it waits on the box's right side.
    const rest = rect ? { x: rect.x + rect.width, y: centre.y } : centre;
    if (!previous || !rect) {
      stop = { hop, ...(boxId ? { boxId } : {}), centre, ...rest };
    } else if (previous.stop.boxId === boxId || !previous.rect) {
      // The same box again (a pod, then its container): across it, to its right side.
      stop = { hop, ...(boxId ? { boxId } : {}), centre, ...rest };
      legs.push([
        { x: previous.stop.x, y: previous.stop.y },
        { x: stop.x, y: stop.y },
      ]);
    } else {
      // Along the drawn arrow, to rest where it points into the box.
      const way = wayBetween(graph, rects, previous.stop.boxId!, boxId!);
      const entry = way[way.length - 1] ?? centre;
      stop = { hop, ...(boxId ? { boxId } : {}), centre, x: entry.x, y: entry.y };
      legs.push([{ x: previous.stop.x, y: previous.stop.y }, ...way]);
    }
    stops.push(stop);
    previous = { stop, ...(rect ? { rect } : {}) };
  });
  return { stops, legs, travelMs: timing.travelMs ?? TRAVEL_MS, dwellMs: timing.dwellMs ?? DWELL_MS };
}

/** When the packet arrives at a hop, counted from the start of the trace. */
export function arrivalMs(plan: TracePlan, hop: number): number {
  return Math.max(0, hop) * (plan.travelMs + plan.dwellMs);
}

/** The whole animation's length: the last hop's arrival plus one dwell. */
export function durationMs(plan: TracePlan): number {
  return arrivalMs(plan, plan.stops.length - 1) + plan.dwellMs;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** The point a fraction (0–1) of the way along a polyline, by length. */
export function pointAlong(points: readonly Point[], fraction: number): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  const lengths = [0];
  for (let i = 1; i < points.length; i++) {
    lengths.push(lengths[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y));
  }
  const total = lengths[lengths.length - 1]!;
  if (total === 0) return points[points.length - 1]!;
  const target = Math.min(1, Math.max(0, fraction)) * total;
  let i = 1;
  while (i < lengths.length - 1 && lengths[i]! < target) i++;
  const span = lengths[i]! - lengths[i - 1]! || 1;
  const t = (target - lengths[i - 1]!) / span;
  return {
    x: points[i - 1]!.x + (points[i]!.x - points[i - 1]!.x) * t,
    y: points[i - 1]!.y + (points[i]!.y - points[i - 1]!.y) * t,
  };
}

/** Where the packet is `elapsedMs` after the trace started. */
export function positionAt(plan: TracePlan, elapsedMs: number): PacketPosition {
  const { stops, travelMs, dwellMs } = plan;
  if (stops.length === 0) return { x: 0, y: 0, hop: 0, moving: false, done: true };
  const leg = travelMs + dwellMs;
  const t = Math.max(0, elapsedMs);
  const hop = Math.min(stops.length - 1, Math.floor(t / leg));
  const stop = stops[hop]!;
  const last = hop === stops.length - 1;
  const intoLeg = t - hop * leg;
  if (last || intoLeg < dwellMs) {
    return { x: stop.x, y: stop.y, hop, moving: false, done: last && intoLeg >= dwellMs };
  }
  const way = plan.legs[hop] ?? [stop, stops[hop + 1]!];
  const at = pointAlong(way, ease((intoLeg - dwellMs) / travelMs));
  return { ...at, hop, moving: true, done: false };
}
