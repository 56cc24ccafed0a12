import { decodeWorkspace, type Workspace } from '../workspace';
import type { RecordStore, StorageLike } from './environment';
import {
  assembleWorkspace,
  fileKey,
  INDEX_IN_RECORDS,
  INDEX_KEY,
  LEGACY_WORKSPACE_KEY,
  parseIndex,
  type ParsedIndex,
  type RecordPlace,
} from './savedLayout';

/**
 * Reading the saved workspace back: the index and the small files synchronously from
 * localStorage (start-up paints the user's own files at once), the big ones from the record
 * store (IndexedDB) only when the index says some are there.
 */

/** What storage holds of one file, as far as this tab knows: the text and where it is. */
export type KnownRecord = { text: string; at: RecordPlace };

/** What reading the saved workspace found. */
export type SavedRead =
  | { kind: 'none' }
  | {
      kind: 'ok';
      workspace: Workspace;
      /** the records storage holds, by file name: the writer writes only what differs */
      known: Map<string, KnownRecord>;
      /** what was read, for keeping aside when `repairs` is not empty */
      text: string;
      /** what had to be left out or renamed, in words */
      repairs: string[];
      /** read from the whole-workspace save of an older Portolan: to be written in the new layout */
      legacy: boolean;
    }
  | { kind: 'unreadable'; text: string; reason: string };

/** What localStorage alone could tell: the answer, or the files still to fetch from the record store. */
export type LocalRead =
  | { kind: 'done'; read: SavedRead }
  | { kind: 'needs-records'; index: Extract<ParsedIndex, { ok: true }>; indexText: string; texts: Map<string, unknown> }
  /**
   * no index in localStorage: there is none, or it had to go to the record store when
   * localStorage was full (`marked`: localStorage says so)
   */
  | { kind: 'index-in-records'; marked: boolean };

/** How long start-up waits for the record store before opening without what it holds. */
export const RECORDS_TIMEOUT_MS = 5000;

