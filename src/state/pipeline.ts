import { dequal } from 'dequal';
import type { Diagnostic } from '../core/model/diagnostics';
import type { PositionedGraph } from '../layout/finishLayout';
import { layoutGraph } from '../layout/layoutGraph';
import { redrawnInPlace } from '../layout/redrawnInPlace';
import { buildViewGraph, type ViewGraph } from '../layout/viewGraph';
import { WorkerStopped } from '../workers/workerClient';
import { analyzeAsync, type AnalysisRequest, type AnalysisResult } from './analyzeAsync';
import type { StoreEnvironment } from './environment';
import type { Store } from './store';

/** The part of an `AppStore` the pipeline uses; its debounce runs on the store's clock. */
type PipelineStore = {
  getState: () => Store;
  setState: (partial: Partial<Store>) => void;
  subscribe: (listener: (state: Store, previous: Store) => void) => () => void;
  env: Pick<StoreEnvironment, 'clock'>;
};

/**
 * How long the pipeline waits after a keystroke before it analyses: nothing for a small
 * workspace (the worker answers within a frame, and a newer edit drops an older analysis), up to
 * 150 ms for a big one, so a burst of typing costs one analysis rather than one per key. The
 * wait grows slowly (15 ms at 1,000 objects, 150 ms only past 6 MB): the analysis worker takes
 * one request at a time and drops the ones a newer edit replaced, so a short wait is enough.
 */
export function analysisDelayMs(files: readonly { text: string }[]): number {
  const chars = files.reduce((sum, f) => sum + f.text.length, 0);
  return Math.min(150, Math.floor(chars / 40_000));
}

/** The slow steps, replaceable in tests by slow fakes. */
export type PipelineSteps = {
  analyze: (request: AnalysisRequest) => Promise<AnalysisResult>;
  layout: (graph: ViewGraph) => Promise<PositionedGraph>;
};

export type PipelineOptions = {
  /** reshapes the view graph before layout (the presentation sizes its boxes for the stage) */
  adjustGraph?: (graph: ViewGraph) => ViewGraph;
  /** the slow steps (tests pass slow fakes) */
  steps?: PipelineSteps;
};

/** What the user is told when the analysis ran out of time: which file, and that the text is safe. */
function analysisBudgetMessage(files: readonly { name: string; text: string }[], error: WorkerStopped): string {
  const largest = [...files].sort((a, b) => b.text.length - a.text.length)[0];
  const where = largest ? ` of ${largest.name} (${Math.ceil(largest.text.length / 1000).toLocaleString('en')} kB)` : '';
  return `the analysis${where} ${error.message} and was stopped. The text is saved; edit it, or split it into smaller files.`;
}

function hasSyntaxError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && d.code === 'YAML-SYNTAX');
}

/**
 * Text → analysis → view graph → layout, re-run (debounced) whenever the text or the view
 * settings change. A crash here never touches the text; syntax errors keep the last good graph.
 */
