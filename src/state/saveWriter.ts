import type { Workspace } from '../workspace';
import type { RecordStore, StorageLike } from './environment';
import type { KnownRecord } from './readSaved';
import { encodeIndex, fileKey, INDEX_IN_RECORDS, INDEX_KEY, LOCAL_FILE_LIMIT, type RecordPlace } from './savedLayout';

/**
 * Writes a workspace in the per-file layout (savedLayout.ts): only the files whose text differs
 * from what storage holds, then the index. Small files go to localStorage, synchronously, so a
 * keystroke is saved before the next one; a big file, or any file localStorage refuses, goes to
 * the record store (IndexedDB), and the index is written only once its records are in, so an
 * index never names a record that is not there yet.
 */

/** What one write did: the files it wrote, or why the workspace is not saved. */
export type WriteResult = { ok: true; changed: string[]; index: string } | { ok: false; message: string };

export type WorkspaceWriter = {
  /** Saves `workspace`; synchronous unless the record store is needed. A returned promise never rejects. */
  write: (workspace: Workspace) => WriteResult | Promise<WriteResult>;
  /** What storage holds, by file name, as far as this tab knows: another tab's save updates it. */
  readonly known: Map<string, KnownRecord>;
  /** Makes the next write write the index even when this tab's is unchanged (another tab wrote its own). */
  forgetIndex: () => void;
};

/** The words a failed save is shown with. */
export function saveFailureMessage(error: unknown): string {
  return error instanceof Error && /quota/i.test(`${error.name} ${error.message}`)
    ? 'The browser storage is full'
    : 'The browser refused to save';
}

/** A writer over `storage` and `records` (either may be missing), starting from what storage is `known` to hold. */
export function createWorkspaceWriter(
  storage: StorageLike | undefined,
  records: RecordStore | undefined,
  known: Map<string, KnownRecord> = new Map(),
): WorkspaceWriter {
  // A record store that failed once (private window, blocked database) is not tried again.
  let recordsBroken = false;
  let lastIndex: string | undefined;
  let indexInRecords = false;

  const setLocal = (key: string, text: string): unknown => {
    if (!storage) return new Error('no localStorage');
    try {
      storage.setItem(key, text);
      return undefined;
    } catch (error) {
      return error ?? new Error('refused');
    }
  };
  const removeLocal = (keys: string[]) => {
    for (const key of keys)
      try {
        storage?.removeItem?.(key);
      } catch {
        // A stale copy no index names: harmless.
      }
  };
  const removeRecords = (keys: string[]) => {
    if (keys.length > 0 && records && !recordsBroken) records.delMany(keys).catch(() => {});
  };

  const write = (workspace: Workspace): WriteResult | Promise<WriteResult> => {
    const useRecords = !!records && !recordsBroken;
    const changed: string[] = [];
    const places = new Map<string, RecordPlace>();
    const toRecords: { name: string; text: string }[] = [];
    const staleLocal: string[] = [];
    const staleRecords: string[] = [];
    for (const file of workspace.files) {
      const was = known.get(file.name);
      if (was && was.text === file.text) {
        places.set(file.name, was.at);
        continue;
      }
      changed.push(file.name);
      let failure: unknown = new Error('too big for localStorage');
      if (!useRecords || file.text.length <= LOCAL_FILE_LIMIT) failure = setLocal(fileKey(file.name), file.text);
      if (failure === undefined) {
        known.set(file.name, { text: file.text, at: 'local' });
        places.set(file.name, 'local');
        if (was?.at === 'records') staleRecords.push(fileKey(file.name));
      } else if (useRecords) {
        toRecords.push({ name: file.name, text: file.text });
        places.set(file.name, 'records');
        if (was?.at === 'local') staleLocal.push(fileKey(file.name));
      } else return { ok: false, message: saveFailureMessage(failure) };
    }
    const open = new Set(workspace.files.map((f) => f.name));
    const closed = [...known].filter(([name]) => !open.has(name));
    const index = encodeIndex(workspace, places);

    const finish = (): WriteResult => {
      for (const [name, record] of closed) {
        known.delete(name);
        (record.at === 'local' ? staleLocal : staleRecords).push(fileKey(name));
      }
      removeLocal(staleLocal);
      removeRecords(staleRecords);
      lastIndex = index;
      return { ok: true, changed, index };
    };
    const writeIndexLocally = (): boolean => {
      if (setLocal(INDEX_KEY, index) !== undefined) return false;
      if (indexInRecords) removeRecords([INDEX_KEY]);
      indexInRecords = false;
      return true;
    };

    if (toRecords.length === 0 && (index === lastIndex || writeIndexLocally())) return finish();
    if (!useRecords) return { ok: false, message: saveFailureMessage(new Error('refused')) };

    // The record store: the big files first, then the index (in localStorage when it fits).
    return (async (): Promise<WriteResult> => {
      try {
        if (toRecords.length > 0) await records!.setMany(toRecords.map((f) => [fileKey(f.name), f.text]));
        for (const f of toRecords) known.set(f.name, { text: f.text, at: 'records' });
        if (!writeIndexLocally()) {
          // localStorage is full: the index goes to the record store, and the stale one in
          // localStorage becomes a note saying so (or, if even that is refused, goes: removing
          // needs no room), so start-up looks for it there.
          if (setLocal(INDEX_KEY, INDEX_IN_RECORDS) !== undefined) storage?.removeItem?.(INDEX_KEY);
          await records!.setMany([[INDEX_KEY, index]]);
          indexInRecords = true;
        }
        return finish();
      } catch {
        // The database is unavailable (a private window, blocked, full): from now on this tab
        // saves in localStorage alone, as before there was a database, starting with this write.
        recordsBroken = true;
        return write(workspace);
      }
    })();
  };

  return {
    write,
    known,
    forgetIndex: () => {
      lastIndex = undefined;
    },
  };
}
