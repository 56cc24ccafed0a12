import type { PositionedGraph } from './elkLayout';

/**
 * The trace animation as a pure function of time (style.md: time is a parameter): a plan of
 * stops on the canvas, and `positionAt(plan, elapsedMs)` for where the packet is.
 */

export type TraceStop = {
  /** the hop this stop shows */
  hop: number;
  /** the box it sits on (absolute canvas coordinates of its centre) */
  boxId?: string;
  x: number;
  y: number;
};

export type TracePlan = {
  stops: TraceStop[];
  travelMs: number;
  dwellMs: number;
};

export type PacketPosition = {
  x: number;
  y: number;
  /** the hop the packet is at, or has last left */
  hop: number;
  moving: boolean;
  done: boolean;
};

export const TRAVEL_MS = 700;
export const DWELL_MS = 1100;

/** Absolute centres of every box (positions in a positioned graph are relative to the parent). */
export function absoluteCentres(graph: PositionedGraph): Map<string, { x: number; y: number }> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const origin = new Map<string, { x: number; y: number }>();
  const originOf = (id: string, depth = 0): { x: number; y: number } => {
    const known = origin.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node) return { x: 0, y: 0 };
    const parent = node.parent && depth < 20 ? originOf(node.parent, depth + 1) : { x: 0, y: 0 };
    const at = { x: parent.x + node.x, y: parent.y + node.y };
    origin.set(id, at);
    return at;
  };
  const centres = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const at = originOf(node.id);
    centres.set(node.id, { x: at.x + node.width / 2, y: at.y + node.height / 2 });
  }
  return centres;
}

/**
 * Plans the stops of a trace: each hop sits on the box of its object; a hop whose object is
 * not drawn (an IngressClass, a container inside its pod) sits on the nearest drawn one.
 */
export function planTrace(
  graph: PositionedGraph,
  hopObjects: readonly (string | undefined)[],
  fallbackFor: (hop: number) => string | undefined = () => undefined,
  timing: { travelMs?: number; dwellMs?: number } = {},
): TracePlan {
  const centres = absoluteCentres(graph);
  const stops: TraceStop[] = [];
  let previous: TraceStop | undefined;
  hopObjects.forEach((objectId, hop) => {
    const boxId = [objectId, fallbackFor(hop)].find((id) => id !== undefined && centres.has(id));
    const centre = boxId ? centres.get(boxId)! : previous ? { x: previous.x, y: previous.y } : { x: 0, y: 0 };
    const stop: TraceStop = {
      hop,
      ...(boxId ? { boxId } : previous?.boxId ? { boxId: previous.boxId } : {}),
      ...centre,
    };
    stops.push(stop);
    previous = stop;
  });
  return { stops, travelMs: timing.travelMs ?? TRAVEL_MS, dwellMs: timing.dwellMs ?? DWELL_MS };
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
  const next = stops[hop + 1]!;
  const progress = ease((intoLeg - dwellMs) / travelMs);
  return {
    x: stop.x + (next.x - stop.x) * progress,
    y: stop.y + (next.y - stop.y) * progress,
    hop,
    moving: true,
    done: false,
  };
}
