import type { PositionedGraph } from './elkLayout';

/**
 * The trace animation as a pure function of time (style.md: time is a parameter): a plan of
 * stops and the legs between them, and `positionAt(plan, elapsedMs)` for where the packet is.
 * Between two boxes the packet follows the arrow as the canvas draws it (a bezier from the right
 * side of one box to the left side of the next), and rests just inside the box it reached.
 */

export type Point = { x: number; y: number };

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

type Rect = { x: number; y: number; width: number; height: number };

/** Absolute rectangles of every box (positions in a positioned graph are relative to the parent). */
export function absoluteRects(graph: PositionedGraph): Map<string, Rect> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const origin = new Map<string, Point>();
  const originOf = (id: string, depth = 0): Point => {
    const known = origin.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node) return { x: 0, y: 0 };
    const parent = node.parent && depth < 20 ? originOf(node.parent, depth + 1) : { x: 0, y: 0 };
    const at = { x: parent.x + node.x, y: parent.y + node.y };
    origin.set(id, at);
    return at;
  };
  const rects = new Map<string, Rect>();
  for (const node of graph.nodes) rects.set(node.id, { ...originOf(node.id), width: node.width, height: node.height });
  return rects;
}

// Where the packet rests in a box it reached through an arrow: on its edge, at the arrowhead,
// where it covers none of the box's text (which starts past the padding).
const ENTRY_INSET = 0;
const CURVE_SAMPLES = 24;

const centreOf = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const leftOf = (r: Rect): Point => ({ x: r.x, y: r.y + r.height / 2 });
const rightOf = (r: Rect): Point => ({ x: r.x + r.width, y: r.y + r.height / 2 });

/** Points along the canvas's default (bezier) edge from a right-side handle to a left-side one. */
function edgeCurve(from: Point, to: Point): Point[] {
  // React Flow's control offset: half the distance forwards, a gentler loop backwards.
  const distance = to.x - from.x;
  const offset = distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  const c1 = { x: from.x + offset, y: from.y };
  const c2 = { x: to.x - offset, y: to.y };
  return Array.from({ length: CURVE_SAMPLES + 1 }, (_, i) => {
    const t = i / CURVE_SAMPLES;
    const u = 1 - t;
    return {
      x: u * u * u * from.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * to.x,
      y: u * u * u * from.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * to.y,
    };
  });
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
    if (!previous || !rect) {
      stop = { hop, ...(boxId ? { boxId } : {}), centre, ...centre };
    } else if (previous.stop.boxId === boxId || !previous.rect) {
      // The same box again (a pod, then its container): on to the middle of it.
      stop = { hop, ...(boxId ? { boxId } : {}), centre, ...centre };
      legs.push([
        { x: previous.stop.x, y: previous.stop.y },
        { x: stop.x, y: stop.y },
      ]);
    } else {
      const entry = { x: rect.x + ENTRY_INSET, y: rect.y + rect.height / 2 };
      stop = { hop, ...(boxId ? { boxId } : {}), centre, ...entry };
      legs.push([{ x: previous.stop.x, y: previous.stop.y }, ...edgeCurve(rightOf(previous.rect), leftOf(rect))]);
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
