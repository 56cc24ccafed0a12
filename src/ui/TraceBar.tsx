import { useEffect, useMemo, useState } from 'react';
import { objectsOfRole, type Topology } from '../core/model/topology';
import type { TraceSuggestion as Suggestion } from '../core/trace';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { loadTraceEngine, traceEngineNow, type TraceEngine } from '../state/traceEngine';
import { TRACE_IDS } from '../testIds';
import { useAfterFirstGraph } from './afterFirstGraph';

const selectTopology = (s: Store) => s.topology;
const selectUrl = (s: Store) => s.traceUrl;
const selectFrom = (s: Store) => s.traceFrom;
const selectHasTrace = (s: Store) => s.trace !== null;
const selectStale = (s: Store) => s.stale;

/** Who can send a request from inside: workloads with pods (Kubernetes), services (Compose). */
function tracingClients(topology: Topology): string[] {
  if (topology.world === 'compose') return [...new Set(objectsOfRole(topology, 'container').map((c) => c.service))];
  return objectsOfRole(topology, 'workload')
    .filter((w) => w.pods.length > 0)
    .map((w) => ((w.namespace ?? 'default') === 'default' ? w.name : `${w.namespace}/${w.name}`));
}

const NO_SUGGESTIONS: Suggestion[] = [];

/** Up to this many objects the suggestions are worked out in the render; past it, when idle. */
const SUGGEST_IN_RENDER_BELOW = 300;

/**
 * The suggested URLs of a topology. At 1,000 objects they take longer than a frame, so a big
 * topology gets them 200 ms after the last change rather than in the render after each
 * keystroke; `pending` says the list on screen may belong to an earlier text.
 */
function useSuggestions(engine: TraceEngine | undefined, topology: Topology): { list: Suggestion[]; pending: boolean } {
  const small = topology.objects.length < SUGGEST_IN_RENDER_BELOW;
  const now = useMemo(
    () => (engine && small ? engine.suggestTraceUrls(topology) : undefined),
    [engine, small, topology],
  );
  const [idle, setIdle] = useState<{ topology: Topology; list: Suggestion[] }>();
  useEffect(() => {
    if (!engine || small) return;
    const timer = setTimeout(() => setIdle({ topology, list: engine.suggestTraceUrls(topology) }), 200);
    return () => clearTimeout(timer);
  }, [engine, small, topology]);
  if (now) return { list: now, pending: false };
  // Until the new list is in, the previous one stands (the bar does not flicker while typing).
  return { list: idle?.list ?? NO_SUGGESTIONS, pending: !engine || idle?.topology !== topology };
}

/** The request to trace: a URL (with suggestions from the files) and where it comes from. */
export function TraceBar() {
  const store = useStoreApi();
  const topology = useAppStore(selectTopology);
  const url = useAppStore(selectUrl);
  const from = useAppStore(selectFrom);
  const hasTrace = useAppStore(selectHasTrace);
  const stale = useAppStore(selectStale);
  // Suggestions come from the trace core, which loads after the first graph.
  const afterFirstGraph = useAfterFirstGraph();
  const [engine, setEngine] = useState(traceEngineNow);
  useEffect(() => {
    if (afterFirstGraph && !engine) void loadTraceEngine().then(setEngine);
  }, [afterFirstGraph, engine]);
  const { list: suggestions, pending } = useSuggestions(engine, topology);
  const clients = useMemo(() => tracingClients(topology), [topology]);
  if (topology.world === 'empty') return null;
  const compose = topology.world === 'compose';

  const first = suggestions[0];
  // Enter (or ×5) on an empty field traces what the placeholder offers: the first suggestion of
  // the topology as it is now (the list on screen may lag the text by a moment, and a new sample
  // must not trace the previous one's URL). The trace core may still be on its way (an Enter
  // right after a page opens): then the request waits for it rather than going nowhere.
  const withFirstIfEmpty = (run: () => void) => {
    if (store.getState().traceUrl.trim()) return run();
    void loadTraceEngine().then((loaded) => {
      const state = store.getState();
      const now = state.traceUrl.trim() ? undefined : loaded.suggestTraceUrls(state.topology)[0];
      if (now) {
        state.setTraceUrl(now.url);
        state.setTraceFrom(now.from ?? '');
      }
      run();
    });
  };
  const onUrl = (value: string) => {
    const state = store.getState();
    state.setTraceUrl(value);
    const suggestion = suggestions.find((s) => s.url === value);
    if (suggestion) state.setTraceFrom(suggestion.from ?? '');
  };

  return (
    <form
      className="trace-bar"
      data-testid={TRACE_IDS.bar}
      onSubmit={(e) => {
        e.preventDefault();
        withFirstIfEmpty(() => store.getState().runTrace());
      }}
    >
      <label className="trace-label" htmlFor="trace-url">
        Trace
      </label>
      <input
        id="trace-url"
        className="trace-url"
        data-testid={TRACE_IDS.url}
        list="trace-suggestions"
        placeholder={
          first
            ? `${first.url} (Enter traces it)`
            : compose
              ? 'a URL, e.g. http://localhost:8080/'
              : 'a URL, e.g. https://host/path or http://node-1:30080/'
        }
        aria-label="URL to trace"
        value={url}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onUrl(e.currentTarget.value)}
      />
      <datalist id="trace-suggestions">
        {suggestions.map((s) => (
          <option key={`${s.from ?? ''} ${s.url}`} value={s.url} label={s.label} />
        ))}
      </datalist>
      <label className="field">
        from
        <select
          data-testid={TRACE_IDS.from}
          value={from}
          onChange={(e) => store.getState().setTraceFrom(e.currentTarget.value)}
        >
          <option value="">{compose ? 'the host or outside' : 'the Internet'}</option>
          {clients.map((c) => (
            <option key={c} value={c}>
              {compose ? 'container of' : 'pod of'} {c}
            </option>
          ))}
        </select>
      </label>
      <button
        className="button button-primary"
        type="submit"
        data-testid={TRACE_IDS.run}
        disabled={!url.trim() && !first && !pending}
      >
        ▶ Trace
      </button>
      <button
        className="button"
        type="button"
        data-testid={TRACE_IDS.repeat}
        disabled={!url.trim() && !first && !pending}
        title={
          compose
            ? 'Send 5 requests one after the other, to see replicas answer in turn'
            : 'Send 5 requests one after the other, to see kube-proxy spread them over the pods'
        }
        onClick={() => withFirstIfEmpty(() => store.getState().repeatTrace(5))}
      >
        ×5
      </button>
      {stale && (
        <span className="trace-stale" data-testid={TRACE_IDS.stale} role="status">
          The text has a syntax error: tracing the last good version
        </span>
      )}
      {hasTrace && (
        <button
          className="button"
          type="button"
          data-testid={TRACE_IDS.clear}
          onClick={() => store.getState().clearTrace()}
        >
          Clear
        </button>
      )}
    </form>
  );
}
