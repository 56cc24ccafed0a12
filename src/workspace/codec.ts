import type { SourceFile } from '../core/model/source';
import { KUBE_VERSIONS } from '../core/kubernetes/schema/versions';
import { freeName } from './fileNames';
import { migrateWorkspace, OLDEST_READABLE_VERSION } from './migrate';
import { fatal, repaired, type WorkspaceProblem } from './problems';
import {
  clampEditorWidth,
  clampNodeCount,
  CONTROL_PLANE_MODES,
  CURRENT_WORKSPACE_VERSION,
  DEFAULT_VIEW,
  MAX_EXPANDED_STACKS,
  MAX_FOLDED_GROUPS,
  MAX_FILE_NAME_LENGTH,
  MAX_FILES,
  MAX_PAN,
  MAX_TRACE_FIELD_LENGTH,
  MAX_TRACE_STEP,
  MAX_ZOOM,
  MIN_ZOOM,
  THEME_CHOICES,
  VIEW_MODES,
  type Workspace,
  type WorkspaceTrace,
  type WorkspaceView,
  type WorkspaceViewport,
} from './workspace';

/** What `decodeWorkspace` gives back: a workspace (perhaps repaired) or why there is none. */
export type DecodeResult =
  | { ok: true; workspace: Workspace; fromVersion: number; problems: WorkspaceProblem[] }
  | { ok: false; problems: WorkspaceProblem[] };

/** The encoded form of the current version: what `encodeWorkspace` writes. */
export type EncodedWorkspace = {
  version: typeof CURRENT_WORKSPACE_VERSION;
  files: SourceFile[];
  activeFile: string;
  view: WorkspaceView;
  trace?: WorkspaceTrace;
  viewport?: WorkspaceViewport;
};

type RawRecord = { readonly [key: string]: unknown };

const isRecord = (value: unknown): value is RawRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A workspace → JSON text of the current version. */
export function encodeWorkspace(workspace: Workspace): string {
  const encoded: EncodedWorkspace = {
    version: CURRENT_WORKSPACE_VERSION,
    files: workspace.files.map(({ name, text }) => ({ name, text })),
    activeFile: workspace.activeFile,
    view: {
      ...workspace.view,
      expandedStacks: [...workspace.view.expandedStacks],
      collapsedGroups: [...workspace.view.collapsedGroups],
      openedGroups: [...workspace.view.openedGroups],
    },
    ...(workspace.trace
      ? { trace: { url: workspace.trace.url, from: workspace.trace.from, step: workspace.trace.step } }
      : {}),
    ...(workspace.viewport
      ? { viewport: { x: workspace.viewport.x, y: workspace.viewport.y, zoom: workspace.viewport.zoom } }
      : {}),
  };
  return JSON.stringify(encoded);
}

/**
 * JSON text (or an already parsed value) of any version → the current workspace. Never throws:
 * input is untrusted (a save from an older app, a link), so whatever is wrong comes back as problems.
 */
export function decodeWorkspace(input: unknown): DecodeResult {
  try {
    return decode(input);
  } catch (error) {
    // A getter that throws, a Proxy, a stack overflow on absurd nesting: nothing to open.
    return {
      ok: false,
      problems: [fatal('WS-UNREADABLE', `The workspace could not be read: ${describe(error)}.`)],
    };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

function decode(input: unknown): DecodeResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, problems: [fatal('WS-NOT-JSON', `The workspace is not valid JSON: ${describe(error)}.`)] };
    }
  }
  if (!isRecord(value)) return { ok: false, problems: [fatal('WS-NOT-OBJECT', 'The workspace is not a JSON object.')] };

  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_READABLE_VERSION)
    return {
      ok: false,
      problems: [
        fatal('WS-VERSION-UNKNOWN', `The workspace has no version this app knows (${String(version)}).`, 'version'),
      ],
    };
  if (version > CURRENT_WORKSPACE_VERSION)
    return {
      ok: false,
      problems: [
        fatal(
          'WS-VERSION-NEWER',
          `The workspace was saved by a newer Portolan (version ${version}); this one reads up to ${CURRENT_WORKSPACE_VERSION}.`,
          'version',
        ),
      ],
    };

  const current = migrateWorkspace(value, version, CURRENT_WORKSPACE_VERSION);
  const problems: WorkspaceProblem[] = [];
  const files = readFiles(current.files, problems);
  if (!files) return { ok: false, problems };
  const activeFile =
    typeof current.activeFile === 'string' && files.some((f) => f.name === current.activeFile)
      ? current.activeFile
      : (files[0]?.name ?? '');
  const view = readView(current.view, problems);
  const trace = readTrace(current.trace, problems);
  const viewport = readViewport(current.viewport, problems);
  return {
    ok: true,
    workspace: { files, activeFile, view, ...(trace ? { trace } : {}), ...(viewport ? { viewport } : {}) },
    fromVersion: version,
    problems,
  };
}

