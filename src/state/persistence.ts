import type { SourceFile } from '../core/model/source';
import type { ControlPlaneMode } from '../layout/viewGraph';
import { DEFAULT_SAMPLE } from '../samples';
import type { Store } from './store';

const STORAGE_KEY = 'portolan:workspace:v1';

/** What survives a reload: the files, the active tab and the view settings. */
const SAVED_KEYS = [
  'files',
  'activeFile',
  'theme',
  'editorCollapsed',
  'editorWidth',
  'nodeCount',
  'viewMode',
  'showConfig',
  'showImages',
  'expandedStacks',
  'controlPlane',
] as const satisfies readonly (keyof Store)[];

export type SavedWorkspace = { version: 1 } & Pick<Store, (typeof SAVED_KEYS)[number]>;

const CONTROL_PLANE_MODES: readonly string[] = ['collapsed', 'expanded', 'hidden'] satisfies ControlPlaneMode[];
// A stale list of opened stacks does no harm, but it should not grow without end.
const MAX_EXPANDED_STACKS = 200;

function snapshot(state: Store): SavedWorkspace {
  return Object.assign({ version: 1 as const }, ...SAVED_KEYS.map((key) => ({ [key]: state[key] })));
}

/** Reads the saved workspace, tolerating anything a broken or older save may hold. */
export function readSavedWorkspace(storage: Storage | undefined): Partial<SavedWorkspace> | undefined {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const value = JSON.parse(text) as Partial<SavedWorkspace>;
    if (!value || value.version !== 1 || !Array.isArray(value.files)) return undefined;
    const files = value.files.filter(
      (f): f is SourceFile => !!f && typeof f.name === 'string' && typeof f.text === 'string',
    );
    return { ...value, files };
  } catch {
    return undefined;
  }
}

/** Puts the saved workspace (or the first sample) into the store. */
export function restoreWorkspace(store: { setState: (partial: Partial<Store>) => void }, storage: Storage | undefined) {
  const saved = readSavedWorkspace(storage);
  if (!saved) {
    store.setState({ files: DEFAULT_SAMPLE.files.map((f) => ({ ...f })), activeFile: DEFAULT_SAMPLE.files[0]!.name });
    return;
  }
  const files = saved.files ?? [];
  const partial: Partial<Store> = {
    files,
    activeFile: files.some((f) => f.name === saved.activeFile) ? saved.activeFile! : (files[0]?.name ?? ''),
  };
  if (saved.theme === 'light' || saved.theme === 'dark' || saved.theme === 'system') partial.theme = saved.theme;
  if (typeof saved.editorCollapsed === 'boolean') partial.editorCollapsed = saved.editorCollapsed;
  if (typeof saved.editorWidth === 'number') partial.editorWidth = Math.min(0.75, Math.max(0.15, saved.editorWidth));
  if (typeof saved.nodeCount === 'number') partial.nodeCount = Math.min(20, Math.max(1, Math.round(saved.nodeCount)));
  if (saved.viewMode === 'infrastructure' || saved.viewMode === 'application') partial.viewMode = saved.viewMode;
  if (typeof saved.showConfig === 'boolean') partial.showConfig = saved.showConfig;
  if (typeof saved.showImages === 'boolean') partial.showImages = saved.showImages;
  if (Array.isArray(saved.expandedStacks))
    partial.expandedStacks = saved.expandedStacks
      .filter((id): id is string => typeof id === 'string')
      .slice(-MAX_EXPANDED_STACKS);
  if (typeof saved.controlPlane === 'string' && CONTROL_PLANE_MODES.includes(saved.controlPlane))
    partial.controlPlane = saved.controlPlane;
  store.setState(partial);
}

/** Saves the workspace on every change of what it holds. */
export function startPersistence(
  store: { subscribe: (listener: (state: Store, previous: Store) => void) => () => void },
  storage: Storage | undefined,
): () => void {
  return store.subscribe((state, previous) => {
    if (SAVED_KEYS.every((key) => state[key] === previous[key])) return;
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(snapshot(state)));
    } catch {
      // Storage full or blocked: the text stays in memory; nothing else to do from here.
    }
  });
}
