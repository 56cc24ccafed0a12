import { setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { objectsAtOffset } from '../state/objectsAtOffset';
import { createEditorState, editorExtensions, showsDiagnostics, toCodeMirrorDiagnostics } from './editorSetup';
import { TEST_IDS } from '../testIds';

const NO_FILE = [EditorState.readOnly.of(true), EditorView.editable.of(false)];

/**
 * The YAML editor: one CodeMirror view, one EditorState per file (so each tab keeps its own
 * undo history and cursor). Every keystroke goes straight to the store's raw text.
 */
export function Editor() {
  const store = useStoreApi();
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const statesRef = useRef(new Map<string, EditorState>());
  const shownFile = useRef<string>('');
  const handlersRef = useRef<{ onUpdate: (update: ViewUpdate) => void }>({ onUpdate: () => {} });

  // The text this editor last gave the store: when the store hands it back, there is nothing to
  // compare (a second toString of a 10,000-line file costs as much as the first).
  const pushed = useRef<string | undefined>(undefined);

  handlersRef.current.onUpdate = (update: ViewUpdate) => {
    const name = shownFile.current;
    if (update.docChanged && name) {
      pushed.current = update.state.doc.toString();
      store.getState().setFileText(name, pushed.current);
    }
    if (update.selectionSet || update.docChanged) {
      const state = store.getState();
      const offset = update.state.selection.main.head;
      state.setCursorIds(objectsAtOffset(state.topology, name, offset));
    }
  };

  const extensions = useRef(editorExtensions({ onUpdate: (update) => handlersRef.current.onUpdate(update) }));

  // Create the view once.
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: createEditorState('', extensions.current),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  const activeFile = useAppStore((s) => s.activeFile);
  const activeText = useAppStore((s) => s.files.find((f) => f.name === s.activeFile)?.text);
  const fileNames = useAppStore((s) => s.files.map((f) => f.name).join('\n'));
  const diagnostics = useAppStore((s) => s.diagnostics);
  const reveal = useAppStore((s) => s.reveal);

  // Show the active file; keep each file's state (history, cursor) when switching tabs.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const states = statesRef.current;
    if (shownFile.current && shownFile.current !== activeFile) states.set(shownFile.current, view.state);
    const names = new Set(fileNames.split('\n'));
    for (const name of states.keys()) if (!names.has(name)) states.delete(name);
    if (activeText === undefined) {
      // No file to type into (the saved workspace is still being read): typing would go nowhere,
      // so the editor takes none until a file is there.
      shownFile.current = '';
      view.setState(createEditorState('', [...extensions.current, NO_FILE]));
      return;
    }
    if (shownFile.current !== activeFile) {
      shownFile.current = activeFile;
      const saved = states.get(activeFile);
      view.setState(
        saved && saved.doc.toString() === activeText ? saved : createEditorState(activeText, extensions.current),
      );
    } else if (activeText !== pushed.current && view.state.doc.toString() !== activeText) {
      // The text changed from outside the editor (a sample, a drop): take it, as one undoable change.
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: activeText } });
    }
  }, [activeFile, activeText, fileNames]);

  // Lint markers of the active file.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    // In a task of its own: new marks make the editor sync the page's selection, which lays the
    // page out, and that should not add to the task that re-rendered the panels.
    const timer = setTimeout(() => {
      const mine = toCodeMirrorDiagnostics(
        view.state.doc,
        diagnostics.filter((d) => d.file === activeFile),
      );
      if (!showsDiagnostics(view.state, mine)) view.dispatch(setDiagnostics(view.state, mine));
    }, 0);
    return () => clearTimeout(timer);
  }, [diagnostics, activeFile, activeText]);

  // Jump to a place asked for by the canvas or the problems list.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !reveal || reveal.file !== shownFile.current) return;
    const length = view.state.doc.length;
    const from = Math.min(reveal.from, length);
    const to = Math.min(reveal.to, length);
    view.dispatch({
      selection: EditorSelection.range(from, to),
      effects: EditorView.scrollIntoView(from, { y: 'start', yMargin: 40 }),
    });
    if (reveal.focus) view.focus();
  }, [reveal, activeFile]);

  return (
    <div className="editor-frame">
      <div className="editor" ref={host} data-testid={TEST_IDS.editor} />
      <p className="editor-hint" aria-hidden="true">
        <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
      </p>
    </div>
  );
}
