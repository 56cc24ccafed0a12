import { createContext, useContext, useSyncExternalStore } from 'react';

/** How a box stands out: the selected one, or one whose YAML holds the editor's cursor. */
export type Highlight = 'selected' | 'cursor' | '';

type Focus = { selectedId?: string; cursorIds: readonly string[] };

/**
 * The selection and cursor ids, for the boxes to read one id at a time: a box renders again
 * only when its own highlight changes, and no node object is rebuilt on a click.
 */
export type FocusSource = {
  set: (focus: Focus) => void;
  subscribe: (listener: () => void) => () => void;
  highlightOf: (id: string) => Highlight;
};

/** A source of highlights that the canvas feeds from its props. */
export function createFocusSource(): FocusSource {
  let focus: Focus = { cursorIds: [] };
  const listeners = new Set<() => void>();
  return {
    set: (next) => {
      if (next.selectedId === focus.selectedId && next.cursorIds === focus.cursorIds) return;
      focus = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    highlightOf: (id) => (focus.selectedId === id ? 'selected' : focus.cursorIds.includes(id) ? 'cursor' : ''),
  };
}

/** What the boxes may ask of the canvas's owner; stable for the life of the canvas. */
export type BoxActions = {
  /** no buttons that change what is drawn (a link or an embed shows the picture as it was made) */
  readOnly: boolean;
  expandStack: (stackId: string) => void;
  collapseStack: (stackId: string) => void;
  /** closes a namespace, worker node or network into one box */
  closeGroup: (groupId: string) => void;
  /** opens a closed group again */
  openGroup: (groupId: string) => void;
};

const NO_FOCUS = createFocusSource();
export const FocusContext = createContext<FocusSource>(NO_FOCUS);
export const BoxActionsContext = createContext<BoxActions>({
  readOnly: true,
  expandStack: () => {},
  collapseStack: () => {},
  closeGroup: () => {},
  openGroup: () => {},
});

/**
 * The canvas is zoomed out so far that no text on a box would be legible: boxes draw their
 * shape alone (no header, name or lines in the page, so a picture of 1,000 boxes lays out and
 * repaints a third of the elements; the canvas draws no arrows then either).
 */
export const ShapesOnlyContext = createContext(false);

/** The highlight of one box. */
export function useHighlight(id: string): Highlight {
  const source = useContext(FocusContext);
  return useSyncExternalStore(source.subscribe, () => source.highlightOf(id));
}
