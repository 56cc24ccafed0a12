import type { suggestTraceUrls, traceRequest } from '../core/trace';

/** The trace core: what the page needs to follow a request and to suggest one. */
export type TraceEngine = { traceRequest: typeof traceRequest; suggestTraceUrls: typeof suggestTraceUrls };

// The trace core loads after the first graph (or on the first trace), not with the page: the
// first picture never waits for it.
let loaded: TraceEngine | undefined;
let loading: Promise<TraceEngine> | undefined;

/** The trace core once it has loaded; undefined before. */
export function traceEngineNow(): TraceEngine | undefined {
  return loaded;
}

/** Loads the trace core (once; later calls get the same promise). */
export function loadTraceEngine(): Promise<TraceEngine> {
  loading ??= import('../core/trace').then((engine) => (loaded = engine));
  return loading;
}
