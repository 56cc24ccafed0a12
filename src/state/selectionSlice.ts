import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** A request for the editor to show a place: set by clicks on the canvas or the problems list. */
export type RevealRequest = { file: string; from: number; to: number; nonce: number };

export type SelectionSlice = {
  selectedId?: string;
  /** objects whose YAML document holds the editor's cursor */
  cursorIds: string[];
  reveal?: RevealRequest;
  select: (id: string | undefined) => void;
  setCursorIds: (ids: string[]) => void;
  revealInEditor: (file: string, from: number, to?: number) => void;
};

let nonce = 0;

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  cursorIds: [],
  select: (selectedId) => set({ selectedId }),
  setCursorIds: (cursorIds) =>
    set((state) =>
      state.cursorIds.length === cursorIds.length && state.cursorIds.every((id, i) => id === cursorIds[i])
        ? {}
        : { cursorIds },
    ),
  revealInEditor: (file, from, to = from) => set({ reveal: { file, from, to, nonce: ++nonce }, activeFile: file }),
});
