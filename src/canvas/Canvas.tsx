import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { indexTopology, sourceOf } from '../core/model/topology';
import type { Store } from '../state/store';
import { useStore } from '../state/store';
import { TEST_IDS } from '../testIds';
import { NODE_TYPES } from './BoxNodes';
import { toFlow, type BoxNode } from './toFlow';
import { TracePacket } from './TracePacket';
import { traceView } from './traceView';

const selectPositioned = (s: Store) => s.positioned;
const selectTheme = (s: Store) => s.theme;
const selectTrace = (s: Store) => s.trace;
const selectTopology = (s: Store) => s.topology;
const selectSelectedId = (s: Store) => s.selectedId;
const selectCursorIds = (s: Store) => s.cursorIds;

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
const selectTraceStep = (s: Store) => s.traceStep;

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function minimapColor(node: BoxNode): string {
  const role = node.data.box.role;
  if (node.data.box.group) return 'var(--minimap-group)';
  return `var(--role-${role}, var(--minimap-box))`;
}

/** Selects a box and shows its YAML (a generated pod shows its workload's). */
function selectBox(box: { id: string; objectId?: string }) {
  const state = useStore.getState();
  state.select(box.objectId ?? box.id);
  if (!box.objectId) return;
  const span = sourceOf(indexTopology(state.topology), box.objectId);
  if (span) state.revealInEditor(span.file, span.start.offset, span.start.offset);
}

function FlowCanvas() {
  const positioned = useStore(selectPositioned);
  const theme = useStore(selectTheme);
  const { fitView } = useReactFlow();
  const trace = useStore(selectTrace);
  const topology = useStore(selectTopology);
  const step = useStore(selectTraceStep);
  const flow = useMemo(() => (positioned ? toFlow(positioned) : { nodes: [], edges: [] }), [positioned]);
  const view = useMemo(
    () => (positioned && trace ? traceView(positioned, topology, trace, prefersReducedMotion()) : undefined),
    [positioned, topology, trace],
  );
  // The path glows, everything off it dims; the hop shown now and a failing hop stand out.
  const nodes = useMemo(() => {
    if (!view) return flow.nodes;
    const current = view.hopBoxes[step];
    const failed = view.failedHop !== -1 && step >= view.failedHop ? view.hopBoxes[view.failedHop] : undefined;
    return flow.nodes.map((node) => {
      const classes = [view.pathBoxes.has(node.id) ? 'on-path' : 'off-path'];
      if (node.id === current) classes.push('is-current');
      if (node.id === failed) classes.push('is-failed');
      return { ...node, className: classes.join(' ') };
    });
  }, [flow.nodes, view, step]);
  const selectedId = useStore(selectSelectedId);
  const cursorIds = useStore(selectCursorIds);
  const edges = useMemo(() => {
    const shown = quietInferredEdges(flow.edges, new Set([selectedId ?? '', ...cursorIds]));
    if (!view) return shown;
    return shown.map((edge) => ({
      ...edge,
      className: `${edge.className ?? ''} ${view.pathEdges.has(edge.id) ? 'on-path' : 'off-path'}`,
      animated: view.pathEdges.has(edge.id),
    }));
  }, [flow.edges, view, selectedId, cursorIds]);
  const shapeKey = useMemo(() => flow.nodes.map((n) => n.id).join('|'), [flow.nodes]);
  const lastShape = useRef('');

  // Fit the view when the set of boxes changes, not on every keystroke.
  useEffect(() => {
    if (!shapeKey || shapeKey === lastShape.current) return;
    lastShape.current = shapeKey;
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, duration: 250, maxZoom: 1.1 }));
    return () => cancelAnimationFrame(frame);
  }, [shapeKey, fitView]);

  // Fit again when the canvas changes size (a panel opens, the editor collapses).
  const container = useRef<HTMLDivElement>(null);
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
      timer = setTimeout(() => void fitView({ padding: 0.08, duration: 200, maxZoom: 1.1 }), 120);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [fitView]);

  const onNodeClick: NodeMouseHandler<BoxNode> = (_, node) => selectBox(node.data.box);

  // Enter on a focused box (Tab moves between them) does what a click does.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter') return;
    const id = (event.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    const box = id ? positioned?.nodes.find((n) => n.id === id) : undefined;
    if (box) selectBox(box);
  };

  return (
    <div className="canvas-fill" ref={container} onKeyDown={onKeyDown}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        className={view ? 'is-tracing' : ''}
        nodeTypes={NODE_TYPES}
        onNodeClick={onNodeClick}
        onPaneClick={() => useStore.getState().select(undefined)}
        colorMode={theme}
        minZoom={0.1}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements={flow.nodes.length > 300}
        proOptions={{ hideAttribution: true }}
        fitView
        fitViewOptions={{ padding: 0.08, maxZoom: 1.1 }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          nodeColor={minimapColor}
          position="bottom-right"
          style={{ width: 150, height: 100 }}
        />
        {view && <TracePacket view={view} />}
      </ReactFlow>
    </div>
  );
}

/** The graph: pan, zoom, fit, minimap; the only place React Flow lives. */
export function Canvas() {
  return (
    <div className="canvas" data-testid={TEST_IDS.canvas}>
      <ReactFlowProvider>
        <FlowCanvas />
      </ReactFlowProvider>
    </div>
  );
}
