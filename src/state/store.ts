import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';
import { systemClock, type StoreEnvironment } from './environment';
import { createFilesSlice, type FilesSlice } from './filesSlice';
import { createSaveSlice, type SaveSlice } from './saveSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTraceSlice, type TraceSlice } from './traceSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type Store = FilesSlice & ViewSlice & AnalysisSlice & SelectionSlice & TraceSlice & SaveSlice;

/** One app's store, and the environment it was made with. */
export type AppStore = StoreApi<Store> & { readonly env: StoreEnvironment };

/** What a store takes from outside; anything left out is a quiet default (no storage, no media queries, the host's timers). */
export type AppStoreOptions = Partial<StoreEnvironment>;

/** A new store in slices, for one app instance: the workspace, a link, an embed, a test. */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const env: StoreEnvironment = {
    clock: options.clock ?? systemClock,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.records ? { records: options.records } : {}),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.matchMedia ? { matchMedia: options.matchMedia } : {}),
  };
  const api = createStore<Store>()((...a) => ({
    ...createFilesSlice(...a),
    ...createViewSlice(...a),
    ...createAnalysisSlice(...a),
    ...createSelectionSlice(...a),
    ...createTraceSlice(env)(...a),
    ...createSaveSlice(...a),
  }));
  return Object.assign(api, { env });
}
