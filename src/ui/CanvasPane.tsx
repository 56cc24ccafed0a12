import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { Canvas, type CanvasCallbacks, type CanvasTrace } from '../canvas/Canvas';
import { traceView } from '../canvas/traceView';
import { indexTopology, sourceOf } from '../core/model/topology';
import { focusBoxes } from '../layout/focusBoxes';
import { prefersReducedMotion } from '../state/environment';
import type { AppStore, Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';

const selectPositioned = (s: Store) => s.positioned;
/** Boxes past which a new picture is drawn at transition priority. */
const BIG_PICTURE = 300;
const selectTheme = (s: Store) => s.theme;
const selectTrace = (s: Store) => s.trace;
const selectTopology = (s: Store) => s.topology;
const selectTraceStep = (s: Store) => s.traceStep;
const selectTracePlaying = (s: Store) => s.tracePlaying;
const selectSelectedId = (s: Store) => s.selectedId;
const selectCursorIds = (s: Store) => s.cursorIds;
const selectFocusedBox = (s: Store) => s.focusedBox;

/** What the canvas's events do to a store. */
function canvasCallbacks(store: AppStore): Required<CanvasCallbacks> {
  return {
    // Selects a box and shows its YAML (a generated pod shows its workload's); with no editor
    // on the page the reveal request simply waits unread.
    onSelectBox: (box) => {
      const state = store.getState();
      state.select(box.objectId ?? box.id);
      if (!box.objectId) return;
      const span = sourceOf(indexTopology(state.topology), box.objectId);
      if (span) state.revealInEditor(span.file, span.start.offset, span.start.offset);
    },
    onPaneClick: () => store.getState().select(undefined),
    onExpandStack: (id) => store.getState().expandStack(id),
    onCollapseStack: (id) => store.getState().collapseStack(id),
    onCloseGroup: (id) => store.getState().collapseGroup(id),
    onOpenGroup: (id) => store.getState().openGroup(id),
    // The packet moved on by itself: the hop changes, playing goes on (setTraceStep would pause).
    onTraceStep: (hop) => store.setState({ traceStep: hop }),
    onTraceFinished: () => store.getState().traceFinished(),
    onViewportChange: (viewport) => store.getState().setViewport(viewport),
  };
}

/** The canvas, wired to the nearest store; it starts where the store's viewport says (a link), else fitted. */
export function CanvasPane({
  readOnly = false,
  fitRequest = 0,
  followTrace = 'always',
}: {
  readOnly?: boolean;
  fitRequest?: number;
  followTrace?: 'always' | 'once-moved';
}) {
  const store = useStoreApi();
  // Read once: afterwards the canvas reports the viewport, it does not follow it.
  const [initialViewport] = useState(() => store.getState().viewport ?? undefined);
  // A big picture (a few hundred boxes and more) is drawn at transition priority: React renders
  // it in slices between keystrokes and frames instead of one long task. A small one, the first
  // graph of a visitor above all, is drawn at once.
  const latest = useAppStore(selectPositioned);
  const deferred = useDeferredValue(latest);
  const positioned = latest && latest.nodes.length > BIG_PICTURE ? deferred : latest;
  const theme = useAppStore(selectTheme);
  const trace = useAppStore(selectTrace);
  const topology = useAppStore(selectTopology);
  const step = useAppStore(selectTraceStep);
  const playing = useAppStore(selectTracePlaying);
  const selectedId = useAppStore(selectSelectedId);
  const cursorIds = useAppStore(selectCursorIds);
  const focusedBox = useAppStore(selectFocusedBox);
  const callbacks = useMemo(() => canvasCallbacks(store), [store]);
  const focus = useMemo(
    () => (positioned && focusedBox ? focusBoxes(positioned, topology, focusedBox) : undefined),
    [positioned, topology, focusedBox],
  );
  const view = useMemo(
    () => (positioned && trace ? traceView(positioned, topology, trace, prefersReducedMotion(store.env)) : undefined),
    [positioned, topology, trace, store],
  );
  const canvasTrace = useMemo<CanvasTrace | undefined>(
    () => (view ? { view, step, playing } : undefined),
    [view, step, playing],
  );
  const graphVersion = useGraphVersion(positioned);
  return (
    // The wrapper draws nothing (display: contents); its number tells a benchmark when the
    // canvas has taken a new graph.
    <div className="canvas-graph-version" data-graph-version={graphVersion}>
      <Canvas
        graph={positioned}
        theme={theme}
        trace={canvasTrace}
        selectedId={selectedId}
        cursorIds={cursorIds}
        {...(focus?.length ? { focus } : {})}
        readOnly={readOnly}
        followTrace={followTrace}
        fitRequest={fitRequest}
        {...(initialViewport ? { initialViewport } : {})}
        {...callbacks}
      />
    </div>
  );
}

/** How many graphs this canvas has been given: it counts up each time the store lays out or refreshes one. */
function useGraphVersion(graph: unknown): number {
  const seen = useRef<{ graph: unknown; version: number }>({ graph: undefined, version: 0 });
  if (seen.current.graph !== graph) seen.current = { graph, version: seen.current.version + 1 };
  return seen.current.version;
}
