import { DEFAULT_SAMPLE } from '../samples';
import { decodeWorkspace, encodeWorkspace, type Workspace } from '../workspace';
import type { SourceFile } from '../core/model/source';
import type { StorageLike } from './environment';
import { EMPTY_TAB_NAME } from './filesSlice';
import { mergeTabFiles } from './tabMerge';
import type { Store } from './store';
import { stateOfWorkspace, VIEW_KEYS, workspaceOf } from './workspaceState';

/**
 * Where the local workspace is saved. The name is the one of the first release so older saves
 * are found; the version inside the saved JSON says its shape (the codec migrates it).
 */
export const WORKSPACE_STORAGE_KEY = 'portolan:workspace:v1';

/** What survives a reload: when none of these changed, nothing is written. */
const SAVED_KEYS = ['files', 'activeFile', ...VIEW_KEYS] as const satisfies readonly (keyof Store)[];

/** Where a save that could not be read is kept, so the next save does not overwrite it. */
export const SET_ASIDE_STORAGE_KEY = 'portolan:workspace:unreadable';

type SavedRead =
  | { kind: 'none' }
  | { kind: 'ok'; workspace: Workspace; text: string; repairs: string[] }
  | { kind: 'unreadable'; text: string; reason: string };

function readSaved(storage: StorageLike | undefined): SavedRead {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(WORKSPACE_STORAGE_KEY);
  } catch {
    return { kind: 'none' }; // storage blocked (privacy settings): start afresh
  }
  if (!text) return { kind: 'none' };
  const result = decodeWorkspace(text);
  if (!result.ok) return { kind: 'unreadable', text, reason: result.problems.map((p) => p.message).join(' ') };
  const repairs = result.problems.filter((p) => p.code === 'WS-FILE-DROPPED').map((p) => p.message);
  return { kind: 'ok', workspace: result.workspace, text, repairs };
}

/** Reads the saved workspace; a broken, foreign or newer save reads as none. */
export function readSavedWorkspace(storage: StorageLike | undefined): Workspace | undefined {
  const saved = readSaved(storage);
  return saved.kind === 'ok' ? saved.workspace : undefined;
}

/**
 * Puts the saved workspace (or the first sample) into the store. A save it cannot read, whole
 * or in part, is kept aside (in storage and in the store, offered for download), never dropped.
 */
export function restoreWorkspace(
  store: { setState: (partial: Partial<Store>) => void },
  storage: StorageLike | undefined,
) {
  const saved = readSaved(storage);
  if (saved.kind !== 'ok') {
    store.setState({ files: DEFAULT_SAMPLE.files.map((f) => ({ ...f })), activeFile: DEFAULT_SAMPLE.files[0]!.name });
  } else {
    const state = stateOfWorkspace(saved.workspace);
    if (state.files?.length === 0)
      Object.assign(state, { files: [{ name: EMPTY_TAB_NAME, text: '' }], activeFile: EMPTY_TAB_NAME });
    store.setState(state);
  }
  const unreadable =
    saved.kind === 'unreadable'
      ? {
          text: saved.text,
          reason: `The saved workspace could not be read (${saved.reason}); the sample was opened instead.`,
        }
      : saved.kind === 'ok' && saved.repairs.length > 0
        ? { text: saved.text, reason: `Part of the saved workspace could not be read: ${saved.repairs.join(' ')}` }
        : undefined;
  if (unreadable) {
    try {
      storage?.setItem(SET_ASIDE_STORAGE_KEY, unreadable.text);
    } catch {
      // Storage full: the copy in the store can still be downloaded.
    }
    store.setState({ setAside: unreadable });
  }
}

/** Storage events of other tabs: the key and the new value they wrote. */
export type StorageEvents = (listener: (key: string | null, value: string | null) => void) => () => void;

/** The page's `storage` events, when the storage is the page's localStorage. */
function pageStorageEvents(storage: StorageLike): StorageEvents | undefined {
  const page = globalThis as { localStorage?: unknown; addEventListener?: typeof addEventListener };
  let isPageStorage: boolean;
  try {
    isPageStorage = page.localStorage === storage;
  } catch {
    return undefined;
  }
  if (!isPageStorage || !page.addEventListener) return undefined;
  return (listener) => {
    const handle = (event: StorageEvent) => listener(event.key, event.newValue);
    addEventListener('storage', handle);
    return () => removeEventListener('storage', handle);
  };
}

/**
 * Saves the workspace on every change of what it holds. A failed save is shown (`saveError`)
 * until one succeeds. Another tab's save is merged file by file (tabMerge.ts): an edit is
 * never overwritten in silence.
 */
export function startPersistence(
  store: {
    getState: () => Store;
    setState: (partial: Partial<Store>) => void;
    subscribe: (listener: (state: Store, previous: Store) => void) => () => void;
  },
  storage: StorageLike | undefined,
  events: StorageEvents | undefined = storage ? pageStorageEvents(storage) : undefined,
): () => void {
  if (!storage) return () => {};
  // The files as this tab last read them from storage, and what it wrote since: the merge base.
  let base: readonly SourceFile[] = store.getState().files;
  const written = new Map<string, Set<string>>();
  const save = (state: Store) => {
    try {
      storage.setItem(WORKSPACE_STORAGE_KEY, encodeWorkspace(workspaceOf(state)));
      for (const file of state.files) {
        const texts = written.get(file.name) ?? new Set<string>();
        if (texts.size >= 50) texts.clear();
        texts.add(file.text);
        written.set(file.name, texts);
      }
      if (state.saveError !== undefined) store.setState({ saveError: undefined });
    } catch (error) {
      const message =
        error instanceof Error && /quota/i.test(`${error.name} ${error.message}`)
          ? 'The browser storage is full'
          : 'The browser refused to save';
      if (state.saveError !== message) store.setState({ saveError: message });
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (SAVED_KEYS.every((key) => state[key] === previous[key])) return;
    save(state);
  });
  const stopListening = events?.((key, value) => {
    if (key !== WORKSPACE_STORAGE_KEY || !value) return;
    const decoded = decodeWorkspace(value);
    if (!decoded.ok) return;
    const ours = store.getState().files;
    const merged = mergeTabFiles(base, ours, decoded.workspace.files, written);
    base = decoded.workspace.files;
    written.clear();
    const same =
      merged.files.length === ours.length &&
      merged.files.every((f, i) => f === ours[i] || (f.name === ours[i]!.name && f.text === ours[i]!.text));
    if (same) return;
    const activeFile = merged.files.some((f) => f.name === store.getState().activeFile)
      ? store.getState().activeFile
      : merged.files[0]!.name;
    store.setState({
      files: merged.files.length > 0 ? merged.files : [{ name: EMPTY_TAB_NAME, text: '' }],
      activeFile,
      ...(merged.conflicts.length > 0
        ? {
            tabNotice:
              merged.conflicts
                .map((c) => `${c.file} was also changed in another tab; its version is open here as ${c.keptAs}.`)
                .join(' ') + ' Keep the one you want and close the other.',
          }
        : {}),
    });
  });
  return () => {
    unsubscribe();
    stopListening?.();
  };
}
