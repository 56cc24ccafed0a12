import type { Workspace, WorkspaceView } from '../workspace';
import type { Store } from './store';

/** The view settings a workspace carries: every key of `WorkspaceView`, once. */
export const VIEW_KEYS = [
  'theme',
  'editorCollapsed',
  'editorWidth',
  'nodeCount',
  'viewMode',
  'showConfig',
  'showImages',
  'expandedStacks',
  'collapsedGroups',
  'openedGroups',
  'controlPlane',
  'kubeVersion',
] as const satisfies readonly (keyof WorkspaceView)[];

/** The store's workspace: its files, active tab and view settings (no trace: the local save keeps none). */
export function workspaceOf(state: Store): Workspace {
  const view = Object.fromEntries(VIEW_KEYS.map((key) => [key, state[key]])) as WorkspaceView;
  return { files: state.files, activeFile: state.activeFile, view };
}

/** What a presentation shows: the workspace's files and view, and the request it traces. */
export function presentationSourceOf(state: Store): Workspace {
  const trace = state.traceUrl.trim() ? { url: state.traceUrl.trim(), from: state.traceFrom, step: 0 } : undefined;
  return { ...workspaceOf(state), ...(trace ? { trace } : {}) };
}

/**
 * Everything a share link carries: the workspace, the trace on screen (its request and hop) and
 * where the canvas looks. Boxes cannot be dragged, so the viewport is all the placement there is.
 */
export function shareableWorkspaceOf(state: Store): Workspace {
  const traced = state.trace && state.traceUrl.trim();
  return {
    ...workspaceOf(state),
    ...(traced ? { trace: { url: state.traceUrl.trim(), from: state.traceFrom, step: state.traceStep } } : {}),
    ...(state.viewport ? { viewport: { ...state.viewport } } : {}),
  };
}

/** What to put into a store to open `workspace`; its trace, when it has one, fills the trace bar. */
export function stateOfWorkspace(workspace: Workspace): Partial<Store> {
  return {
    files: workspace.files.map((f) => ({ ...f })),
    activeFile: workspace.activeFile,
    ...workspace.view,
    expandedStacks: [...workspace.view.expandedStacks],
    collapsedGroups: [...workspace.view.collapsedGroups],
    openedGroups: [...workspace.view.openedGroups],
    ...(workspace.trace ? { traceUrl: workspace.trace.url, traceFrom: workspace.trace.from } : {}),
    ...(workspace.viewport ? { viewport: { ...workspace.viewport } } : {}),
  };
}
