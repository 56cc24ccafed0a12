/** Stable test ids, shared by the app and the end-to-end tests. */
export const TEST_IDS = {
  app: 'app',
  editor: 'editor',
  editorPane: 'editor-pane',
  canvas: 'canvas',
  tab: 'file-tab',
  tabRenameInput: 'file-tab-rename',
  tabClose: 'file-tab-close',
  tabProblems: 'file-tab-problems',
  newFile: 'new-file',
  openFiles: 'open-files',
  openInput: 'open-input',
  samplesButton: 'samples-button',
  sample: 'sample',
  themeToggle: 'theme-toggle',
  editorToggle: 'editor-toggle',
  divider: 'divider',
  problems: 'problems',
  problem: 'problem',
  statusProblems: 'status-problems',
  staleBanner: 'stale-banner',
  node: 'graph-node',
  groupNode: 'graph-group',
  nodeCount: 'node-count',
  viewMode: 'view-mode',
  dropOverlay: 'drop-overlay',
} as const;

/** Test ids of the trace UI. */
export const TRACE_IDS = {
  bar: 'trace-bar',
  url: 'trace-url',
  from: 'trace-from',
  run: 'trace-run',
  repeat: 'trace-repeat',
  clear: 'trace-clear',
  hops: 'trace-hops',
  hop: 'trace-hop',
  caption: 'trace-caption',
  failure: 'trace-failure',
  prev: 'trace-prev',
  next: 'trace-next',
  play: 'trace-play',
  restart: 'trace-restart',
  packet: 'trace-packet',
  stale: 'trace-stale',
} as const;

/** Test ids of the view settings, stacks and the inspector. */
export const VIEW_IDS = {
  controlPlane: 'control-plane-mode',
  showConfig: 'show-config',
  showImages: 'show-images',
  stackExpand: 'stack-expand',
  stackCollapse: 'stack-collapse',
  inspector: 'inspector',
  inspectorClose: 'inspector-close',
  inspectorSection: 'inspector-section',
  inspectorLink: 'inspector-link',
  inspectorProblem: 'inspector-problem',
} as const;

/** Test ids of the Compose settings (profiles and variables). */
export const COMPOSE_IDS = {
  profilesButton: 'compose-profiles',
  profile: 'compose-profile',
  variablesButton: 'compose-variables',
  variable: 'compose-variable',
} as const;
