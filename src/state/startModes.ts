import type { StartMode } from '../workspace/startMode';
import type { MatchMedia, StorageLike } from './environment';
import { restoreWorkspace, startPersistence } from './persistence';
import { startPipeline } from './pipeline';
import type { AppStore, AppStoreOptions } from './store';

/** What the page offers a store: its localStorage (when it can be used) and its media queries. */
export type PageEnvironment = { localStorage?: StorageLike; matchMedia?: MatchMedia };

/**
 * The store options of a mode. Only the workspace mode gets the page's storage: a link, an
 * embed or a presentation opens in memory, so it can never overwrite the user's local work.
 */
export function storeOptionsFor(mode: StartMode, page: PageEnvironment): AppStoreOptions {
  return {
    ...(mode.kind === 'workspace' && page.localStorage ? { storage: page.localStorage } : {}),
    ...(page.matchMedia ? { matchMedia: page.matchMedia } : {}),
  };
}

/** The workspace: restore the saved files (or the first sample), save every change, analyse. */
function startWorkspace(store: AppStore): () => void {
  restoreWorkspace(store, store.env.storage);
  const stopPersistence = startPersistence(store, store.env.storage);
  const stopPipeline = startPipeline(store);
  return () => {
    stopPersistence();
    stopPipeline();
  };
}

/**
 * Starts `mode` on a store made with `storeOptionsFor(mode, …)`; returns what stops it.
 * A link mode, when built, decodes its fragment with `decodeWorkspace`, puts it in the store
 * with `stateOfWorkspace` and starts the pipeline, and no persistence (its store has no storage).
 */
export function startMode(store: AppStore, mode: StartMode): () => void {
  switch (mode.kind) {
    case 'workspace':
      return startWorkspace(store);
    default:
      // Not built yet (chooseStartMode does not offer them): the workspace, kept in memory.
      return startWorkspace(store);
  }
}
