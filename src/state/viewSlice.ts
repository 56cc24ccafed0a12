import type { StateCreator } from 'zustand';
import { DEFAULT_NODE_COUNT } from '../core/analyze';
import type { ViewMode } from '../layout/viewGraph';
import type { Store } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** How the user has arranged the window: kept with the workspace. */
export type ViewSlice = {
  theme: ThemeChoice;
  editorCollapsed: boolean;
  /** editor pane width as a fraction of the window */
  editorWidth: number;
  nodeCount: number;
  viewMode: ViewMode;
  showConfig: boolean;
  setTheme: (theme: ThemeChoice) => void;
  toggleEditor: () => void;
  setEditorWidth: (fraction: number) => void;
  setNodeCount: (count: number) => void;
  setViewMode: (mode: ViewMode) => void;
  setShowConfig: (show: boolean) => void;
};

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  theme: 'system',
  editorCollapsed: false,
  editorWidth: 0.38,
  nodeCount: DEFAULT_NODE_COUNT,
  viewMode: 'infrastructure',
  showConfig: false,
  setTheme: (theme) => set({ theme }),
  toggleEditor: () => set((state) => ({ editorCollapsed: !state.editorCollapsed })),
  setEditorWidth: (fraction) => set({ editorWidth: Math.min(0.75, Math.max(0.15, fraction)) }),
  setNodeCount: (count) => set({ nodeCount: Math.min(20, Math.max(1, Math.round(count) || 1)) }),
  setViewMode: (viewMode) => set({ viewMode }),
  setShowConfig: (showConfig) => set({ showConfig }),
});
