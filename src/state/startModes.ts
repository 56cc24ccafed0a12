import { DEFAULT_SAMPLE, SAMPLES } from '../samples';
import { decodeShareFragment, DEFAULT_VIEW, type UrlParams, type Workspace } from '../workspace';
import type { StartMode } from '../workspace/startMode';
import type { MatchMedia, RecordStore, StorageLike, TabChannel } from './environment';
import { restoreWorkspace, startPersistence, type Restored } from './persistence';
import { startPipeline } from './pipeline';
import type { AppStore, AppStoreOptions, Store } from './store';
import { loadTraceEngine } from './traceEngine';
import { stateOfWorkspace } from './workspaceState';

/**
 * What the page offers a store: its localStorage (when it can be used), its IndexedDB (as a
 * record store), the channel to its other tabs, and its media queries.
 */
export type PageEnvironment = {
  localStorage?: StorageLike;
  records?: RecordStore;
  channel?: TabChannel;
  matchMedia?: MatchMedia;
};

/**
 * What to start, once the URL is read and any link in it decoded. A link that cannot be opened
 * turns into the local workspace with a notice saying why, so a bad link never leaves the user
 * with nothing.
 */
export type StartPlan =
  /** the user's own workspace; `notice` says why a link asked for could not be opened */
  | { kind: 'workspace'; params: UrlParams; notice?: string }
  /** a shared link (`#s1.…` or `?sample=`), opened in memory beside the untouched local workspace */
  | { kind: 'link'; params: UrlParams; workspace: Workspace; notice?: string }
  /** `?embed`: the canvas alone; `error` when its link could not be read (an embed never prompts) */
  | { kind: 'embed'; params: UrlParams; workspace?: Workspace; error?: string }
  /**
   * `?present`: a presentation of the workspace a link or `sample=` carries, else of the saved
   * workspace (read, never written); `workspaceUrl` is where Esc goes back to.
   */
  | { kind: 'present'; params: UrlParams; workspace?: Workspace; workspaceUrl: string };

/** A sample's files as a workspace with the default view. */
function sampleWorkspace(id: string): Workspace | undefined {
  const sample = SAMPLES.find((s) => s.id === id);
  if (!sample) return undefined;
  return {
    files: sample.files.map((f) => ({ ...f })),
    activeFile: sample.files[0]?.name ?? '',
    view: { ...DEFAULT_VIEW, expandedStacks: [], collapsedGroups: [], openedGroups: [] },
  };
}

/** The URL parameters laid over a workspace: they are what the author of the URL asked for explicitly. */
function withParams(workspace: Workspace, params: UrlParams): Workspace {
  return {
    ...workspace,
    view: {
      ...workspace.view,
      ...(params.theme ? { theme: params.theme } : {}),
      ...(params.nodeCount ? { nodeCount: params.nodeCount } : {}),
      ...(params.viewMode ? { viewMode: params.viewMode } : {}),
    },
    ...(params.trace ? { trace: { ...params.trace, step: 0 } } : {}),
  };
}

type Opened = { workspace: Workspace; notice?: string } | { error: string };

/** The workspace a link or embed URL carries: its fragment, else `?sample=`, else `fallback`. */
function openLinked(fragment: string | undefined, params: UrlParams, fallback?: Workspace): Opened {
  if (fragment) {
    const result = decodeShareFragment(fragment);
    if (!result.ok) return { error: result.problems.map((p) => p.message).join(' ') };
    const repaired = result.problems.length;
    return {
      workspace: withParams(result.workspace, params),
      ...(repaired
        ? {
            notice: `${repaired} part${repaired === 1 ? '' : 's'} of the link could not be used and ${repaired === 1 ? 'was' : 'were'} left out.`,
          }
        : {}),
    };
  }
  if (params.sample) {
    const sample = sampleWorkspace(params.sample);
    if (!sample) return { error: `There is no sample named “${params.sample}”.` };
    return { workspace: withParams(sample, params) };
  }
  return fallback ? { workspace: withParams(fallback, params) } : { error: 'The address carries no workspace.' };
}

