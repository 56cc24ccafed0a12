import type { Topology } from '../core/model/topology';
import type { Trace } from '../core/trace';
import type { PositionedGraph } from '../layout/finishLayout';
import { hopBoxesFor } from '../layout/traceBoxes';
import { planTrace, type TracePlan } from '../layout/tracePlan';

export type TraceView = {
  plan: TracePlan;
  /** the box each hop sits on */
  hopBoxes: (string | undefined)[];
  /** boxes on the path, and the ids of the edges between consecutive stops */
  pathBoxes: Set<string>;
  pathEdges: Set<string>;
  failedHop: number;
  /** the hop where the request arrives but likely fails (`trace.doubt`): the last one, or -1 */
  doubtHop: number;
};

/** Where a trace sits on the drawn graph: its stops, the boxes and edges on its path. */
export function traceView(graph: PositionedGraph, topology: Topology, trace: Trace, reducedMotion: boolean): TraceView {
  const plan = planTrace(
    graph,
    hopBoxesFor(graph, topology, trace),
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
  return {
    plan,
    hopBoxes,
    pathBoxes,
    pathEdges,
    failedHop: trace.hops.findIndex((h) => h.failed),
    doubtHop: trace.doubt ? trace.hops.length - 1 : -1,
  };
}
