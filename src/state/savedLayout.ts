import { CURRENT_WORKSPACE_VERSION, type Workspace, type WorkspaceTrace, type WorkspaceView } from '../workspace';

/**
 * How the local workspace is laid out in browser storage: one small index (tab order, active
 * file, view settings, and where each file's text is) plus one record per file, so saving one
 * edited file writes only that file, and a file too big for localStorage goes to IndexedDB
 * without holding back the others. Pure: no storage is touched here.
 */

/** The index: in localStorage, or in the record store when localStorage refuses it. */
export const INDEX_KEY = 'portolan:workspace:index';

/**
 * What localStorage holds under `INDEX_KEY` when the index had to go to the record store: a
 * returning user then waits for the database instead of seeing the sample. (Shrinking a value
 * needs no room, so this is written even when localStorage is full.)
 */
export const INDEX_IN_RECORDS = 'in-records';

/** The whole-workspace save of Portolan before per-file saving; read once and moved to the index layout. */
export const LEGACY_WORKSPACE_KEY = 'portolan:workspace:v1';

/** Where a save that could not be read is kept, so the next save does not overwrite it. */
export const SET_ASIDE_KEY = 'portolan:workspace:unreadable';

/** The key of a file's record, in localStorage and in the record store alike. File names are unique in a workspace. */
export function fileKey(name: string): string {
  return `portolan:file:${name}`;
}

/**
 * Files longer than this (in UTF-16 code units) go to the record store: localStorage holds about
 * 5 M of them for the whole site and is read synchronously at start-up, so one big paste there
 * would both crowd out the other files and slow every start.
 */
export const LOCAL_FILE_LIMIT = 256 * 1024;

/** Where one file's text is: `local` in localStorage, `records` in the record store (IndexedDB). */
export type RecordPlace = 'local' | 'records';

export type FileRef = { name: string; at: RecordPlace };

/** The index as stored: the workspace without its texts, and where each text is. */
export type SavedIndex = {
  layout: 1;
  /** the workspace version its view settings are in; the codec migrates older ones */
  version: number;
  activeFile: string;
  view: WorkspaceView;
  files: FileRef[];
  /** only when a shared link's copy was kept: its trace fills the trace bar once */
  trace?: WorkspaceTrace;
};

/** The index of `workspace` with its files at `places` (a file missing there is local). */
export function encodeIndex(workspace: Workspace, places: ReadonlyMap<string, RecordPlace>): string {
  const index: SavedIndex = {
    layout: 1,
    version: CURRENT_WORKSPACE_VERSION,
    activeFile: workspace.activeFile,
    view: workspace.view,
    files: workspace.files.map((f) => ({ name: f.name, at: places.get(f.name) ?? 'local' })),
    ...(workspace.trace ? { trace: workspace.trace } : {}),
  };
  return JSON.stringify(index);
}

/** What an index text holds, or why it cannot be used. Never throws: storage is untrusted. */
export type ParsedIndex =
  | {
      ok: true;
      version: number;
      activeFile: unknown;
      view: unknown;
      trace: unknown;
      files: FileRef[];
      dropped: number;
    }
  | { ok: false; reason: string };

const isRecord = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an index text; entries that name no file or no place are counted in `dropped`. */
export function parseIndex(text: string): ParsedIndex {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The saved index is not valid JSON.' };
  }
  if (!isRecord(value) || value.layout !== 1 || !Array.isArray(value.files))
    return { ok: false, reason: 'The saved index has no list of files.' };
  if (typeof value.version !== 'number') return { ok: false, reason: 'The saved index has no workspace version.' };
  const files: FileRef[] = [];
  let dropped = 0;
  for (const entry of value.files as unknown[]) {
    if (isRecord(entry) && typeof entry.name === 'string' && (entry.at === 'local' || entry.at === 'records'))
      files.push({ name: entry.name, at: entry.at });
    else dropped++;
  }
  const { version, activeFile, view, trace } = value;
  return { ok: true, version, activeFile, view, trace, files, dropped };
}

/** A workspace in the codec's raw input shape: `decodeWorkspace` checks every field. */
export type RawWorkspace = {
  version: number;
  activeFile: unknown;
  view: unknown;
  trace?: unknown;
  files: { name: string; text: string }[];
};

/**
 * The workspace an index and its records make, in the codec's raw shape (so `decodeWorkspace`
 * validates, repairs and migrates it as it does any save): `texts` holds each file's record as
 * read, and a file whose record is missing or not text is left out and named in `missing`.
 */
export function assembleWorkspace(
  index: Extract<ParsedIndex, { ok: true }>,
  texts: ReadonlyMap<string, unknown>,
): { raw: RawWorkspace; missing: string[] } {
  const files: { name: string; text: string }[] = [];
  const missing: string[] = [];
  for (const ref of index.files) {
    const text = texts.get(ref.name);
    if (typeof text === 'string') files.push({ name: ref.name, text });
    else missing.push(ref.name);
  }
  const { version, activeFile, view, trace } = index;
  return { raw: { version, activeFile, view, files, ...(trace !== undefined ? { trace } : {}) }, missing };
}
