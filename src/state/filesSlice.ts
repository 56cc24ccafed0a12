import type { StateCreator } from 'zustand';
import type { SourceFile } from '../core/model/source';
import { freeName } from '../workspace';
import type { Store } from './store';

/** The raw text the user typed: always accepted, never validated away. */
export type FilesSlice = {
  files: SourceFile[];
  activeFile: string;
  setFileText: (name: string, text: string) => void;
  /** Sets a file's text, adding the file at the end when there is none by that name; the active tab stays. */
  writeFile: (name: string, text: string) => void;
  /** Adds a file (a fresh name when none or a taken one is given); returns its name. */
  addFile: (name?: string, text?: string) => string;
  /** Renames a file; returns an error message when the name is not usable. */
  renameFile: (from: string, to: string) => string | undefined;
  closeFile: (name: string) => void;
  setActiveFile: (name: string) => void;
  replaceWorkspace: (files: SourceFile[], activeFile?: string) => void;
};

/** The tab left when the last one is closed, or a workspace holds no file. */
export const EMPTY_TAB_NAME = 'untitled.yaml';

export const createFilesSlice: StateCreator<Store, [], [], FilesSlice> = (set, get) => ({
  files: [],
  activeFile: '',
  setFileText: (name, text) =>
    set((state) => ({ files: state.files.map((file) => (file.name === name ? { name, text } : file)) })),
  writeFile: (name, text) =>
    set((state) =>
      state.files.some((f) => f.name === name)
        ? { files: state.files.map((file) => (file.name === name ? { name, text } : file)) }
        : { files: [...state.files, { name, text }] },
    ),
  addFile: (name, text = '') => {
    const finalName = freeName(get().files, name?.trim() || 'untitled.yaml');
    set((state) => ({ files: [...state.files, { name: finalName, text }], activeFile: finalName }));
    return finalName;
  },
  renameFile: (from, to) => {
    const name = to.trim();
    if (!name) return 'A file needs a name.';
    if (/[\\/]/.test(name)) return 'A file name cannot contain / or \\.';
    if (name !== from && get().files.some((f) => f.name === name)) return `There is already a file named ${name}.`;
    set((state) => ({
      files: state.files.map((file) => (file.name === from ? { ...file, name } : file)),
      activeFile: state.activeFile === from ? name : state.activeFile,
    }));
    return undefined;
  },
  closeFile: (name) =>
    set((state) => {
      const index = state.files.findIndex((f) => f.name === name);
      if (index === -1) return {};
      const left = state.files.filter((f) => f.name !== name);
      // Never no tab at all: the editor would take typing that goes nowhere.
      const files = left.length > 0 ? left : [{ name: EMPTY_TAB_NAME, text: '' }];
      const activeFile =
        state.activeFile === name ? (files[Math.min(index, files.length - 1)]?.name ?? '') : state.activeFile;
      return { files, activeFile };
    }),
  setActiveFile: (name) => set({ activeFile: name }),
  replaceWorkspace: (files, activeFile) => {
    const kept = files.length > 0 ? files.map((f) => ({ ...f })) : [{ name: EMPTY_TAB_NAME, text: '' }];
    set({ files: kept, activeFile: activeFile ?? kept[0]!.name });
  },
});
