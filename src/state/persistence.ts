import { DEFAULT_SAMPLE } from '../samples';
import { decodeWorkspace, encodeWorkspace, type Workspace } from '../workspace';
import type { StorageLike } from './environment';
import type { Store } from './store';
import { stateOfWorkspace, VIEW_KEYS, workspaceOf } from './workspaceState';

/**
 * Where the local workspace is saved. The name is the one of the first release so older saves
 * are found; the version inside the saved JSON says its shape (the codec migrates it).
 */
export const WORKSPACE_STORAGE_KEY = 'portolan:workspace:v1';

/** What survives a reload: when none of these changed, nothing is written. */
const SAVED_KEYS = ['files', 'activeFile', ...VIEW_KEYS] as const satisfies readonly (keyof Store)[];

/** Reads the saved workspace; a broken, foreign or newer save reads as none. */
export function readSavedWorkspace(storage: StorageLike | undefined): Workspace | undefined {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(WORKSPACE_STORAGE_KEY);
  } catch {
    return undefined; // storage blocked (privacy settings): start afresh
  }
  if (!text) return undefined;
  const result = decodeWorkspace(text);
  return result.ok ? result.workspace : undefined;
}

/** Puts the saved workspace (or the first sample) into the store. */
export function restoreWorkspace(
  store: { setState: (partial: Partial<Store>) => void },
  storage: StorageLike | undefined,
) {
  const saved = readSavedWorkspace(storage);
  if (!saved) {
    store.setState({ files: DEFAULT_SAMPLE.files.map((f) => ({ ...f })), activeFile: DEFAULT_SAMPLE.files[0]!.name });
    return;
  }
  store.setState(stateOfWorkspace(saved));
}

/** Saves the workspace on every change of what it holds. */
export function startPersistence(
  store: { subscribe: (listener: (state: Store, previous: Store) => void) => () => void },
  storage: StorageLike | undefined,
): () => void {
  if (!storage) return () => {};
  return store.subscribe((state, previous) => {
    if (SAVED_KEYS.every((key) => state[key] === previous[key])) return;
    try {
      storage.setItem(WORKSPACE_STORAGE_KEY, encodeWorkspace(workspaceOf(state)));
    } catch {
      // Storage full or blocked: the text stays in memory; nothing else to do from here.
    }
  });
}
