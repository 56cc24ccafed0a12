import { useEffect, useMemo, useRef, useState } from 'react';
import { Canvas, type CanvasReveal, type CanvasTrace } from '../../canvas/Canvas';
import { traceView } from '../../canvas/traceView';
import { buildUpSteps } from '../../layout/buildUp';
import { prefersReducedMotion } from '../../state/environment';
import type { Store } from '../../state/store';
import { useAppStore, useStoreApi } from '../../state/StoreProvider';
import { PRESENT_IDS } from '../../testIds';
import { BreakItMenu, useBreakIt } from './BreakItMenu';
import { PresentCaption } from './PresentCaption';
import './present.css';
import { clampStep, hopOfStep, outcomeOf, stepForKey, type StepCounts } from './presentSteps';

const selectPositioned = (s: Store) => s.positioned;
const selectTopology = (s: Store) => s.topology;
const selectTrace = (s: Store) => s.trace;
const selectTraceStep = (s: Store) => s.traceStep;
const selectPlaying = (s: Store) => s.tracePlaying;
const selectTheme = (s: Store) => s.theme;

const HINT_MS = 5000;
const NO_IDS: readonly string[] = [];

type PresentAppProps = {
  /** Esc: back to where the presentation was opened from */
  onLeave: () => void;
  /** the element to show full screen (F) */
  fullscreenTarget: () => Element | null;
};

/**
 * The presentation: the canvas alone, large, built up layer by layer and then the trace hop by
 * hop, with the presenter's note under it. It reads the nearest store, a presentation's own
 * (see state/presentation.ts), and owns the keyboard while it is open.
 */
export function PresentApp({ onLeave, fullscreenTarget }: PresentAppProps) {
  const store = useStoreApi();
  const positioned = useAppStore(selectPositioned);
  const topology = useAppStore(selectTopology);
  const trace = useAppStore(selectTrace);
  const traceStep = useAppStore(selectTraceStep);
  const playing = useAppStore(selectPlaying);
  const theme = useAppStore(selectTheme);
  const breakIt = useBreakIt();

  const buildUp = useMemo(
    () => (positioned ? buildUpSteps(positioned.nodes, topology.world) : []),
    [positioned, topology.world],
  );
  const counts: StepCounts = { build: buildUp.length, hops: trace?.hops.length ?? 0 };
  const [rawStep, setStep] = useState(0);
  const step = clampStep(rawStep, counts);
  const hop = hopOfStep(step, counts);
  const [hintShown, setHintShown] = useState(true);
  const [fullscreen, setFullscreen] = useState(false);
  // The hop the packet is travelling to: it stops there.
  const target = useRef(0);

  // Steps into the trace move the packet: one hop forward travels, anything else jumps.
  const goTo = (next: number) => {
    const state = store.getState();
    const nextHop = hopOfStep(next, counts);
    if (nextHop !== undefined && state.trace) {
      const forwardOne = hop !== undefined && nextHop === state.traceStep + 1;
      if (forwardOne && !prefersReducedMotion(store.env)) {
        target.current = nextHop;
        state.setTracePlaying(true);
      } else state.setTraceStep(nextHop);
    }
    setStep(next);
  };

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
    else
      void fullscreenTarget()
        ?.requestFullscreen?.()
        ?.catch(() => {});
  };

  // The presentation owns the keyboard: nothing reaches the workspace underneath.
  const latest = useRef({ goTo, step, counts, onLeave, toggleFullscreen, breakIt });
  useEffect(() => {
    latest.current = { goTo, step, counts, onLeave, toggleFullscreen, breakIt };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = latest.current;
      event.stopPropagation();
      if (event.altKey || event.ctrlKey || event.metaKey) {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
          event.preventDefault();
          now.breakIt.undo();
        }
        return;
      }
      const next = stepForKey(event.key, now.step, now.counts);
      const actions: Record<string, () => void> = {
        Escape: () => now.onLeave(),
        f: () => now.toggleFullscreen(),
        F: () => now.toggleFullscreen(),
        u: () => now.breakIt.undo(),
        U: () => now.breakIt.undo(),
        '?': () => setHintShown(true),
      };
      const action = next !== undefined ? () => now.goTo(next) : actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    if (!hintShown) return;
    const timer = setTimeout(() => setHintShown(false), HINT_MS);
    return () => clearTimeout(timer);
  }, [hintShown]);

  useEffect(() => {
    const follow = () => setFullscreen(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);

  const buildStep = hop === undefined ? buildUp[step] : undefined;
  const reveal = useMemo<CanvasReveal | undefined>(
    () => (buildStep ? { visible: buildStep.visible, fresh: buildStep.fresh } : undefined),
    [buildStep],
  );
  const view = useMemo(
    () =>
      positioned && trace && hop !== undefined
        ? traceView(positioned, topology, trace, prefersReducedMotion(store.env))
        : undefined,
    [positioned, topology, trace, hop !== undefined, store], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const canvasTrace = useMemo<CanvasTrace | undefined>(
    () => (view ? { view, step: traceStep, playing } : undefined),
    [view, traceStep, playing],
  );
  const callbacks = useMemo(
    () => ({
      onTraceStep: (reached: number) => store.setState({ traceStep: reached, tracePlaying: reached < target.current }),
      onTraceFinished: () => store.getState().traceFinished(),
    }),
    [store],
  );

  return (
    <div
      className="present"
      data-testid={PRESENT_IDS.root}
      data-step={step}
      data-steps={counts.build + counts.hops}
      data-step-kind={hop === undefined ? 'build' : 'hop'}
      data-layer={buildStep?.layer}
      data-hop={hop === undefined ? undefined : traceStep}
      data-outcome={outcomeOf(trace)}
      data-fullscreen={fullscreen ? 'on' : 'off'}
      data-break={breakIt.active?.id}
    >
      <div className="present-canvas">
        <Canvas
          graph={positioned}
          theme={theme}
          trace={canvasTrace}
          cursorIds={NO_IDS}
          readOnly
          stage
          reveal={reveal}
          {...callbacks}
        />
      </div>
      <PresentCaption buildStep={buildStep} step={step} counts={counts} change={breakIt.active?.change} />
      <BreakItMenu breakIt={breakIt} />
      <div className={`present-hint ${hintShown ? 'is-shown' : ''}`} data-testid={PRESENT_IDS.hint} aria-live="polite">
        <kbd>→</kbd>/<kbd>Space</kbd> next · <kbd>←</kbd> back · <kbd>Home</kbd> restart · <kbd>F</kbd> full screen ·{' '}
        <kbd>U</kbd> undo a break · <kbd>Esc</kbd> leave
      </div>
    </div>
  );
}
