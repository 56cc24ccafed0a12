import { ViewportPortal } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { arrivalMs, positionAt, type PacketPosition } from '../layout/tracePlan';
import { TRACE_IDS } from '../testIds';
import type { TraceView } from './traceView';

type TracePacketProps = {
  view: TraceView;
  step: number;
  playing: boolean;
  /** the packet reached hop `hop` on its own */
  onStep: (hop: number) => void;
  /** the packet reached the last hop */
  onFinished: () => void;
};

/**
 * The packet: one requestAnimationFrame clock while playing; its place is `positionAt(plan, t)`.
 * Stepping by hand moves the clock to the hop's arrival.
 */
export function TracePacket({ view, step, playing, onStep, onFinished }: TracePacketProps) {
  const element = useRef<HTMLDivElement>(null);
  const clock = useRef({ elapsed: 0, hop: -1, plan: view.plan });

  const draw = (position: PacketPosition) => {
    const el = element.current;
    if (!el) return;
    el.style.transform = `translate(${position.x}px, ${position.y}px)`;
    const failed = view.failedHop !== -1 && position.hop >= view.failedHop && !position.moving;
    el.classList.toggle('is-failed', failed);
    // Arrived, but likely refused there: amber, not green and not red.
    el.classList.toggle('is-doubt', view.doubtHop !== -1 && position.hop >= view.doubtHop && !position.moving);
    el.dataset.hop = String(position.hop);
  };

  // A hop chosen by hand (or a new trace): jump there.
  useEffect(() => {
    const state = clock.current;
    if (state.hop === step && state.plan === view.plan) return;
    state.plan = view.plan;
    state.hop = step;
    state.elapsed = arrivalMs(view.plan, step);
    draw(positionAt(view.plan, state.elapsed));
  });

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const state = clock.current;
      state.elapsed += now - last;
      last = now;
      const position = positionAt(view.plan, state.elapsed);
      draw(position);
      if (position.hop !== state.hop) {
        state.hop = position.hop;
        onStep(position.hop);
      }
      if (position.done) {
        onFinished();
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
    // draw reads only refs and the view, which is part of the dependencies; the callbacks are
    // stable (the canvas passes ones that read its latest props).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, view]);

  return (
    <ViewportPortal>
      <div className="trace-packet" ref={element} data-testid={TRACE_IDS.packet} aria-hidden="true" />
    </ViewportPortal>
  );
}