function getLocal(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** The texts of an index's localStorage files. */
function localTexts(storage: StorageLike | undefined, index: Extract<ParsedIndex, { ok: true }>): Map<string, unknown> {
  const texts = new Map<string, unknown>();
  if (!storage) return texts;
  for (const ref of index.files) if (ref.at === 'local') texts.set(ref.name, getLocal(storage, fileKey(ref.name)));
  return texts;
}

/** An index and the texts read for it → the workspace, with what was missing kept aside. */
export function finishRead(
  index: Extract<ParsedIndex, { ok: true }>,
  indexText: string,
  texts: ReadonlyMap<string, unknown>,
  missingReason = 'was not found in browser storage',
): SavedRead {
  const { raw, missing } = assembleWorkspace(index, texts);
  const decoded = decodeWorkspace(raw);
  if (!decoded.ok)
    return { kind: 'unreadable', text: indexText, reason: decoded.problems.map((p) => p.message).join(' ') };
  const repairs = [
    ...(index.dropped > 0
      ? [`${index.dropped} entr${index.dropped === 1 ? 'y' : 'ies'} of the index could not be read.`]
      : []),
    ...missing.map((name) => `${name} ${missingReason}; it was left out.`),
    ...decoded.problems
      .filter((p) => p.code === 'WS-FILE-DROPPED' || p.code === 'WS-FILE-RENAMED')
      .map((p) => p.message),
  ];
  const places = new Map(index.files.map((ref) => [ref.name, ref.at]));
  const known = new Map<string, KnownRecord>();
  for (const file of decoded.workspace.files) {
    const at = places.get(file.name);
    if (at && texts.get(file.name) === file.text) known.set(file.name, { text: file.text, at });
  }
  // What was read, as one workspace JSON a user can open again: the index with the texts found.
  const text = repairs.length > 0 ? JSON.stringify({ ...raw, missing }) : '';
  return { kind: 'ok', workspace: decoded.workspace, known, text, repairs, legacy: false };
}

/** The whole-workspace save of an older Portolan (`portolan:workspace:v1`), decoded. */
function readLegacy(text: string): SavedRead {
  const result = decodeWorkspace(text);
  if (!result.ok) return { kind: 'unreadable', text, reason: result.problems.map((p) => p.message).join(' ') };
  const repairs = result.problems.filter((p) => p.code === 'WS-FILE-DROPPED').map((p) => p.message);
  return { kind: 'ok', workspace: result.workspace, known: new Map(), text, repairs, legacy: true };
}

/** Reads what localStorage holds of the saved workspace, synchronously. Never throws. */
export function readSavedLocal(storage: StorageLike | undefined): LocalRead {
  if (!storage) return { kind: 'index-in-records', marked: false };
  let indexText: string | null;
  try {
    indexText = storage.getItem(INDEX_KEY);
  } catch {
    return { kind: 'index-in-records', marked: false }; // localStorage blocked: the record store may still work
  }
  if (indexText === INDEX_IN_RECORDS) return { kind: 'index-in-records', marked: true };
  if (indexText) return readIndexText(storage, indexText);
  const legacy = getLocal(storage, LEGACY_WORKSPACE_KEY);
  if (legacy) return { kind: 'done', read: readLegacy(legacy) };
  return { kind: 'index-in-records', marked: false };
}

function readIndexText(storage: StorageLike | undefined, indexText: string): LocalRead {
  const index = parseIndex(indexText);
  if (!index.ok) return { kind: 'done', read: { kind: 'unreadable', text: indexText, reason: index.reason } };
  const texts = localTexts(storage, index);
  if (index.files.some((ref) => ref.at === 'records')) return { kind: 'needs-records', index, indexText, texts };
  return { kind: 'done', read: finishRead(index, indexText, texts) };
}

/** `records.getMany`, given up on after `timeoutMs`. */
export function getWithin(records: RecordStore, keys: string[], timeoutMs: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the browser database did not answer')), timeoutMs);
    records.getMany(keys).then(
      (values) => {
        clearTimeout(timer);
        resolve(values);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Completes a local read with what the record store holds. Never rejects. */
export async function completeRead(
  local: Exclude<LocalRead, { kind: 'done' }>,
  storage: StorageLike | undefined,
  records: RecordStore | undefined,
  timeoutMs = RECORDS_TIMEOUT_MS,
): Promise<SavedRead> {
  if (local.kind === 'index-in-records') {
    if (!records) return { kind: 'none' };
    let indexText: unknown;
    try {
      [indexText] = await getWithin(records, [INDEX_KEY], timeoutMs);
    } catch {
      return { kind: 'none' };
    }
    if (typeof indexText !== 'string' || !indexText) return { kind: 'none' };
    const next = readIndexText(storage, indexText);
    return next.kind === 'done' ? next.read : completeRead(next, storage, records, timeoutMs);
  }
  const pending = local.index.files.filter((ref) => ref.at === 'records').map((ref) => ref.name);
  const texts = new Map(local.texts);
  let reason: string | undefined;
  if (!records) reason = 'is kept in the browser database, which this page cannot open';
  else
    try {
      const values = await getWithin(records, pending.map(fileKey), timeoutMs);
      pending.forEach((name, i) => texts.set(name, values[i]));
    } catch (error) {
      reason = `could not be read from the browser database (${error instanceof Error ? error.message : 'unknown error'})`;
    }
  return finishRead(local.index, local.indexText, texts, reason);
}

/** Reads the whole saved workspace, wherever its parts are. Never rejects. */
export async function readSavedWorkspaceFully(
  storage: StorageLike | undefined,
  records: RecordStore | undefined,
): Promise<SavedRead> {
  const local = readSavedLocal(storage);
  return local.kind === 'done' ? local.read : completeRead(local, storage, records);
}
