import { useRef, useState } from 'react';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { CanvasPane } from './CanvasPane';
import { ErrorBoundary } from './ErrorBoundary';
import { FileTabs } from './FileTabs';
import { Inspector } from './Inspector';
import { LazyEditor } from './LazyEditor';
import { TraceBar } from './TraceBar';
import { TraceCaption, TracePanel } from './TracePanel';
import { ProblemsList } from './ProblemsList';
import { SaveWarnings } from './SaveWarnings';
import { StatusBar } from './StatusBar';
import { TEST_IDS } from '../testIds';
import { Toolbar } from './Toolbar';
import { usePasteIntoNewTab } from './pasteIntoNewTab';
import { useThemeAttribute } from './themeAttribute';
import { useTraceKeys } from './traceKeys';
import { useViewFirst } from './viewFirst';
import { addFilesToWorkspace } from './workspaceFiles';

const selectCollapsed = (s: Store) => s.editorCollapsed;
const selectEditorWidth = (s: Store) => s.editorWidth;

/** The workspace: editor beside canvas, toolbar above, status below. */
export function App() {
  const store = useStoreApi();
  const collapsed = useAppStore(selectCollapsed);
  const editorWidth = useAppStore(selectEditorWidth);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  useThemeAttribute();
  usePasteIntoNewTab();
  useTraceKeys();
  useViewFirst();

  const startResize = (event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const move = (e: PointerEvent) => store.getState().setEditorWidth(e.clientX / window.innerWidth);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <div
      className="app"
      data-testid={TEST_IDS.app}
      onDragEnter={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        dragDepth.current++;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        void addFilesToWorkspace(store, [...e.dataTransfer.files]);
      }}
    >
      <Toolbar />
      <SaveWarnings />
      <main className="workspace">
        <section
          className="editor-pane"
          data-testid={TEST_IDS.editorPane}
          hidden={collapsed}
          style={{ width: `${editorWidth * 100}%` }}
        >
          <FileTabs />
          <LazyEditor />
          <ProblemsList />
        </section>
        {!collapsed && (
          <div
            className="divider"
            data-testid={TEST_IDS.divider}
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize the editor"
            aria-valuenow={Math.round(editorWidth * 100)}
            aria-valuemin={15}
            aria-valuemax={75}
            tabIndex={0}
            onPointerDown={startResize}
            onKeyDown={(e) => {
              const state = store.getState();
              if (e.key === 'ArrowLeft') state.setEditorWidth(state.editorWidth - 0.02);
              if (e.key === 'ArrowRight') state.setEditorWidth(state.editorWidth + 0.02);
            }}
          />
        )}
        <section className="canvas-pane">
          <TraceBar />
          <div className="canvas-area">
            <div className="canvas-column">
              <ErrorBoundary what="canvas">
                <CanvasPane />
              </ErrorBoundary>
              <TraceCaption />
            </div>
            <aside className="side-panels">
              <TracePanel />
              <Inspector />
            </aside>
          </div>
        </section>
      </main>
      <StatusBar />
      {dragging && (
        <div className="drop-overlay" data-testid={TEST_IDS.dropOverlay}>
          Drop manifests or Compose files to open them as new tabs
        </div>
      )}
    </div>
  );
}
