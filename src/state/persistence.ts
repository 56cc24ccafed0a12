import { DEFAULT_SAMPLE } from '../samples';
import { mergeFiles, type Workspace } from '../workspace';
import type { SourceFile } from '../core/model/source';
import type { RecordStore, StorageLike, TabChannel } from './environment';
import { EMPTY_TAB_NAME } from './filesSlice';
import { completeRead, readSavedLocal, readSavedWorkspaceFully, type KnownRecord, type SavedRead } from './readSaved';
import { fileKey, LEGACY_WORKSPACE_KEY, parseIndex, SET_ASIDE_KEY, type FileRef } from './savedLayout';
import { createWorkspaceWriter, type WriteResult } from './saveWriter';
import { mergeTabFiles } from './tabMerge';
import type { Store } from './store';
import { stateOfWorkspace, VIEW_KEYS, workspaceOf } from './workspaceState';

export { INDEX_KEY, LEGACY_WORKSPACE_KEY, SET_ASIDE_KEY as SET_ASIDE_STORAGE_KEY } from './savedLayout';

/** What survives a reload: when none of these changed, nothing is written. */
const SAVED_KEYS = ['files', 'activeFile', ...VIEW_KEYS] as const satisfies readonly (keyof Store)[];

/** Where the local workspace is saved: localStorage for what is small, the record store (IndexedDB) for the rest. */
export type SavePlaces = { storage?: StorageLike; records?: RecordStore; channel?: TabChannel };

/** What a restore learnt about storage, for the saving that follows it. */
export type Restored = {
  /** the records storage holds, by file name */
  known: ReadonlyMap<string, KnownRecord>;
  /** the workspace came from an older Portolan's single save: write it in the new layout at once */
  legacy: boolean;
  /** the files restore put in the store: anything typed since is saved as soon as saving starts */
  shown?: readonly SourceFile[];
};

const NOTHING_RESTORED: Restored = { known: new Map(), legacy: false };

/**
 * Reads the saved workspace from localStorage alone (synchronously); a workspace with files in
 * the record store, or a broken, foreign or newer save, reads as none.
 */
export function readSavedWorkspace(storage: StorageLike | undefined): Workspace | undefined {
  const local = readSavedLocal(storage);
  return local.kind === 'done' && local.read.kind === 'ok' ? local.read.workspace : undefined;
}

/** Reads the saved workspace wherever its files are; none when there is none or it cannot be read. */
export async function loadSavedWorkspace(places: SavePlaces): Promise<Workspace | undefined> {
  const read = await readSavedWorkspaceFully(places.storage, places.records);
  return read.kind === 'ok' ? read.workspace : undefined;
}

type Settable = { setState: (partial: Partial<Store>) => void };

/** Puts what was read into the store: the workspace, or the first sample; anything unreadable is kept aside. */
function applyRead(store: Settable, storage: StorageLike | undefined, saved: SavedRead): Restored {
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
      storage?.setItem(SET_ASIDE_KEY, unreadable.text);
    } catch {
      // Storage full: the copy in the store can still be downloaded.
    }
    store.setState({ setAside: unreadable });
  }
  return saved.kind === 'ok' ? { known: saved.known, legacy: saved.legacy } : NOTHING_RESTORED;
}

/**
 * Puts the saved workspace (or the first sample) into the store. When every file is in
 * localStorage this happens at once; when some are in the record store, the store says it is
 * `restoring` (and holds no file, so no sample flashes by) until they are read. A save it cannot
 * read, whole or in part, is kept aside (in storage and in the store, offered for download).
 */
export function restoreWorkspace(
  store: Settable & { getState: () => Store },
  storage: StorageLike | undefined,
  records?: RecordStore,
): Restored | Promise<Restored> {
  const local = readSavedLocal(storage);
  if (local.kind === 'done') return applyRead(store, storage, local.read);
  if (local.kind === 'index-in-records' && !local.marked) {
    // No index in localStorage: a new visitor, nearly always, who sees the sample at once. The
    // database is asked all the same (the index goes there when localStorage is full and even
    // the note saying so could not be written), and saving waits for its answer.
    applyRead(store, storage, { kind: 'none' });
    const shown = store.getState().files;
    if (!records) return { ...NOTHING_RESTORED, shown };
    return completeRead(local, storage, records).then((read) =>
      read.kind === 'none' ? { ...NOTHING_RESTORED, shown } : applyRead(store, storage, read),
    );
  }
  if (local.kind === 'index-in-records' && !records) return applyRead(store, storage, { kind: 'none' });
  store.setState({ restoring: 'Opening your saved workspace…' });
  return completeRead(local, storage, records).then((read) => {
    // A tab opened (and typed in) while the database was read is kept beside the saved ones.
    const typed = store.getState().files.filter((f) => f.text !== '');
    store.setState({ restoring: undefined });
    const restored = applyRead(store, storage, read);
    const shown = store.getState().files;
    if (typed.length > 0) store.setState({ files: mergeFiles(shown, typed, store.getState().activeFile).files });
    return { ...restored, shown };
  });
}

