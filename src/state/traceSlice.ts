import type { StateCreator } from 'zustand';
import type { Trace } from '../core/trace';
import { prefersReducedMotion, type StoreEnvironment } from './environment';
import type { Store } from './store';
import { loadTraceEngine, traceEngineNow } from './traceEngine';

/** The request being traced, and where its animation stands. */
export type TraceSlice = {
  traceUrl: string;
  /** client inside the cluster (workload name), or '' for the Internet */
  traceFrom: string;
  trace: Trace | null;
  /** the hop shown now */
  traceStep: number;
  tracePlaying: boolean;
  /** 0-based number of the request in a series (round robin) */
  traceRequestIndex: number;
  /** requests still to send in repeat mode */
  traceRepeatLeft: number;
  setTraceUrl: (url: string) => void;
  setTraceFrom: (from: string) => void;
  /** Traces the current URL from the start and plays it. */
  runTrace: () => void;
  /** Traces again against the current topology, keeping the step (after an edit). */
  refreshTrace: () => void;
  stepTrace: (delta: number) => void;
  setTraceStep: (step: number) => void;
  setTracePlaying: (playing: boolean) => void;
  /** Sends `count` requests one after the other, to show load balancing. */
  repeatTrace: (count: number) => void;
  /** The animation reached the last hop: send the next request of a series, or stop. */
  traceFinished: () => void;
  clearTrace: () => void;
};

type TraceSliceCreator = StateCreator<Store, [], [], TraceSlice>;

/** The trace slice; `env` says whether the user asked for reduced motion (then a trace starts paused). */
export function createTraceSlice(env: Pick<StoreEnvironment, 'matchMedia'>): TraceSliceCreator {
  return (set, get) => traceSlice(env, set, get);
}

function traceSlice(
  env: Pick<StoreEnvironment, 'matchMedia'>,
  set: Parameters<TraceSliceCreator>[0],
  get: Parameters<TraceSliceCreator>[1],
): TraceSlice {
  // Only called once the trace core is here (a trace on screen means it is).
  const compute = (requestIndex: number): Trace | null => {
    const { traceUrl, traceFrom, topology } = get();
    const engine = traceEngineNow();
    if (!traceUrl.trim() || !engine) return null;
    return engine.traceRequest(topology, {
      url: traceUrl.trim(),
      ...(traceFrom ? { from: traceFrom } : {}),
      requestIndex,
    });
  };
  return {
    traceUrl: '',
    traceFrom: '',
    trace: null,
    traceStep: 0,
    tracePlaying: false,
    traceRequestIndex: 0,
    traceRepeatLeft: 0,
    setTraceUrl: (traceUrl) => set({ traceUrl }),
    setTraceFrom: (traceFrom) => set({ traceFrom }),
    runTrace: () => {
      // The first trace may come before the trace core has loaded: it runs as soon as it has.
      if (!traceEngineNow()) {
        void loadTraceEngine().then(() => get().runTrace());
        return;
      }
      const trace = compute(0);
      set({
        trace,
        traceRequestIndex: 0,
        traceRepeatLeft: 0,
        traceStep: 0,
        tracePlaying: !!trace && !prefersReducedMotion(env),
      });
    },
    refreshTrace: () => {
      const { trace, traceRequestIndex, traceStep } = get();
      if (!trace) return;
      const next = compute(traceRequestIndex);
      set({ trace: next, traceStep: Math.min(traceStep, Math.max(0, (next?.hops.length ?? 1) - 1)) });
    },
    stepTrace: (delta) => {
      const { trace, traceStep, traceRepeatLeft } = get();
      if (!trace) return;
      // Past the last hop of a request in a series: on to the next request.
      if (delta > 0 && traceStep >= trace.hops.length - 1 && traceRepeatLeft > 0) {
        get().traceFinished();
        return;
      }
      set({ traceStep: Math.min(trace.hops.length - 1, Math.max(0, traceStep + delta)), tracePlaying: false });
    },
    setTraceStep: (step) => {
      const { trace } = get();
      if (!trace) return;
      set({ traceStep: Math.min(trace.hops.length - 1, Math.max(0, step)), tracePlaying: false });
    },
    setTracePlaying: (tracePlaying) => {
      const { trace, traceStep, traceRepeatLeft } = get();
      if (!trace) return;
      const atEnd = traceStep >= trace.hops.length - 1;
      // Play at the end of a request in a series sends the next one; otherwise it starts over.
      if (tracePlaying && atEnd && traceRepeatLeft > 0) {
        get().traceFinished();
        return;
      }
      set({ tracePlaying, ...(tracePlaying && atEnd ? { traceStep: 0 } : {}) });
    },
    repeatTrace: (count) => {
      if (!traceEngineNow()) {
        void loadTraceEngine().then(() => get().repeatTrace(count));
        return;
      }
      const trace = compute(0);
      set({
        trace,
        traceRequestIndex: 0,
        traceRepeatLeft: Math.max(0, count - 1),
        traceStep: 0,
        tracePlaying: !!trace,
      });
    },
    traceFinished: () => {
      const { traceRepeatLeft, traceRequestIndex } = get();
      if (traceRepeatLeft <= 0) {
        set({ tracePlaying: false });
        return;
      }
      const trace = compute(traceRequestIndex + 1);
      set({
        trace,
        traceRequestIndex: traceRequestIndex + 1,
        traceRepeatLeft: traceRepeatLeft - 1,
        traceStep: 0,
        tracePlaying: !!trace,
      });
    },
    clearTrace: () => set({ trace: null, traceStep: 0, tracePlaying: false, traceRepeatLeft: 0 }),
  };
}
