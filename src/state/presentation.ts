import { suggestTraceUrls } from '../core/trace';
import { stageGraph } from '../layout/stageGraph';
import { SAMPLES } from '../samples';
import type { Workspace } from '../workspace';
import { loadSavedWorkspace, type SavePlaces } from './persistence';
import { startPipeline } from './pipeline';
import { loadTraceEngine } from './traceEngine';
import { createAppStore, type AppStore, type Store } from './store';
import { stateOfWorkspace, workspaceOf } from './workspaceState';

/**
 * A presentation's own store: a copy of a workspace, in memory, with boxes sized for the
 * stage. What happens in it (a mistake made on purpose, a step of the trace) never reaches the
 * workspace it came from, and it has no storage, so it can never be saved over local work.
 */

/**
 * What `?present` shows: the sample `sample=NAME` names, else the saved workspace (read, never
 * written), else the first sample.
 */
export async function presentationSourceFromPage(url: string, places: SavePlaces): Promise<Workspace> {
  let sampleId: string | null = null;
  try {
    sampleId = new URL(url).searchParams.get('sample');
  } catch {
    // not a URL: the saved workspace
  }
  const sample = SAMPLES.find((s) => s.id === sampleId);
  const saved = sample ? undefined : await loadSavedWorkspace(places);
  if (saved) return saved;
  const files = (sample ?? SAMPLES[0]!).files;
  const base = workspaceOf(createAppStore().getState());
  return { ...base, files: files.map((f) => ({ ...f })), activeFile: files[0]!.name };
}

/**
 * Starts a presentation of `source` on `store` (made without storage): the pipeline with stage
 * boxes, and a trace of the source's request or, when it has none, of the first suggestion.
 * The trace is computed, not played: the presentation steps through it. Returns what stops it.
 */
export function startPresentation(store: AppStore, source: Workspace): () => void {
  store.setState({ ...stateOfWorkspace(source), editorCollapsed: true });
  const stopPipeline = startPipeline(store, { adjustGraph: stageGraph });
  const traceOnce = (state: Store) => {
    if (state.trace || state.topology.objects.length === 0) return;
    if (!state.traceUrl.trim()) {
      const suggestion = suggestTraceUrls(state.topology)[0];
      if (!suggestion) return;
      store.setState({ traceUrl: suggestion.url, traceFrom: suggestion.from ?? '' });
    }
    // The trace core is this chunk's own import, but the store's trace runs once it has said so.
    void loadTraceEngine().then(() => {
      store.getState().runTrace();
      store.setState({ tracePlaying: false, traceStep: 0 });
    });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.topology !== previous.topology) traceOnce(state);
  });
  return () => {
    unsubscribe();
    stopPipeline();
  };
}
