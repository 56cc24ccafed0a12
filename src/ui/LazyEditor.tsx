import { lazy, Suspense } from 'react';
import type { Store } from '../state/store';
import { useAppStore } from '../state/StoreProvider';
import { useAfterFirstGraph } from './afterFirstGraph';

// CodeMirror and its YAML language are a third of the app's code: they load after the first
// graph is on screen, so the picture never waits for the editor.
const Editor = lazy(() => import('./Editor').then((m) => ({ default: m.Editor })));

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
  const ready = useAfterFirstGraph();
  if (!ready) return <EditorPlaceholder />;
  return (
    <Suspense fallback={<EditorPlaceholder />}>
      <Editor />
    </Suspense>
  );
}