/**
 * What a tab tells the others after each save: the index it wrote, the files whose text it wrote,
 * and the texts of those it wrote to localStorage. Another tab's view of localStorage is updated
 * a little later than the message can arrive (Chromium syncs it between processes), so the small
 * texts travel with the message; a big one is read from IndexedDB, whose write has committed.
 */
export type SavedMessage = { type: 'portolan:saved'; index: string; changed: string[]; texts: Record<string, string> };

function isSavedMessage(message: unknown): message is SavedMessage {
  const m = message as Partial<SavedMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'portolan:saved' &&
    typeof m.index === 'string' &&
    Array.isArray(m.changed) &&
    m.changed.every((name) => typeof name === 'string') &&
    typeof m.texts === 'object' &&
    m.texts !== null &&
    Object.values(m.texts).every((text) => typeof text === 'string')
  );
}

/** Whether `files` holds every one of `wanted`, with the same text. */
function holdsAll(files: readonly SourceFile[], wanted: readonly SourceFile[]): boolean {
  const texts = new Map(files.map((f) => [f.name, f.text]));
  return wanted.every((f) => texts.get(f.name) === f.text);
}

type PersistedStore = {
  getState: () => Store;
  setState: (partial: Partial<Store>) => void;
  subscribe: (listener: (state: Store, previous: Store) => void) => () => void;
};

/**
 * Saves the workspace on every change of what it holds, file by file (saveWriter.ts). A failed
 * save is shown (`saveError`) until one succeeds. Every save is announced to the other tabs
 * (IndexedDB writes fire no `storage` event), and theirs are merged file by file (tabMerge.ts):
 * an edit is never overwritten in silence.
 */
