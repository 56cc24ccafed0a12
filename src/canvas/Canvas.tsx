import {
  Background,
  Controls,
  MiniMap,
  MiniMapNode,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useReactFlow,
  useStore,
  useStoreApi,
  type MiniMapNodeProps,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PositionedGraph, PositionedNode } from '../layout/finishLayout';
import { absoluteRects, boundsOf, type Rect } from '../layout/geometry';
import { TEST_IDS } from '../testIds';
import { BoxActionsContext, createFocusSource, FocusContext, ShapesOnlyContext, type BoxActions } from './boxContext';
import { NODE_TYPES } from './BoxNodes';
import { EDGE_TYPES, type RoutedFlowEdge } from './RoutedEdge';
import { keepUnchanged, mostlyNew, onlyRenamed, toFlow, type BoxNode } from './toFlow';
import { TracePacket } from './TracePacket';
import { useSlices } from './useSlices';
import type { TraceView } from './traceView';

/** React Flow's pan (x, y in screen pixels) and zoom. */
export type CanvasViewport = { x: number; y: number; zoom: number };

/** A trace on the canvas: where it sits on the graph, the hop shown now, and whether it moves. */
export type CanvasTrace = { view: TraceView; step: number; playing: boolean };

/** Which boxes a presentation has revealed so far, and which of them just appeared. */
export type CanvasReveal = { visible: ReadonlySet<string>; fresh: ReadonlySet<string> };

/**
 * The canvas is controlled: it draws what its props say and reports what the user did. It
 * knows no store and no editor, so a link, an embed or a test can show it on its own.
 */
export type CanvasProps = {
  graph: PositionedGraph | null;
  theme: 'light' | 'dark' | 'system';
  trace?: CanvasTrace;
  selectedId?: string;
  /** boxes whose YAML holds the editor's cursor */
  cursorIds: readonly string[];
  /** no stack buttons: nothing on the canvas changes what is drawn */
  readOnly?: boolean;
  /**
   * When the camera frames the trace's current hop: `always`, or only once the trace has moved
   * (an embed starts fitted to its frame, whatever trace its link carries, until Play).
   */
  followTrace?: 'always' | 'once-moved';
  /** where to look at first (a share link's pan and zoom) instead of fitting the graph */
  initialViewport?: CanvasViewport;
  /** bumping this number fits the graph to the canvas again (an embed's Fit button) */
  fitRequest?: number;
  /** the user finished panning or zooming */
  onViewportChange?: (viewport: CanvasViewport) => void;
  /** a presentation's build-up: the other boxes (and their arrows) are hidden */
  reveal?: CanvasReveal;
  /** boxes the search found: the camera flies to them and the rest is dimmed */
  focus?: readonly string[];
  /** the presentation's look: large type, high contrast, no minimap or zoom buttons */
  stage?: boolean;
  /** a box was clicked, or Enter pressed on it */
  onSelectBox?: (box: PositionedNode) => void;
  /** a click on the empty canvas */
  onPaneClick?: () => void;
  onExpandStack?: (stackId: string) => void;
  onCollapseStack?: (stackId: string) => void;
  /** a namespace, worker node or network is to be closed into one box, or opened again */
  onCloseGroup?: (groupId: string) => void;
  onOpenGroup?: (groupId: string) => void;
  /** the playing packet reached hop `hop` */
  onTraceStep?: (hop: number) => void;
  /** the playing packet reached the last hop */
  onTraceFinished?: () => void;
};

/** What the canvas reports back to its owner. */
export type CanvasCallbacks = Pick<
  CanvasProps,
  | 'onSelectBox'
  | 'onPaneClick'
  | 'onExpandStack'
  | 'onCollapseStack'
  | 'onCloseGroup'
  | 'onOpenGroup'
  | 'onTraceStep'
  | 'onTraceFinished'
  | 'onViewportChange'
>;

/** The fit: the picture fills the canvas, with a thin margin; a small one is not blown up. */
const FIT = { padding: 0.025, maxZoom: 1.25 };
/** The zoom buttons' fit button fits as the canvas does, easing there. */
const FIT_BUTTON = { ...FIT, duration: 200 };
/**
 * How far out the camera goes: far enough that a picture of a few hundred boxes fits whole (the
 * overview a user zooms into), but a big one (`BIG_GRAPH`) stops at 0.1, where the boxes in view
 * are already as many as a smooth trace allows.
 */
