import { useEffect, useRef, useState } from 'react';
import { Canvas } from '../canvas/Canvas';
import { useStore, type Store } from '../state/store';
import { Editor } from './Editor';
import { ErrorBoundary } from './ErrorBoundary';
import { FileTabs } from './FileTabs';
import { Inspector } from './Inspector';
import { TraceBar } from './TraceBar';
import { TraceCaption, TracePanel } from './TracePanel';
import { ProblemsList } from './ProblemsList';
import { StatusBar } from './StatusBar';
import { TEST_IDS } from '../testIds';
import { Toolbar } from './Toolbar';
import { addFilesToWorkspace } from './workspaceFiles';

const selectCollapsed = (s: Store) => s.editorCollapsed;
const selectEditorWidth = (s: Store) => s.editorWidth;
const selectTheme = (s: Store) => s.theme;

function useThemeAttribute() {
  const theme = useStore(selectTheme);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.themeChoice = theme;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const follow = () => (root.dataset.theme = query?.matches ? 'dark' : 'light');
    follow();
    query?.addEventListener('change', follow);
    return () => query?.removeEventListener('change', follow);
  }, [theme]);
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || !!target.closest('input, textarea, .cm-editor'));
}

/** Text pasted outside the editor opens in a new tab. */
function usePasteIntoNewTab() {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text?.trim()) return;
      event.preventDefault();
      useStore.getState().addFile('pasted.yaml', text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}

/** Arrow keys step through the trace, Space plays or pauses, Home restarts, Escape clears. */
function useTraceKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const state = useStore.getState();
      if (!state.trace || isEditable(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const actions: Record<string, () => void> = {
        ArrowRight: () => state.stepTrace(1),
        ArrowLeft: () => state.stepTrace(-1),
        ' ': () => state.setTracePlaying(!state.tracePlaying),
        Home: () => state.setTraceStep(0),
        End: () => state.setTraceStep(state.trace!.hops.length - 1),
        Escape: () => state.clearTrace(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The workspace: editor beside canvas, toolbar above, status below. */
export function App() {
  const collapsed = useStore(selectCollapsed);
  const editorWidth = useStore(selectEditorWidth);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  useThemeAttribute();
  usePasteIntoNewTab();
  useTraceKeys();

  const startResize = (event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const move = (e: PointerEvent) => useStore.getState().setEditorWidth(e.clientX / window.innerWidth);
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
        void addFilesToWorkspace([...e.dataTransfer.files]);
      }}
    >
      <Toolbar />
      <main className="workspace">
        <section
          className="editor-pane"
          data-testid={TEST_IDS.editorPane}
          hidden={collapsed}
          style={{ width: `${editorWidth * 100}%` }}
        >
          <FileTabs />
          <Editor />
          <ProblemsList />
        </section>
        {!collapsed && (
          <div
            className="divider"
            data-testid={TEST_IDS.divider}
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize the editor"
            tabIndex={0}
            onPointerDown={startResize}
            onKeyDown={(e) => {
              const state = useStore.getState();
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
                <Canvas />
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
