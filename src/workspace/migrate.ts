/**
 * Older workspace shapes → the current one. Each step takes the raw record of one version and
 * returns the raw record of the next; validation happens once, on the current shape.
 */

type RawRecord = { readonly [key: string]: unknown };

const V1_VIEW_KEYS = [
  'theme',
  'editorCollapsed',
  'editorWidth',
  'nodeCount',
  'viewMode',
  'showConfig',
  'showImages',
  'expandedStacks',
  'controlPlane',
] as const;

/** v1 (flat, localStorage since the start) → v2 (view settings nested, an optional trace). */
function v1ToV2(v1: RawRecord): RawRecord {
  const view: Record<string, unknown> = {};
  for (const key of V1_VIEW_KEYS) if (Object.hasOwn(v1, key)) view[key] = v1[key];
  return { version: 2, files: v1.files, activeFile: v1.activeFile, view };
}

/** v2 → v3: nothing to move; a v2 trace lacks a step, which reads as the first hop. */
function v2ToV3(v2: RawRecord): RawRecord {
  return { ...v2, version: 3 };
}

/** `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Readonly<Record<number, (raw: RawRecord) => RawRecord>> = { 1: v1ToV2, 2: v2ToV3 };

/** The oldest version that can still be read. */
export const OLDEST_READABLE_VERSION = 1;

/** Runs every migration from `version` up to `target`. */
export function migrateWorkspace(raw: RawRecord, version: number, target: number): RawRecord {
  let current = raw;
  for (let v = version; v < target; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from workspace version ${v}`);
    current = step(current);
  }
  return current;
}
