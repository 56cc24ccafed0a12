import type { SourceFile } from '../core/model/source';
import type { ControlPlaneMode, ViewMode } from '../layout/viewGraph';
import { DEFAULT_SAMPLE } from '../samples';
import type { Store } from './store';
import type { ThemeChoice } from './viewSlice';

const STORAGE_KEY = 'portolan:workspace:v1';

/** What survives a reload: the files, the active tab and the view settings. */
export type SavedWorkspace = {
  version: 1;
  files: SourceFile[];
  activeFile: string;
  theme: ThemeChoice;
  editorCollapsed: boolean;
  editorWidth: number;
  nodeCount: number;
  viewMode: ViewMode;
  showConfig: boolean;
  showImages: boolean;
  expandedStacks: string[];
  controlPlane: ControlPlaneMode;
};

const CONTROL_PLANE_MODES: readonly string[] = ['collapsed', 'expanded', 'hidden'] satisfies ControlPlaneMode[];
// A stale list of opened stacks does no harm, but it should not grow without end.
const MAX_EXPANDED_STACKS = 200;

function snapshot(state: Store): SavedWorkspace {
  return {
    version: 1,
    files: state.files,
    activeFile: state.activeFile,
    theme: state.theme,
    editorCollapsed: state.editorCollapsed,
    editorWidth: state.editorWidth,
    nodeCount: state.nodeCount,
    viewMode: state.viewMode,
    showConfig: state.showConfig,
    showImages: state.showImages,
    expandedStacks: state.expandedStacks,
    controlPlane: state.controlPlane,
  };
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
    const keys: (keyof SavedWorkspace)[] = [
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
    ];
    if (keys.every((key) => key === 'version' || state[key] === previous[key])) return;
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(snapshot(state)));
    } catch {
      // Storage full or blocked: the text stays in memory; nothing else to do from here.
    }
  });
}
