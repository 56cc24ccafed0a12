import type { StateCreator } from 'zustand';
import type { ControlPlaneMode, ViewMode } from '../layout/viewGraph';
import {
  clampEditorWidth,
  clampNodeCount,
  DEFAULT_VIEW,
  type ThemeChoice,
  type WorkspaceView,
  type WorkspaceViewport,
} from '../workspace';
import { isKubeVersion } from '../core/kubernetes/schema/versions';
import type { Store } from './store';

export type { ThemeChoice };

/** How the user has arranged the window: kept with the workspace. */
export type ViewSlice = WorkspaceView & {
  /** where the canvas looks now (pan and zoom), as it last reported; a link restores it. Not saved locally. */
  viewport: WorkspaceViewport | null;
  setViewport: (viewport: WorkspaceViewport) => void;
  setTheme: (theme: ThemeChoice) => void;
  toggleEditor: () => void;
  setEditorWidth: (fraction: number) => void;
  setNodeCount: (count: number) => void;
  setViewMode: (mode: ViewMode) => void;
  setShowConfig: (show: boolean) => void;
  setShowImages: (show: boolean) => void;
  expandStack: (id: string) => void;
  collapseStack: (id: string) => void;
  /** closes a group (a namespace, a worker node, a network) into one box */
  collapseGroup: (id: string) => void;
  /** opens a closed group, whether the user or a large input closed it */
  openGroup: (id: string) => void;
  /** the box the search flew to: the rest of the canvas is dimmed until it is cleared. Not saved. */
  focusedBox: string | null;
  setFocusedBox: (id: string | null) => void;
  setControlPlane: (mode: ControlPlaneMode) => void;
  /** the Kubernetes version to check against; a version not offered is ignored */
  setKubeVersion: (version: string) => void;
};

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  ...DEFAULT_VIEW,
  expandedStacks: [],
  collapsedGroups: [],
  openedGroups: [],
  viewport: null,
  focusedBox: null,
  setFocusedBox: (focusedBox) => set({ focusedBox }),
  collapseGroup: (id) =>
    set((state) => ({
      collapsedGroups: [...state.collapsedGroups.filter((g) => g !== id), id],
      openedGroups: state.openedGroups.filter((g) => g !== id),
    })),
  openGroup: (id) =>
    set((state) => ({
      collapsedGroups: state.collapsedGroups.filter((g) => g !== id),
      openedGroups: [...state.openedGroups.filter((g) => g !== id), id],
    })),
  setViewport: (viewport) => set({ viewport }),
  setTheme: (theme) => set({ theme }),
  toggleEditor: () => set((state) => ({ editorCollapsed: !state.editorCollapsed })),
  setEditorWidth: (fraction) => set({ editorWidth: clampEditorWidth(fraction) }),
  setNodeCount: (count) => set({ nodeCount: clampNodeCount(count) }),
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
  setKubeVersion: (kubeVersion) => set(isKubeVersion(kubeVersion) ? { kubeVersion } : {}),
});
