import type { StateCreator } from 'zustand';
import { DEFAULT_NODE_COUNT } from '../core/analyze';
import type { ControlPlaneMode, ViewMode } from '../layout/viewGraph';
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
  /** the images layer: registries and the nodes that pull from them */
  showImages: boolean;
  /** stacks of pods the user opened (`stack:…` box ids) */
  expandedStacks: string[];
  controlPlane: ControlPlaneMode;
  setTheme: (theme: ThemeChoice) => void;
  toggleEditor: () => void;
  setEditorWidth: (fraction: number) => void;
  setNodeCount: (count: number) => void;
  setViewMode: (mode: ViewMode) => void;
  setShowConfig: (show: boolean) => void;
  setShowImages: (show: boolean) => void;
  expandStack: (id: string) => void;
  collapseStack: (id: string) => void;
  setControlPlane: (mode: ControlPlaneMode) => void;
};

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  theme: 'system',
  editorCollapsed: false,
  editorWidth: 0.38,
  nodeCount: DEFAULT_NODE_COUNT,
  viewMode: 'infrastructure',
  showConfig: false,
  showImages: false,
  expandedStacks: [],
  controlPlane: 'collapsed',
  setTheme: (theme) => set({ theme }),
  toggleEditor: () => set((state) => ({ editorCollapsed: !state.editorCollapsed })),
  setEditorWidth: (fraction) => set({ editorWidth: Math.min(0.75, Math.max(0.15, fraction)) }),
  setNodeCount: (count) => set({ nodeCount: Math.min(20, Math.max(1, Math.round(count) || 1)) }),
  setViewMode: (viewMode) => set({ viewMode }),
  setShowConfig: (showConfig) => set({ showConfig }),
  setShowImages: (showImages) => set({ showImages }),
  expandStack: (id) =>
    set((state) => (state.expandedStacks.includes(id) ? {} : { expandedStacks: [...state.expandedStacks, id] })),
  collapseStack: (id) =>
    set((state) =>
      state.expandedStacks.includes(id) ? { expandedStacks: state.expandedStacks.filter((s) => s !== id) } : {},
    ),
  setControlPlane: (controlPlane) => set({ controlPlane }),
});
