import type { StateCreator } from 'zustand';
import type { Store } from './store';

/** What the user must know about their saved work: never a silent loss. */
export type SaveSlice = {
  /** set while saving fails (storage full or blocked): the text is only in this tab */
  saveError?: string;
  /** another tab changed what this one holds, and how it was merged */
  tabNotice?: string;
  /** a saved workspace that could not be read (whole or in part), kept for download */
  setAside?: { text: string; reason: string };
  /** set while the saved workspace is read from the browser's database; the store holds no file yet */
  restoring?: string;
  dismissTabNotice: () => void;
  dismissSetAside: () => void;
};

export const createSaveSlice: StateCreator<Store, [], [], SaveSlice> = (set) => ({
  dismissTabNotice: () => set({ tabNotice: undefined }),
  dismissSetAside: () => set({ setAside: undefined }),
});