const MIN_ZOOM = 0.02;
const BIG_MIN_ZOOM = 0.1;

/**
 * Below this zoom the 11.5px lines would fall under about 6px and the 17px titles under 9.5px:
 * boxes then show their name only, large (the `zoom-far` class; styles.css).
 */
const FAR_ZOOM = 0.55;

/**
 * Below this zoom even those names fall under 4.5px: in a big picture a box is its coloured
 * shape alone (`ShapesOnlyContext`; the `zoom-tiny` class), and the page neither lays out nor
 * paints a thousand unreadable names on every change.
 */
const TINY_ZOOM = 0.2;

const PRO_OPTIONS = { hideAttribution: true };
/** Shapes alone draw no arrows: at that zoom an arrow is a tenth of a pixel wide. */
const NO_EDGES: RoutedFlowEdge[] = [];
const MINIMAP_SIZE = { width: 150, height: 100 };

/** From this many boxes on, the minimap shows (while part of the picture is out of view). */
const MINIMAP_FROM = 24;
/** How long part of the picture stays out of view before the minimap comes. */
const MINIMAP_DELAY_MS = 400;

/**
 * From this many boxes on, the canvas saves work for a smooth trace: only the boxes in view are
 * rendered, the path's arrows glow without marching dashes (a CSS animation that repaints the
 * arrows' layer every frame), and the minimap (every box, repainted as the camera moves) steps
 * aside while the packet travels. Measured on 1,000 boxes: each halves the main thread's work.
 */
const BIG_GRAPH = 300;

/** From this many boxes on, only the boxes in view are in the page. */
const VISIBLE_ONLY_FROM = 100;

/**
 * What the hop list (right) and the caption (bottom) cover of the canvas during a trace: the page
 * says it in CSS variables (`--trace-overlay-right`, `--trace-overlay-bottom`), as it lays them out.
 */
function traceOverlay(element: HTMLElement): { right: number; bottom: number } {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: number) => parseFloat(style.getPropertyValue(name)) || fallback;
  return { right: read('--trace-overlay-right', 0), bottom: read('--trace-overlay-bottom', 0) };
}
/** At this zoom or more the whole picture reads well (17px titles at 12px and up). */
const READABLE_ZOOM = 0.7;

/** The viewport that shows `boxes` centred in an area of `free` size, with a margin. */
function frame(
  boxes: readonly Rect[],
  free: { width: number; height: number },
  maxZoom: number,
): { x: number; y: number; zoom: number } | undefined {
  const bounds = boundsOf(boxes);
  if (!bounds) return undefined;
  const { x: left, y: top, width, height } = bounds;
  const margin = 32;
  const zoom = Math.max(
    0.1,
    Math.min(maxZoom, (free.width - 2 * margin) / Math.max(1, width), (free.height - 2 * margin) / Math.max(1, height)),
  );
  return {
    x: (free.width - width * zoom) / 2 - left * zoom,
    y: (free.height - height * zoom) / 2 - top * zoom,
    zoom,
  };
}

/** Past this many, inferred "talks to" edges show only for the boxes selected or under the cursor. */
const MAX_ALWAYS_SHOWN_INFERRED = 6;

function quietInferredEdges<E extends { className?: string; source: string; target: string }>(
  edges: E[],
  focus: ReadonlySet<string>,
): E[] {
  const inferred = edges.filter((e) => e.className?.includes('edge-talks-to'));
  if (inferred.length <= MAX_ALWAYS_SHOWN_INFERRED) return edges;
  return edges.filter((e) => !e.className?.includes('edge-talks-to') || focus.has(e.source) || focus.has(e.target));
}

/** The boxes and everything drawn inside them (a namespace found by the search lights what it holds). */
function withInside(graph: PositionedGraph, ids: readonly string[]): Set<string> {
  const found = new Set(ids);
  // Parents come before their children, so one pass finds every level.
  for (const node of graph.nodes) if (node.parent && found.has(node.parent)) found.add(node.id);
  return found;
}

/**
 * In a big picture the minimap draws landmarks only: the outermost groups (the namespaces; the
 * worker nodes inside a lone cluster) and the closed groups' tiles. A thousand boxes in 150×100
 * pixels are specks, and each speck is an element the page restyles whenever a box above it
 * moves (a problem line added to a box shifts every namespace below).
 */
