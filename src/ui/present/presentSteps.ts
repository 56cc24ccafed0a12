import type { Trace } from '../../core/trace';

/**
 * Where a presentation stands: one number over the build-up steps and then the trace's hops
 * (step `buildCount + h` is hop h). Pure, so the keys' effect is testable without a browser.
 */

export type StepCounts = { build: number; hops: number };

/** The last step there is (0 when there is nothing to show). */
export const lastStep = (counts: StepCounts) => Math.max(0, counts.build + counts.hops - 1);

/** `step` within the steps there are now (a broken trace may have fewer hops). */
export const clampStep = (step: number, counts: StepCounts) => Math.min(Math.max(0, step), lastStep(counts));

/** The hop a step shows, or undefined during the build-up. */
export const hopOfStep = (step: number, counts: StepCounts) =>
  step >= counts.build && counts.hops > 0 ? step - counts.build : undefined;

/** What a key does to the step; undefined for a key the presentation does not step on. */
export function stepForKey(key: string, step: number, counts: StepCounts): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return clampStep(step + 1, counts);
    case 'ArrowLeft':
    case 'PageUp':
      return clampStep(step - 1, counts);
    case 'Home':
      return 0;
    case 'End':
      return lastStep(counts);
    default:
      return undefined;
  }
}

/** How the request ends: reaches its port, likely refused there (amber), or stops. */
export type TraceOutcome = 'ok' | 'doubt' | 'failed' | 'none';

/** The outcome of a trace, for the caption's colour and the tests. */
export function outcomeOf(trace: Trace | null): TraceOutcome {
  if (!trace) return 'none';
  if (!trace.ok) return 'failed';
  return trace.doubt ? 'doubt' : 'ok';
}
