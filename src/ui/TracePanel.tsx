import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { TRACE_IDS } from '../testIds';

const selectTrace = (s: Store) => s.trace;
const selectStep = (s: Store) => s.traceStep;
const selectPlaying = (s: Store) => s.tracePlaying;
const selectRequest = (s: Store) => ({ index: s.traceRequestIndex, left: s.traceRepeatLeft });

/** The hops of the traced request, the current one highlighted; the failure and how to fix it. */
export function TracePanel() {
  const store = useStoreApi();
  const trace = useAppStore(selectTrace);
  const step = useAppStore(selectStep);
  const playing = useAppStore(selectPlaying);
  // A hop stepped to by hand shows its YAML line in the editor (the rule, the port, the
  // containerPort); while playing the editor stays still.
  useEffect(() => {
    const span = trace?.hops[step]?.span;
    if (!span || playing) return;
    store.getState().revealInEditor(span.file, span.start.offset, span.end.offset);
  }, [trace, step, playing, store]);
  const request = useAppStore(useShallow(selectRequest));
  if (!trace) return null;
  const total = request.index + request.left + 1;
  return (
    <section className="panel trace-panel" aria-label="Trace">
      <header className="panel-header">
        <span className={`trace-verdict ${trace.ok ? (trace.doubt ? 'is-doubt' : 'is-ok') : 'is-failed'}`}>
          {trace.ok ? (trace.doubt ? 'Arrives, likely refused' : 'Reaches a container') : 'Stops'}
        </span>
        {total > 1 && (
          <span className="panel-dim">
            request {request.index + 1} of {total}
          </span>
        )}
      </header>
      <ol className="trace-hops" data-testid={TRACE_IDS.hops}>
        {trace.hops.map((hop, i) => (
          <li key={i}>
            <button
              className={`trace-hop ${i === step ? 'is-current' : ''} ${hop.failed ? 'is-failed' : ''} ${trace.doubt && i === trace.hops.length - 1 ? 'is-doubt' : ''} ${i > step ? 'is-ahead' : ''}`}
              data-testid={TRACE_IDS.hop}
              data-kind={hop.kind}
              aria-current={i === step ? 'step' : undefined}
              onClick={() => {
                const state = store.getState();
                state.setTraceStep(i);
                if (hop.span) state.revealInEditor(hop.span.file, hop.span.start.offset, hop.span.end.offset);
              }}
            >
              <span className="trace-hop-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="trace-hop-text">
                <span className="trace-hop-title">
                  {hop.kind} <strong>{hop.name}</strong>
                  {hop.port !== undefined ? ` :${hop.port}` : ''}
                </span>
                <span className="trace-hop-caption">{hop.caption}</span>
                {hop.warning && <span className="trace-hop-warning">⚠ {hop.warning}</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {trace.failure && (
        <p className="trace-failure" data-testid={TRACE_IDS.failure} data-code={trace.failure.code}>
          {trace.failure.message}
        </p>
      )}
    </section>
  );
}

/** One big line under the canvas: the hop shown now, with step and play controls. */
export function TraceCaption() {
  const store = useStoreApi();
  const trace = useAppStore(selectTrace);
  const step = useAppStore(selectStep);
  const playing = useAppStore(selectPlaying);
  if (!trace) return null;
  const hop = trace.hops[step];
  if (!hop) return null;
  const failedHere = hop.failed && trace.failure;
  const doubtHere = trace.doubt && step === trace.hops.length - 1;
  return (
    <div
      className={`trace-caption ${hop.failed ? 'is-failed' : ''} ${doubtHere ? 'is-doubt' : ''}`}
      data-testid={TRACE_IDS.caption}
      aria-live="polite"
    >
      <div className="trace-caption-controls">
        <button
          className="button icon-button"
          data-testid={TRACE_IDS.prev}
          aria-label="Previous hop"
          title="Previous hop (←)"
          disabled={step === 0}
          onClick={() => store.getState().stepTrace(-1)}
        >
          ◀
        </button>
        <button
          className="button icon-button"
          data-testid={TRACE_IDS.play}
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          onClick={() => store.getState().setTracePlaying(!playing)}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button
          className="button icon-button"
          data-testid={TRACE_IDS.next}
          aria-label="Next hop"
          title="Next hop (→)"
          disabled={step >= trace.hops.length - 1}
          onClick={() => store.getState().stepTrace(1)}
        >
          ▶▶
        </button>
        <button
          className="button icon-button"
          data-testid={TRACE_IDS.restart}
          aria-label="Restart"
          title="Start again from the client (Home)"
          onClick={() => {
            const state = store.getState();
            state.setTraceStep(0);
            state.setTracePlaying(true);
          }}
        >
          ↺
        </button>
      </div>
      <span className="trace-caption-step">
        Hop {step + 1}/{trace.hops.length}
      </span>
      <span className="trace-caption-text">
        {failedHere ? trace.failure!.message : doubtHere ? `${hop.caption} (${trace.doubt})` : hop.caption}
      </span>
    </div>
  );
}