const MINIMAP_SPECK = 'minimap-speck';
function minimapLandmarks(graph: PositionedGraph): (node: BoxNode) => string {
  const top = graph.nodes.filter((n) => !n.parent);
  const lone = top.length === 1 && top[0]!.group ? top[0]!.id : undefined;
  const landmarks = new Set(
    graph.nodes.filter((n) => n.folded || !n.parent || (lone && n.parent === lone && n.group)).map((n) => n.id),
  );
  return (node) => (landmarks.has(node.id) ? '' : MINIMAP_SPECK);
}
function MinimapLandmark(props: MiniMapNodeProps) {
  return props.className === MINIMAP_SPECK ? null : <MiniMapNode {...props} />;
}

function minimapColor(node: BoxNode): string {
  const role = node.data.box.role;
  if (node.data.box.group) return 'var(--minimap-group)';
  return `var(--role-${role}, var(--minimap-box))`;
}

/**
 * Trace, reveal and focus classes on the nodes, keeping each node object when its classes did not
 * change: React Flow then reuses its internal node and the memoised box does not render again.
 * What is off the trace's path or the search's focus carries no class (the canvas's own class
 * dims it), so a trace or a search on 1,000 boxes touches only the few boxes it is about.
 */
function useTraceNodes(
  nodes: BoxNode[],
  trace: CanvasTrace | undefined,
  reveal: CanvasReveal | undefined,
  focus: ReadonlySet<string> | undefined,
): BoxNode[] {
  const previous = useRef(new Map<string, { base: BoxNode; decorated: BoxNode }>());
  const view = trace?.view;
  const step = trace?.step ?? 0;
  return useMemo(() => {
    const cache = previous.current;
    if (!view && !reveal && !focus) {
      cache.clear();
      return nodes;
    }
    const current = view?.hopBoxes[step];
    const failed = view && view.failedHop !== -1 && step >= view.failedHop ? view.hopBoxes[view.failedHop] : undefined;
    const next = new Map<string, { base: BoxNode; decorated: BoxNode }>();
    const decorated = nodes.map((node) => {
      const classes = view?.pathBoxes.has(node.id) ? ['on-path'] : [];
      if (node.id === current) classes.push('is-current');
      if (node.id === failed) classes.push('is-failed');
      if (reveal && !reveal.visible.has(node.id)) classes.push('is-unrevealed');
      if (reveal?.fresh.has(node.id)) classes.push('is-fresh');
      if (focus?.has(node.id)) classes.push('is-focus');
      if (view && view.doubtHop !== -1 && step >= view.doubtHop && node.id === view.hopBoxes[view.doubtHop])
        classes.push('is-doubt');
      const className = classes.join(' ');
      const kept = cache.get(node.id);
      const result = !className
        ? node
        : kept && kept.base === node && kept.decorated.className === className
          ? kept.decorated
          : { ...node, className };
      next.set(node.id, { base: node, decorated: result });
      return result;
    });
    previous.current = next;
    return decorated;
  }, [nodes, view, step, reveal, focus]);
}