export function startPersistence(
  store: PersistedStore,
  places: SavePlaces | StorageLike | undefined,
  restored: Restored = NOTHING_RESTORED,
): () => void {
  const { storage, records, channel } = places && 'getItem' in places ? { storage: places } : (places ?? {});
  if (!storage && !records) return () => {};
  const writer = createWorkspaceWriter(storage, records, new Map(restored.known));
  // The files as this tab last read them from storage, and what it wrote since: the merge base.
  let base: readonly SourceFile[] = store.getState().files;
  const written = new Map<string, Set<string>>();
  let legacy = restored.legacy;
  let lastPosted: string | undefined;

  const settle = (files: readonly SourceFile[], result: WriteResult) => {
    if (!result.ok) {
      if (store.getState().saveError !== result.message) store.setState({ saveError: result.message });
      return;
    }
    const texts = new Map(files.map((f) => [f.name, f.text]));
    for (const name of result.changed) {
      const set = written.get(name) ?? new Set<string>();
      if (set.size >= 50) set.clear();
      set.add(texts.get(name)!);
      written.set(name, set);
    }
    if (legacy) {
      // The older single save is now in the new layout: free its room.
      try {
        storage?.removeItem?.(LEGACY_WORKSPACE_KEY);
      } catch {
        // Left behind, it is never read again once the index exists.
      }
      legacy = false;
    }
    if (store.getState().saveError !== undefined) store.setState({ saveError: undefined });
    if (result.changed.length > 0 || result.index !== lastPosted) {
      lastPosted = result.index;
      const local = result.changed.filter((name) => writer.known.get(name)?.at === 'local');
      const message: SavedMessage = {
        type: 'portolan:saved',
        index: result.index,
        changed: result.changed,
        texts: Object.fromEntries(local.map((name) => [name, texts.get(name)!])),
      };
      channel?.post(message);
    }
  };

  // One write at a time: while a write to the record store is under way, later changes wait and
  // only the newest is written (a file's last text is all that matters).
  let pending: Store | undefined;
  let busy = false;
  const pump = () => {
    while (pending && !busy) {
      const state = pending;
      pending = undefined;
      const result = writer.write(workspaceOf(state));
      if (result instanceof Promise) {
        busy = true;
        void result.then((done) => {
          busy = false;
          settle(state.files, done);
          pump();
        });
      } else settle(state.files, result);
    }
  };
  const save = (state: Store) => {
    pending = state;
    pump();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (SAVED_KEYS.every((key) => state[key] === previous[key])) return;
    save(state);
  });
  if (legacy || (restored.shown && store.getState().files !== restored.shown)) save(store.getState());

  /** Another tab's save, its texts read: merged into ours. */
  const merge = (refs: readonly FileRef[], theirs: SourceFile[]) => {
    const ours = store.getState().files;
    const merged = mergeTabFiles(base, ours, theirs, written);
    base = theirs;
    written.clear();
    // Storage now holds their records; ours are written again where they differ.
    const at = new Map(refs.map((r) => [r.name, r.at]));
    writer.known.clear();
    for (const file of theirs) writer.known.set(file.name, { text: file.text, at: at.get(file.name) ?? 'local' });
    writer.forgetIndex();
    const same =
      merged.files.length === ours.length &&
      merged.files.every((f, i) => f === ours[i] || (f.name === ours[i]!.name && f.text === ours[i]!.text));
    if (same) {
      // Nothing here changed, but storage may lack what only this tab holds (an edit to a file
      // they closed). What only they hold is theirs to keep: it is never written away from here.
      if (!holdsAll(theirs, ours)) save(store.getState());
      return;
    }
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
                .map((c) =>
                  c.moved === 'theirs'
                    ? `${c.file} was also changed in another tab; its version is open here as ${c.keptAs}.`
                    : `${c.file} was also changed in another tab; its version is now ${c.file}, and yours is open as ${c.keptAs}.`,
                )
                .join(' ') + ' Keep the one you want and close the other.',
          }
        : {}),
    });
  };

  /** Reads the files another tab's save names (from storage: the message carries no text) and merges them. */
  const receive = (message: SavedMessage): Promise<void> | undefined => {
    const index = parseIndex(message.index);
    if (!index.ok) return undefined;
    const changed = new Set(message.changed);
    const texts = new Map<string, unknown>();
    const fromRecords: string[] = [];
    for (const ref of index.files) {
      // A file they did not write holds what this tab last knew storage to hold (its own writes included).
      const known = writer.known.get(ref.name);
      if (Object.hasOwn(message.texts, ref.name)) texts.set(ref.name, message.texts[ref.name]);
      else if (!changed.has(ref.name) && known) texts.set(ref.name, known.text);
      else if (ref.at === 'records') fromRecords.push(ref.name);
      else
        try {
          texts.set(ref.name, storage?.getItem(fileKey(ref.name)));
        } catch {
          // unreadable: see below
        }
    }
    const finish = () => {
      const baseText = new Map(base.map((f) => [f.name, f.text]));
      const theirs = index.files.flatMap((ref) => {
        // A file their index names is open there, even when its text cannot be read here yet:
        // it stands at what this tab last knew of it, never read as closed.
        const text = texts.get(ref.name) ?? writer.known.get(ref.name)?.text ?? baseText.get(ref.name);
        return typeof text === 'string' ? [{ name: ref.name, text }] : [];
      });
      merge(index.files, theirs);
    };
    if (fromRecords.length === 0 || !records) return void finish();
    return records.getMany(fromRecords.map(fileKey)).then(
      (values) => {
        fromRecords.forEach((name, i) => texts.set(name, values[i]));
        finish();
      },
      () => {}, // the database failed: the next save of theirs is read again
    );
  };

  // Messages are handled in order; one that must wait for the database holds back the later ones.
  let queue: Promise<void> | undefined;
  const stopListening = channel?.listen((message) => {
    if (!isSavedMessage(message)) return;
    if (queue) queue = queue.then(() => receive(message));
    else {
      const waiting = receive(message);
      if (!waiting) return;
      queue = waiting;
    }
    const mine = queue;
    void mine.then(() => {
      if (queue === mine) queue = undefined;
    });
  });
  return () => {
    unsubscribe();
    stopListening?.();
  };
}
