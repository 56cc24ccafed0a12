import { mergeFiles, type Workspace } from '../workspace';
import { LEGACY_WORKSPACE_KEY, type SavePlaces } from './persistence';
import { readSavedWorkspaceFully } from './readSaved';
import { createWorkspaceWriter } from './saveWriter';

/** What keeping a copy did: the names the link's files got as tabs, or why nothing was saved. */
export type KeepCopyResult = { ok: true; added: string[] } | { ok: false; message: string };

/**
 * Adds a shared link's files to the user's saved workspace as new tabs, never replacing a local
 * file (see `mergeFiles`), and takes the link's trace into the trace bar. With no saved workspace
 * yet, the link's workspace becomes it. Only the new files and the index are written. The
 * caller then opens the workspace.
 */
export async function keepCopyInLocalWorkspace(places: SavePlaces, link: Workspace): Promise<KeepCopyResult> {
  const { storage, records } = places;
  if (!storage && !records)
    return { ok: false, message: 'This browser does not let Portolan save anything (storage is blocked).' };
  const read = await readSavedWorkspaceFully(storage, records);
  const saved = read.kind === 'ok' ? read.workspace : undefined;
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
  const writer = createWorkspaceWriter(storage, records, read.kind === 'ok' ? new Map(read.known) : new Map());
  const result = await writer.write(next);
  if (!result.ok)
    return { ok: false, message: 'Your workspace could not be saved: the browser storage is full or blocked.' };
  if (read.kind === 'ok' && read.legacy)
    try {
      storage?.removeItem?.(LEGACY_WORKSPACE_KEY);
    } catch {
      // The index is read first; the older save is merely left behind.
    }
  return { ok: true, added };
}