/** The address to go back to when a `?present` page is left: the same one, without `present`. */
export function urlWithoutPresent(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.delete('present');
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Decides what to start for `mode` (opened at `url`); never throws, whatever the URL holds. */
export function planStart(mode: StartMode, params: UrlParams, url = ''): StartPlan {
  switch (mode.kind) {
    case 'present': {
      // A link or a sample to present; without one (or with a bad one), the saved workspace.
      const opened = mode.fragment || params.sample ? openLinked(mode.fragment, params) : undefined;
      const workspace = opened && 'workspace' in opened ? opened.workspace : undefined;
      return { kind: 'present', params, ...(workspace ? { workspace } : {}), workspaceUrl: urlWithoutPresent(url) };
    }
    case 'link': {
      const opened = openLinked(mode.fragment, params);
      if ('error' in opened)
        return {
          kind: 'workspace',
          params: { autoplay: false },
          notice: `This link could not be opened: ${opened.error} Your own workspace is shown instead.`,
        };
      return { kind: 'link', params, ...opened };
    }
    case 'embed': {
      // An embed with no link shows the first sample; it always starts fitted to its frame.
      const opened = openLinked(mode.fragment, params, sampleWorkspace(DEFAULT_SAMPLE.id));
      if ('error' in opened) return { kind: 'embed', params, error: opened.error };
      const { viewport: _fitted, ...workspace } = opened.workspace;
      return { kind: 'embed', params, workspace };
    }
    default:
      // The workspace, and any mode not built yet.
      return { kind: 'workspace', params };
  }
}

/**
 * The store options of a plan. Only the workspace gets the page's storage: a link or an embed
 * opens in memory, so it can never overwrite the user's local work.
 */
export function storeOptionsFor(mode: { kind: StartMode['kind'] }, page: PageEnvironment): AppStoreOptions {
  const workspace = mode.kind === 'workspace';
  return {
    ...(workspace && page.localStorage ? { storage: page.localStorage } : {}),
    ...(workspace && page.records ? { records: page.records } : {}),
    ...(workspace && page.channel ? { channel: page.channel } : {}),
    ...(page.matchMedia ? { matchMedia: page.matchMedia } : {}),
  };
}

/**
 * Once the first analysis is in, runs the trace the store holds and shows hop `step`, paused
 * (or plays it from the start, when `play`). Returns what stops waiting.
 */
function traceWhenAnalysed(store: AppStore, step: number, play: boolean): () => void {
  const unsubscribe = store.subscribe((state: Store, previous: Store) => {
    if (state.topology === previous.topology) return;
    unsubscribe();
    if (!state.traceUrl.trim()) return;
    // runTrace plays unless the user asked for reduced motion; a restored link stops on its hop.
    void loadTraceEngine().then(() => {
      store.getState().runTrace();
      if (!play) store.getState().setTraceStep(step);
    });
  });
  return unsubscribe;
}

/**
 * The workspace: restore the saved files (or the first sample), save every change, analyse. When
 * some saved files are in the browser's database, the URL's settings and the saving wait for them.
 */
function startWorkspace(store: AppStore, params: UrlParams): () => void {
  const { storage, records, channel } = store.env;
  let stopped = false;
  let stopRestored = () => {};
  const begin = (restored: Restored) => {
    if (stopped) return;
    const { theme, nodeCount, viewMode, trace } = params;
    store.setState({
      ...(theme ? { theme } : {}),
      ...(nodeCount ? { nodeCount } : {}),
      ...(viewMode ? { viewMode } : {}),
      ...(trace ? { traceUrl: trace.url, traceFrom: trace.from } : {}),
    });
    const stopTrace = trace ? traceWhenAnalysed(store, 0, true) : () => {};
    const stopPersistence = startPersistence(
      store,
      { ...(storage ? { storage } : {}), ...(records ? { records } : {}), ...(channel ? { channel } : {}) },
      restored,
    );
    stopRestored = () => {
      stopTrace();
      stopPersistence();
    };
  };
  const restored = restoreWorkspace(store, storage, records);
  if (restored instanceof Promise) void restored.then(begin);
  else begin(restored);
  const stopPipeline = startPipeline(store);
  return () => {
    stopped = true;
    stopRestored();
    stopPipeline();
  };
}

/** A link or an embed: the workspace it carries, in memory only (its store has no storage), analysed. */
function startInMemory(store: AppStore, workspace: Workspace | undefined, play: boolean): () => void {
  if (!workspace) return () => {};
  store.setState(stateOfWorkspace(workspace));
  const stopTrace = workspace.trace ? traceWhenAnalysed(store, workspace.trace.step, play) : () => {};
  const stopPipeline = startPipeline(store);
  return () => {
    stopTrace();
    stopPipeline();
  };
}

/** What stops a start that is still loading: it stops as soon as it has started, or at once. */
function startLater(started: Promise<() => void>): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  void started.then((s) => {
    if (stopped) s();
    else stop = s;
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Starts `plan` on a store made with `storeOptionsFor(plan, …)`; returns what stops it. `page`
 * lends a presentation the saved workspace to read (its own store never writes it).
 */
export function startMode(store: AppStore, plan: StartPlan, page?: PageEnvironment): () => void {
  switch (plan.kind) {
    case 'link':
      return startInMemory(store, plan.workspace, false);
    case 'embed':
      return startInMemory(store, plan.workspace, plan.params.autoplay);
    case 'present': {
      // The saved workspace may have files in the browser's database: it is read first.
      const places = {
        ...(page?.localStorage ? { storage: page.localStorage } : {}),
        ...(page?.records ? { records: page.records } : {}),
      };
      return startLater(
        // The presentation's code loads only for a presentation: the workspace starts without it.
        import('./presentation').then(async ({ presentationSourceFromPage, startPresentation }) =>
          startPresentation(store, plan.workspace ?? (await presentationSourceFromPage(plan.workspaceUrl, places))),
        ),
      );
    }
    default:
      return startWorkspace(store, plan.params);
  }
}