function readFiles(value: unknown, problems: WorkspaceProblem[]): SourceFile[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(fatal('WS-FILES-MISSING', 'The workspace has no list of files.', 'files'));
    return undefined;
  }
  if (value.length > MAX_FILES)
    problems.push(
      repaired(
        'WS-TOO-MANY-FILES',
        `The workspace holds ${value.length} files; the first ${MAX_FILES} are opened.`,
        'files',
      ),
    );
  const files: SourceFile[] = [];
  const taken = new Set<string>();
  // Only the first MAX_FILES entries are looked at: a huge array costs nothing more.
  for (let i = 0; i < Math.min(value.length, MAX_FILES); i++) {
    const entry: unknown = value[i];
    if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.text !== 'string') {
      problems.push(
        repaired('WS-FILE-DROPPED', `File ${i + 1} has no name or no text; it was left out.`, `files.${i}`),
      );
      continue;
    }
    const wanted = entry.name.trim().slice(0, MAX_FILE_NAME_LENGTH) || 'untitled.yaml';
    const name = freeName(taken, wanted);
    if (name !== entry.name)
      problems.push(
        repaired('WS-FILE-RENAMED', `File ${i + 1} (“${wanted}”) was opened as “${name}”.`, `files.${i}.name`),
      );
    taken.add(name);
    files.push({ name, text: entry.text });
  }
  return files;
}

function readView(value: unknown, problems: WorkspaceProblem[]): WorkspaceView {
  const view: WorkspaceView = { ...DEFAULT_VIEW, expandedStacks: [], collapsedGroups: [], openedGroups: [] };
  if (value === undefined) return view;
  if (!isRecord(value)) {
    problems.push(repaired('WS-FIELD-IGNORED', 'The view settings are not an object; defaults are used.', 'view'));
    return view;
  }
  const ignore = (key: string) =>
    problems.push(
      repaired('WS-FIELD-IGNORED', `The view setting ${key} is not usable; the default is kept.`, `view.${key}`),
    );
  const oneOf = <T extends string>(key: keyof WorkspaceView, choices: readonly T[]): T | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
    ignore(key);
    return undefined;
  };
  const bool = (key: keyof WorkspaceView): boolean | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    ignore(key);
    return undefined;
  };
  const num = (key: keyof WorkspaceView): number | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    ignore(key);
    return undefined;
  };

  view.theme = oneOf('theme', THEME_CHOICES) ?? view.theme;
  view.viewMode = oneOf('viewMode', VIEW_MODES) ?? view.viewMode;
  view.controlPlane = oneOf('controlPlane', CONTROL_PLANE_MODES) ?? view.controlPlane;
  // Saves older than the version selector lack it (the default); a version no longer offered falls back too.
  view.kubeVersion = oneOf('kubeVersion', KUBE_VERSIONS) ?? view.kubeVersion;
  view.editorCollapsed = bool('editorCollapsed') ?? view.editorCollapsed;
  view.showConfig = bool('showConfig') ?? view.showConfig;
  view.showImages = bool('showImages') ?? view.showImages;
  const width = num('editorWidth');
  if (width !== undefined) view.editorWidth = clampEditorWidth(width);
  const nodes = num('nodeCount');
  if (nodes !== undefined) view.nodeCount = clampNodeCount(nodes);

  // The newest are at the end of each list: those are kept. Saves older than a list lack it (empty).
  const ids = (key: 'expandedStacks' | 'collapsedGroups' | 'openedGroups', max: number): string[] => {
    const list = value[key];
    if (Array.isArray(list)) return [...new Set(list.slice(-max).filter((id): id is string => typeof id === 'string'))];
    if (list !== undefined) ignore(key);
    return [];
  };
  view.expandedStacks = ids('expandedStacks', MAX_EXPANDED_STACKS);
  view.collapsedGroups = ids('collapsedGroups', MAX_FOLDED_GROUPS);
  view.openedGroups = ids('openedGroups', MAX_FOLDED_GROUPS);
  return view;
}

function readTrace(value: unknown, problems: WorkspaceProblem[]): WorkspaceTrace | undefined {
  if (value === undefined) return undefined;
  if (
    !isRecord(value) ||
    typeof value.url !== 'string' ||
    typeof (value.from ?? '') !== 'string' ||
    value.url.length > MAX_TRACE_FIELD_LENGTH ||
    String(value.from ?? '').length > MAX_TRACE_FIELD_LENGTH
  ) {
    problems.push(repaired('WS-FIELD-IGNORED', 'The trace is not usable; the workspace opens without it.', 'trace'));
    return undefined;
  }
  const step = value.step;
  const usableStep = typeof step === 'number' && Number.isInteger(step) && step >= 0;
  if (step !== undefined && !usableStep)
    problems.push(
      repaired('WS-FIELD-IGNORED', 'The trace step is not usable; the trace starts at its first hop.', 'trace.step'),
    );
  return {
    url: value.url,
    from: typeof value.from === 'string' ? value.from : '',
    step: usableStep ? Math.min(step, MAX_TRACE_STEP) : 0,
  };
}

function readViewport(value: unknown, problems: WorkspaceProblem[]): WorkspaceViewport | undefined {
  if (value === undefined) return undefined;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!isRecord(value) || !finite(value.x) || !finite(value.y) || !finite(value.zoom) || value.zoom <= 0) {
    problems.push(repaired('WS-FIELD-IGNORED', 'The viewport is not usable; the canvas fits itself.', 'viewport'));
    return undefined;
  }
  const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));
  return {
    x: clamp(value.x, -MAX_PAN, MAX_PAN),
    y: clamp(value.y, -MAX_PAN, MAX_PAN),
    zoom: clamp(value.zoom, MIN_ZOOM, MAX_ZOOM),
  };
}
