import type { BuildUpStep } from '../../layout/buildUp';
import type { Store } from '../../state/store';
import { useAppStore } from '../../state/StoreProvider';
import { PRESENT_IDS } from '../../testIds';
import { outcomeOf, type StepCounts } from './presentSteps';

const selectTrace = (s: Store) => s.trace;
const selectTraceStep = (s: Store) => s.traceStep;

type CaptionProps = {
  buildStep: BuildUpStep | undefined;
  step: number;
  counts: StepCounts;
  /** the mistake made on purpose, when one is */
  change?: string;
};

/** The presenter's note, large: what the layer is, or what happened at this hop. */
export function PresentCaption({ buildStep, step, counts, change }: CaptionProps) {
  const trace = useAppStore(selectTrace);
  const traceStep = useAppStore(selectTraceStep);
  const hop = !buildStep && trace ? trace.hops[traceStep] : undefined;
  const last = !!trace && traceStep >= trace.hops.length - 1;
  const outcome = outcomeOf(trace);
  let title: string;
  let note: string;
  let tone = '';
  if (buildStep) {
    title = buildStep.title;
    note = buildStep.note;
  } else if (hop && trace) {
    const kind = hop.kind.charAt(0).toUpperCase() + hop.kind.slice(1);
    title = `${kind} ${hop.name}${hop.port !== undefined ? ` :${hop.port}` : ''}`;
    note = hop.failed && trace.failure ? trace.failure.message : hop.caption;
    if (hop.failed) tone = 'is-failed';
    else if (last && outcome === 'doubt') {
      tone = 'is-doubt';
      // The caption may say "likely refused" already: the doubt adds why.
      note = `${hop.caption} — ${trace.doubt!.replace(/^likely refused:\s*/i, '')}`;
    } else if (last && outcome === 'ok') tone = 'is-ok';
  } else {
    title = 'Nothing to present';
    note = 'Open a sample or paste manifests in the workspace, then press Present.';
  }
  const counter = buildStep
    ? `${step + 1} / ${counts.build}`
    : trace
      ? `Hop ${traceStep + 1} / ${trace.hops.length}`
      : '';
  return (
    <footer className={`present-caption ${tone}`} data-testid={PRESENT_IDS.caption}>
      <div className="present-caption-head">
        <span className="present-counter">{counter}</span>
        <span className="present-title">{title}</span>
        {!buildStep && trace?.failure?.status !== undefined && hop?.failed && (
          <span className="present-status">{trace.failure.status}</span>
        )}
      </div>
      <p className="present-note" data-testid={PRESENT_IDS.note}>
        {note.charAt(0).toUpperCase() + note.slice(1)}
      </p>
      {change && (
        <p className="present-change" data-testid={PRESENT_IDS.change}>
          Broken on purpose: {change}. <kbd>U</kbd> undoes it.
        </p>
      )}
    </footer>
  );
}