export function startPipeline(store: PipelineStore, options: PipelineOptions = {}): () => void {
  const adjustGraph = options.adjustGraph ?? ((graph: ViewGraph) => graph);
  const steps = options.steps ?? { analyze: analyzeAsync, layout: layoutGraph };
  if (!options.steps) {
    // Both workers start now, side by side: the layout worker (ELK) boots while the text is analysed.
    analyzeAsync.warm();
    layoutGraph.warm();
  }
  const { clock } = store.env;
  let timer: unknown;
  let layoutSequence = 0;
  // The picture on the canvas, and the view graph it draws.
  let lastPositioned: PositionedGraph | null = null;
  let lastDrawn: ViewGraph | undefined;

  // Every relayout takes a number, in the same-shape path too: a slower, older layout that
  // lands after a newer one (of a text the editor no longer holds) is dropped.
  // An analysis whose picture went to the layout before the panels were told (see `run`).
  let unpublished: (() => void) | undefined;
  const publish = () => {
    const pending = unpublished;
    unpublished = undefined;
    pending?.();
  };

  const relayout = async (analysis?: Pick<AnalysisResult, 'topology' | 'diagnostics'>) => {
    // A relayout of the store's own topology (a group closed) reads the newest analysis.
    if (!analysis) publish();
    const sequence = ++layoutSequence;
    const state = store.getState();
    const graph = adjustGraph(
      buildViewGraph(analysis?.topology ?? state.topology, analysis?.diagnostics ?? state.diagnostics, {
        mode: state.viewMode,
        showConfig: state.showConfig,
        showImages: state.showImages,
        expandedStacks: state.expandedStacks,
        controlPlane: state.controlPlane,
        collapsedGroups: state.collapsedGroups,
        openedGroups: state.openedGroups,
        autoFold: true,
      }),
    );
    // Nothing a box or an arrow says has changed (a comment, a blank line): nothing to redraw, so
    // the canvas is not handed a new graph (at 1,000 boxes that render alone is several frames).
    if (lastPositioned && dequal(graph, lastDrawn)) return;
    // Same boxes of the same sizes, or a few renamed as the user types a name: every box keeps
    // its place and the routes around them stand; only what the boxes and arrows say is new.
    const kept = lastPositioned ? redrawnInPlace(lastPositioned, graph) : undefined;
    if (kept) {
      lastDrawn = graph;
      lastPositioned = kept;
      store.setState({ positioned: kept, layoutError: undefined });
      return;
    }
    try {
      const positioned = await steps.layout(graph);
      if (sequence !== layoutSequence) return;
      lastDrawn = graph;
      lastPositioned = positioned;
      // The panels hear of the analysis no later than the canvas gets its picture.
      publish();
      store.setState({ positioned, layoutError: undefined });
    } catch (error) {
      if (sequence !== layoutSequence) return;
      if (error instanceof WorkerStopped && error.reason === 'superseded') return;
      store.setState({
        layoutError:
          error instanceof WorkerStopped
            ? `the layout of ${graph.nodes.length.toLocaleString('en')} boxes ${error.message} and was stopped; the picture shows an earlier text.`
            : error instanceof Error
              ? error.message
              : String(error),
      });
    }
  };

  let analysisSequence = 0;
  const run = async () => {
    timer = undefined;
    const sequence = ++analysisSequence;
    const state = store.getState();
    try {
      const analysis: AnalysisResult = await steps.analyze({
        files: state.files,
        options: { nodes: state.nodeCount, kubeVersion: state.kubeVersion },
      });
      // A newer edit is already on its way: this result is out of date.
      if (sequence !== analysisSequence) return;
      const stale = hasSyntaxError(analysis.diagnostics);
      if (stale) {
        // A syntax error keeps the last good topology; the problems change, and the boxes' marks
        // are drawn again (no new layout unless a mark changes a box's size) in a task of their own.
        store.setState({ diagnostics: analysis.diagnostics, stale, analysisError: undefined });
        clock.setTimeout(() => void relayout(), 0);
        return;
      }
      // The layout worker gets the new picture first; the panels (problems, inspector, editor
      // marks) re-render in the next task, while it works. At 1,000 objects that starts the
      // layout 20–40 ms sooner, and neither task is a long one.
      unpublished = () => {
        store.setState({
          diagnostics: analysis.diagnostics,
          stale,
          analysisError: undefined,
          topology: analysis.topology,
        });
        store.getState().refreshTrace();
      };
      void relayout(analysis);
      clock.setTimeout(publish, 0);
    } catch (error) {
      if (sequence !== analysisSequence) return;
      if (error instanceof WorkerStopped && error.reason === 'superseded') return;
      const message =
        error instanceof WorkerStopped
          ? analysisBudgetMessage(state.files, error)
          : error instanceof Error
            ? error.message
            : String(error);
      store.setState({ analysisError: message, stale: true });
    }
  };

  const schedule = (delay: number) => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => void run(), delay);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.files !== previous.files ||
      state.nodeCount !== previous.nodeCount ||
      state.kubeVersion !== previous.kubeVersion
    )
      schedule(analysisDelayMs(state.files));
    else if (
      state.viewMode !== previous.viewMode ||
      state.showConfig !== previous.showConfig ||
      state.showImages !== previous.showImages ||
      state.expandedStacks !== previous.expandedStacks ||
      state.collapsedGroups !== previous.collapsedGroups ||
      state.openedGroups !== previous.openedGroups ||
      state.controlPlane !== previous.controlPlane
    )
      void relayout();
  });
  void run();
  return () => {
    unsubscribe();
    if (timer !== undefined) clock.clearTimeout(timer);
  };
}
