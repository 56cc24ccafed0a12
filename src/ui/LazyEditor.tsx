import { lazy, Suspense, useEffect, useState } from 'react';
import type { Store } from '../state/store';
import { useAppStore } from '../state/StoreProvider';

// CodeMirror and its YAML language are a third of the app's code: they load after the first
// graph is on screen, so the picture never waits for the editor.
const Editor = lazy(() => import('./Editor').then((m) => ({ default: m.Editor })));

/** Past this, the editor loads even when no graph came yet (a slow machine, a huge workspace). */
const EDITOR_WAIT_MS = 3000;

// A graph is drawn, or none will come soon: a syntax error, a failed analysis or layout.
const selectGraphSettled = (s: Store) =>
  s.positioned !== null || s.stale || s.analysisError !== undefined || s.layoutError !== undefined;
const selectActiveText = (s: Store) => s.files.find((f) => f.name === s.activeFile)?.text ?? '';

/** Until CodeMirror is here, the text stands as plain lines in the editor's place (read-only). */
function EditorPlaceholder() {
  const text = useAppStore(selectActiveText);
  return (
    <div className="editor-frame">
      <pre className="editor editor-placeholder" aria-busy="true" aria-label="The editor is loading">
        {text.slice(0, 20_000)}
      </pre>
    </div>
  );
}

/** The editor, loaded once the first graph is drawn (or after a short wait when none comes). */
export function LazyEditor() {
  const settled = useAppStore(selectGraphSettled);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), EDITOR_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!settled) return;
    // Two frames on: the graph has been painted before the editor's code is even asked for.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setReady(true))));
    return () => cancelAnimationFrame(frame);
  }, [settled]);
  if (!ready) return <EditorPlaceholder />;
  return (
    <Suspense fallback={<EditorPlaceholder />}>
      <Editor />
    </Suspense>
  );
}
