import { DEFAULT_NODE_COUNT } from '../core/nodeCount';
import { DEFAULT_KUBE_VERSION } from '../core/kubernetes/schema/versions';
import type { SourceFile } from '../core/model/source';
import type { ControlPlaneMode, ViewMode } from '../layout/viewGraph';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** How the user arranged the window and the picture: kept with the files. */
export type WorkspaceView = {
  theme: ThemeChoice;
  editorCollapsed: boolean;
  /** editor pane width as a fraction of the window */
  editorWidth: number;
  nodeCount: number;
  viewMode: ViewMode;
  showConfig: boolean;
  /** the images layer: registries and the nodes that pull from them */
  showImages: boolean;
  /** stacks of pods the user opened (`stack:…` box ids) */
  expandedStacks: string[];
  controlPlane: ControlPlaneMode;
  /** groups the user closed (`ns:…`, a worker node's or a Compose network's box id); absent in older saves */
  collapsedGroups: string[];
  /** groups the user opened that a large input draws closed; absent in older saves */
  openedGroups: string[];
  /** the Kubernetes `major.minor` the files are checked against (one of `KUBE_VERSIONS`) */
  kubeVersion: string;
};

/** The request a workspace carries, so a link can open on a trace. */
export type WorkspaceTrace = {
  url: string;
  /** client inside the cluster (workload name), or '' for the Internet */
  from: string;
  /** the hop shown (0 = the first); a link opens the trace paused there */
  step: number;
};

/** Where the canvas looks: React Flow's pan (x, y in screen pixels) and zoom. */
export type WorkspaceViewport = { x: number; y: number; zoom: number };

/** A workspace as the app uses it: decoded, validated, migrated to the current version. */
export type Workspace = {
  files: SourceFile[];
  activeFile: string;
  view: WorkspaceView;
  /** absent in the local save (the trace bar starts empty); a link carries it */
  trace?: WorkspaceTrace;
  /** absent in the local save (the canvas fits itself); a link carries it. Boxes cannot be pinned, so this is all the placement there is. */
  viewport?: WorkspaceViewport;
};

/**
 * The version `encodeWorkspace` writes. v1 was the flat localStorage shape; v2 nests the view and
 * adds the trace; v3 adds the trace's step and the viewport (for share links).
 */
export const CURRENT_WORKSPACE_VERSION = 3;

/** Defaults for any view setting a save lacks or holds in a broken form. */
export const DEFAULT_VIEW: Readonly<WorkspaceView> = Object.freeze({
  theme: 'system',
  editorCollapsed: false,
  editorWidth: 0.25,
  nodeCount: DEFAULT_NODE_COUNT,
  viewMode: 'infrastructure',
  showConfig: false,
  showImages: false,
  expandedStacks: [],
  controlPlane: 'collapsed',
  collapsedGroups: [],
  openedGroups: [],
  kubeVersion: DEFAULT_KUBE_VERSION,
});

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const VIEW_MODES: readonly ViewMode[] = ['infrastructure', 'application'];
export const CONTROL_PLANE_MODES: readonly ControlPlaneMode[] = ['collapsed', 'expanded', 'hidden'];

/** The editor pane never hides the canvas nor shrinks to nothing. */
export function clampEditorWidth(fraction: number): number {
  return Math.min(0.75, Math.max(0.15, fraction));
}

/** Simulated worker nodes: a whole number from 1 to 20. */
export function clampNodeCount(count: number): number {
  return Math.min(20, Math.max(1, Math.round(count) || 1));
}

// Limits on what a decoded workspace may hold: a save or a link is untrusted input.
/** More files than anyone edits by hand; the rest are dropped with a problem. */
export const MAX_FILES = 1000;
/** A stale list of opened stacks does no harm, but it should not grow without end. */
export const MAX_EXPANDED_STACKS = 200;
/** Closed or opened groups kept, each list: as for stacks, the newest are kept. */
export const MAX_FOLDED_GROUPS = 500;
export const MAX_FILE_NAME_LENGTH = 255;
export const MAX_TRACE_FIELD_LENGTH = 2048;
/** No trace has this many hops; a larger step is clamped by the trace itself when it runs. */
export const MAX_TRACE_STEP = 1000;
/** Zoom bounds of the canvas (React Flow's minZoom and maxZoom there). */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2.5;
/** A pan beyond this many pixels shows nothing; a hostile link gets no farther. */
export const MAX_PAN = 1_000_000;
