import type { Trace } from '../core/trace';
import type { PositionedGraph } from '../layout/elkLayout';
import { planTrace, type TracePlan } from '../layout/tracePlan';

export type TraceView = {
  plan: TracePlan;
  /** the box each hop sits on */
  hopBoxes: (string | undefined)[];
  /** boxes on the path, and the ids of the edges between consecutive stops */
  pathBoxes: Set<string>;
  pathEdges: Set<string>;
  failedHop: number;
};

/** Where a trace sits on the drawn graph: its stops, the boxes and edges on its path. */
export function traceView(graph: PositionedGraph, trace: Trace, reducedMotion: boolean): TraceView {
  const drawn = new Set(graph.nodes.map((n) => n.id));
  // A pod inside a closed stack has no box of its own: it sits on its stack.
  const stackOf = new Map<string, string>();
  for (const node of graph.nodes) for (const pod of node.stack?.pods ?? []) stackOf.set(pod, node.id);
  const firstOfRole = (role: string) => graph.nodes.find((n) => n.role === role)?.id;
  const fallbackFor = (hop: number): string | undefined => {
    const current = trace.hops[hop];
    if (current?.objectId && stackOf.has(current.objectId)) return stackOf.get(current.objectId);
    if (current?.kind === 'loadbalancer') {
      // The ingress controller is not a box of its own: it sits on the Ingress it reads.
      const next = trace.hops[hop + 1]?.objectId;
      return next && drawn.has(next) ? next : (firstOfRole('ingress') ?? firstOfRole('gateway'));
    }
    return undefined;
  };
  const plan = planTrace(
    graph,
    trace.hops.map((h) => h.objectId),
    fallbackFor,
    reducedMotion ? { travelMs: 0, dwellMs: 1400 } : {},
  );
  const hopBoxes = plan.stops.map((s) => s.boxId);
  const pathBoxes = new Set(hopBoxes.filter((id): id is string => !!id));
  const pairs = new Set<string>();
  for (let i = 1; i < hopBoxes.length; i++) {
    const a = hopBoxes[i - 1];
    const b = hopBoxes[i];
    if (a && b && a !== b) pairs.add(`${a}->${b}`);
  }
  const pathEdges = new Set(
    graph.edges
      .filter((e) => pairs.has(`${e.source}->${e.target}`) || pairs.has(`${e.target}->${e.source}`))
      .map((e) => e.id),
  );
  return { plan, hopBoxes, pathBoxes, pathEdges, failedHop: trace.hops.findIndex((h) => h.failed) };
}
