import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** A request for the editor to show a place: set by clicks on the canvas or the problems list. */
type RevealRequest = { file: string; from: number; to: number; nonce: number; focus: boolean };

export type SelectionSlice = {
  selectedId?: string;
  /** objects whose YAML document holds the editor's cursor */
  cursorIds: string[];
  reveal?: RevealRequest;
  select: (id: string | undefined) => void;
  setCursorIds: (ids: string[]) => void;
  /**
   * Shows a place in the editor. `focus` moves the keyboard there too (the problems list: the
   * user is about to fix it); from the canvas and panels the keys stay where they were, so the
   * arrow keys still step a trace.
   */
  revealInEditor: (file: string, from: number, to?: number, focus?: boolean) => void;
};

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  cursorIds: [],
  select: (selectedId) => set({ selectedId }),
  setCursorIds: (cursorIds) =>
    set((state) =>
      state.cursorIds.length === cursorIds.length && state.cursorIds.every((id, i) => id === cursorIds[i])
        ? {}
        : { cursorIds },
    ),
  revealInEditor: (file, from, to = from, focus = false) =>
    // The nonce lives in the store: two stores on a page count their requests apart.
    set({ reveal: { file, from, to, nonce: (get().reveal?.nonce ?? 0) + 1, focus }, activeFile: file }),
});
