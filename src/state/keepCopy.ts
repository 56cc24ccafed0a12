import { encodeWorkspace, mergeFiles, type Workspace } from '../workspace';
import type { StorageLike } from './environment';
import { readSavedWorkspace, WORKSPACE_STORAGE_KEY } from './persistence';

/** What keeping a copy did: the names the link's files got as tabs, or why nothing was saved. */
export type KeepCopyResult = { ok: true; added: string[] } | { ok: false; message: string };

/**
 * Adds a shared link's files to the user's saved workspace as new tabs, never replacing a local
 * file (see `mergeFiles`), and takes the link's trace into the trace bar. With no saved workspace
 * yet, the link's workspace becomes it. The caller then opens the workspace.
 */
export function keepCopyInLocalWorkspace(storage: StorageLike | undefined, link: Workspace): KeepCopyResult {
  if (!storage) return { ok: false, message: 'This browser does not let Portolan save anything (storage is blocked).' };
  const saved = readSavedWorkspace(storage);
  let next: Workspace;
  let added: string[];
  if (!saved) {
    next = link;
    added = link.files.map((f) => f.name);
  } else {
    const merged = mergeFiles(saved.files, link.files, saved.activeFile);
    added = merged.added;
    next = {
      ...saved,
      files: merged.files,
      activeFile: merged.activeFile,
      ...(link.trace ? { trace: link.trace } : {}),
    };
  }
  try {
    storage.setItem(WORKSPACE_STORAGE_KEY, encodeWorkspace(next));
  } catch {
    return { ok: false, message: 'Your workspace could not be saved: the browser storage is full or blocked.' };
  }
  return { ok: true, added };
}