function FlowCanvas({
  graph,
  theme,
  trace,
  selectedId,
  cursorIds,
  readOnly = false,
  followTrace = 'always',
  initialViewport,
  fitRequest = 0,
  reveal,
  stage = false,
  focus: focusIds,
  ...callbacks
}: CanvasProps) {
  const { setViewport } = useReactFlow();
  // The latest callbacks, read when an event comes: the props may change on every render.
  const latest = useRef<CanvasCallbacks>(callbacks);
  useLayoutEffect(() => {
    latest.current = callbacks;
  });
  const [focus] = useState(createFocusSource);
  useLayoutEffect(() => focus.set({ selectedId, cursorIds }), [focus, selectedId, cursorIds]);
  const actions = useMemo<BoxActions>(
    () => ({
      readOnly,
      expandStack: (id) => latest.current.onExpandStack?.(id),
      collapseStack: (id) => latest.current.onCollapseStack?.(id),
      closeGroup: (id) => latest.current.onCloseGroup?.(id),
      openGroup: (id) => latest.current.onOpenGroup?.(id),
    }),
    [readOnly],
  );
  const onTraceStep = useMemo(() => (hop: number) => latest.current.onTraceStep?.(hop), []);
  const onTraceFinished = useMemo(() => () => latest.current.onTraceFinished?.(), []);
  // React Flow's own handlers keep their identity across renders: a new onMoveEnd is written into
  // its store (every box's selectors run again) and a new onNodeClick renders every box again.
  const flowHandlers = useMemo(
    () => ({
      onNodeClick: ((_, node) => latest.current.onSelectBox?.(node.data.box)) as NodeMouseHandler<BoxNode>,
      onPaneClick: () => latest.current.onPaneClick?.(),
      onMoveEnd: (_: unknown, viewport: CanvasViewport) => latest.current.onViewportChange?.(viewport),
    }),
    [],
  );

  // Boxes and arrows an edit did not change keep their objects, so React Flow skips them.
  const previousFlow = useRef<{ nodes: BoxNode[]; edges: RoutedFlowEdge[] }>({ nodes: [], edges: [] });
  const flow = useMemo(() => {
    const next = graph ? toFlow(graph) : { nodes: [], edges: [] };
    const kept = {
      nodes: keepUnchanged(previousFlow.current.nodes, next.nodes),
      edges: keepUnchanged(previousFlow.current.edges, next.edges),
    };
    previousFlow.current = kept;
    return kept;
  }, [graph]);
  const view = trace?.view;
  // The path glows, everything off it dims; the hop shown now and a failing hop stand out.
  const focusKey = focusIds?.join('\n') ?? '';
  // One set per distinct focus (and picture), so the boxes are decorated again only when it changes.
  const focused = useMemo(
    () => (focusKey && graph ? withInside(graph, focusKey.split('\n')) : undefined),
    [focusKey, graph],
  );
  const nodes = useTraceNodes(flow.nodes, trace, reveal, focused);
  const big = flow.nodes.length > BIG_GRAPH;
  const minZoom = big ? BIG_MIN_ZOOM : MIN_ZOOM;
  const latestMinZoom = useRef(minZoom);
  latestMinZoom.current = minZoom;
  const minimapClass = useMemo(() => (graph && big ? minimapLandmarks(graph) : undefined), [graph, big]);
  const edges = useMemo(() => {
    const shown = quietInferredEdges(flow.edges, new Set([selectedId ?? '', ...cursorIds]));
    if (!view && !reveal && !focused) return shown;
    // Only the edges a class is about change (see useTraceNodes): the canvas's class dims the rest.
    return shown.map((edge) => {
      const hidden = reveal && !(reveal.visible.has(edge.source) && reveal.visible.has(edge.target));
      const onPath = !!view?.pathEdges.has(edge.id);
      const inFocus = !!focused && (focused.has(edge.source) || focused.has(edge.target));
      if (!hidden && !onPath && !inFocus) return edge;
      return {
        ...edge,
        className: `${edge.className ?? ''}${onPath ? ' on-path' : ''}${inFocus ? ' is-focus' : ''}${hidden ? ' is-unrevealed' : ''}`,
        animated: onPath && !big,
      };
    });
  }, [flow.edges, view, reveal, selectedId, cursorIds, focused, big]);
  const shown = useSlices(nodes, edges);
  const shapeKey = useMemo(() => flow.nodes.map((n) => n.id).join('|'), [flow.nodes]);
  const lastShape = useRef('');
  const container = useRef<HTMLDivElement>(null);
  // A restored viewport stands until the boxes change shape after the first layout.
  const keepViewport = useRef(!!initialViewport);

  // The whole picture's frame, from the layout (not from the boxes React Flow holds: a new
  // picture comes into the page in slices). The top-level boxes hold every other one.
  const extent = useMemo(() => boundsOf(graph?.nodes.filter((n) => !n.parent) ?? []), [graph]);
  const latestExtent = useRef(extent);
  latestExtent.current = extent;
  const flowStore = useStoreApi();
  const fitPicture = useMemo(() => {
    const fit = (duration: number) => {
      const bounds = latestExtent.current;
      const element = container.current;
      if (!bounds || !element) return;
      const { width, height, panZoom } = flowStore.getState();
      // React Flow sets up its pan and zoom once mounted: a picture there at once waits a frame.
      if (!panZoom) {
        requestAnimationFrame(() => fit(duration));
        return;
      }
      const size =
        width > 0 && height > 0 ? { width, height } : { width: element.clientWidth, height: element.clientHeight };
      const target = getViewportForBounds(
        bounds,
        size.width,
        size.height,
        latestMinZoom.current,
        FIT.maxZoom,
        FIT.padding,
      );
      void setViewport(target, { duration });
    };
    return fit;
  }, [flowStore, setViewport]);

  // Fit the view when the set of boxes changes, not on every keystroke nor when a box is renamed
  // (the search's focus, when there is one, frames its boxes instead). A new picture (the first, a
  // paste, another sample: most boxes new) is framed at once, before its boxes come in; a changed
  // one eases there.
  const focusing = useRef(false);
  focusing.current = !!focused;
  useLayoutEffect(() => {
    if (!shapeKey || shapeKey === lastShape.current) return;
    const before = lastShape.current;
    lastShape.current = shapeKey;
    // A box renamed as the user types stays where the camera is.
    if (onlyRenamed(before, shapeKey)) return;
    if (keepViewport.current || focusing.current) {
      keepViewport.current = false;
      return;
    }
    if (mostlyNew(before, shapeKey)) {
      fitPicture(0);
      return;
    }
    const frame = requestAnimationFrame(() => fitPicture(250));
    return () => cancelAnimationFrame(frame);
  }, [shapeKey, fitPicture]);

  useEffect(() => {
    if (fitRequest > 0) fitPicture(200);
  }, [fitRequest, fitPicture]);

  // Fit again when the canvas changes size (a panel opens, the editor collapses).
  useEffect(() => {
    const element = container.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = `${element.clientWidth}x${element.clientHeight}`;
    // A narrow canvas has no room for the minimap.
    const markNarrow = () => element.parentElement?.classList.toggle('is-narrow', element.clientWidth < 760);
    markNarrow();
    const observer = new ResizeObserver(() => {
      markNarrow();
      const size = `${element.clientWidth}x${element.clientHeight}`;
      if (size === last) return;
      last = size;
      clearTimeout(timer);
      timer = setTimeout(() => fitPicture(200), 120);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [fitPicture]);

  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  // The whole picture is in view (as after a fit): a minimap would only repeat it, over a corner
  // of it. It shows once part of the picture is out of view.
  const wholeInView = useStore((s) => {
    if (!extent) return true;
    const [x, y, zoom] = s.transform;
    const slack = 4;
    return (
      x + extent.x * zoom >= -slack &&
      y + extent.y * zoom >= -slack &&
      x + (extent.x + extent.width) * zoom <= s.width + slack &&
      y + (extent.y + extent.height) * zoom <= s.height + slack
    );
  });
  // It comes a moment after part of the picture left the view, and goes at once: a camera easing
  // out to fit a new picture (a paste) never mounts it for a few frames.
  const [partOutOfView, setPartOutOfView] = useState(false);
  useEffect(() => {
    if (wholeInView) {
      setPartOutOfView(false);
      return;
    }
    const timer = setTimeout(() => setPartOutOfView(true), MINIMAP_DELAY_MS);
    return () => clearTimeout(timer);
  }, [wholeInView]);
  // Shapes alone in a big picture only: a few boxes cost nothing to draw with their text.
  const shapesOnly = useStore((s) => s.transform[2] < TINY_ZOOM) && big;

  // The search chose a box: fly there, once per box and per picture (a group it opened is laid out anew).
  const flown = useRef('');
  useEffect(() => {
    const element = container.current;
    const key = `${focusKey}|${shapeKey}`;
    if (!focused || !element || !graph || key === flown.current) return;
    const all = absoluteRects(graph.nodes);
    const boxes = (focusIds ?? []).map((id) => all.get(id)).filter((r): r is Rect => !!r);
    const target = frame(boxes, { width: element.clientWidth, height: element.clientHeight }, 1);
    if (!target) return;
    const timer = setTimeout(() => {
      flown.current = key;
      void setViewport(target, { duration: 450 });
    }, 30);
    return () => clearTimeout(timer);
  }, [focused, focusIds, focusKey, shapeKey, graph, setViewport]);

  // A trace: the camera eases to the hop shown and its neighbours, in the part of the canvas
  // the hop list and the caption leave free; when the trace ends it eases back to the whole.
  const rects = useMemo(() => (graph ? absoluteRects(graph.nodes) : new Map<string, Rect>()), [graph]);
  const step = trace?.step ?? 0;
  const wasTracing = useRef(false);
  const wasPlaying = useRef(false);
  useEffect(() => {
    const element = container.current;
    if (!view) {
      if (wasTracing.current) fitPicture(400);
      wasTracing.current = false;
      wasPlaying.current = false;
      return;
    }
    // The request just played through to its last hop (not a step by hand).
    const finished = wasPlaying.current && !trace?.playing && step === view.hopBoxes.length - 1;
    wasPlaying.current = !!trace?.playing;
    if (!element) return;
    if (followTrace === 'once-moved' && step === 0 && !trace?.playing) return;
    // A new trace takes the keys: ←/→ step it, wherever the request was typed.
    if (!wasTracing.current && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
    wasTracing.current = true;
    const duration = view.plan.travelMs === 0 ? 0 : 450;
    const overlay = traceOverlay(element);
    const free = {
      width: Math.max(200, element.clientWidth - overlay.right),
      height: Math.max(150, element.clientHeight - overlay.bottom),
    };
    const all = [...rects.values()];
    const whole = all.length ? frame(all, free, FIT.maxZoom) : undefined;
    const near = [view.hopBoxes[step - 1], view.hopBoxes[step], view.hopBoxes[step + 1]]
      .map((id) => (id ? rects.get(id) : undefined))
      .filter((r): r is Rect => !!r);
    // The whole picture when it reads well in the free part; else the hop and its neighbours.
    const target = whole && (whole.zoom >= READABLE_ZOOM || near.length === 0) ? whole : frame(near, free, 1.1);
    if (!target) return;
    // After any fit already under way (the first fit of a new picture), so this one wins.
    const timer = setTimeout(() => void setViewport(target, { duration }), 30);
    // Played to the end: after a moment on the answer, the camera eases back to the whole picture.
    const back =
      finished && whole && target !== whole
        ? setTimeout(() => void setViewport(whole, { duration: duration ? 600 : 0 }), 1800)
        : undefined;
    return () => {
      clearTimeout(timer);
      if (back) clearTimeout(back);
    };
  }, [view, step, rects, fitPicture, setViewport, followTrace, trace?.playing]);

  // Enter on a focused box (Tab moves between them) does what a click does.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter') return;
    const id = (event.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    const box = id ? graph?.nodes.find((n) => n.id === id) : undefined;
    if (box) latest.current.onSelectBox?.(box);
  };

  return (
    <FocusContext.Provider value={focus}>
      <ShapesOnlyContext.Provider value={shapesOnly}>
        <BoxActionsContext.Provider value={actions}>
          <div
            className={`canvas-fill${stage ? ' is-stage' : ''}${far ? ' zoom-far' : ''}${shapesOnly ? ' zoom-tiny' : ''}`}
            ref={container}
            onKeyDown={onKeyDown}
            tabIndex={-1}
            role="group"
            aria-label="Architecture diagram"
            // Still drawing a new picture, slice by slice.
            aria-busy={!shown.complete}
          >
            <ReactFlow
              nodes={shown.nodes}
              edges={shapesOnly ? NO_EDGES : shown.edges}
              className={`${view ? 'is-tracing' : ''}${focused ? ' is-focusing' : ''}`}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              onNodeClick={flowHandlers.onNodeClick}
              onPaneClick={flowHandlers.onPaneClick}
              colorMode={theme}
              minZoom={minZoom}
              maxZoom={2.5}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              onlyRenderVisibleElements={flow.nodes.length > VISIBLE_ONLY_FROM}
              proOptions={PRO_OPTIONS}
              onMoveEnd={flowHandlers.onMoveEnd}
              {...(initialViewport ? { defaultViewport: initialViewport } : {})}
            >
              {!stage && <Background gap={24} size={1} />}
              {!stage && <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_BUTTON} />}
              {/* A small picture, or one wholly in view, needs no minimap: it would only cover part of it. */}
              {!stage && flow.nodes.length > MINIMAP_FROM && partOutOfView && !(big && trace?.playing) && (
                <MiniMap
                  pannable
                  zoomable
                  nodeColor={minimapColor}
                  {...(big && minimapClass ? { nodeClassName: minimapClass, nodeComponent: MinimapLandmark } : {})}
                  position="bottom-right"
                  style={MINIMAP_SIZE}
                />
              )}
              {trace && (
                <TracePacket
                  view={trace.view}
                  step={trace.step}
                  playing={trace.playing}
                  onStep={onTraceStep}
                  onFinished={onTraceFinished}
                />
              )}
            </ReactFlow>
          </div>
        </BoxActionsContext.Provider>
      </ShapesOnlyContext.Provider>
    </FocusContext.Provider>
  );
}

/** The graph: pan, zoom, fit, minimap; the only place React Flow lives. */
export function Canvas(props: CanvasProps) {
  return (
    <div className="canvas" data-testid={TEST_IDS.canvas}>
      <ReactFlowProvider>
        <FlowCanvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
