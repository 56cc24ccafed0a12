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
  viewMenu: 'view-menu',
  controlPlane: 'control-plane-mode',
  showConfig: 'show-config',
  showImages: 'show-images',
  stackExpand: 'stack-expand',
  stackCollapse: 'stack-collapse',
  groupCollapse: 'group-collapse',
  groupExpand: 'group-expand',
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

/** Test ids of the Export menu. */
export const EXPORT_IDS = {
  button: 'export-button',
  svg: 'export-svg',
  png: 'export-png',
  animatedSvg: 'export-animated-svg',
  html: 'export-html',
  mermaid: 'export-mermaid',
  status: 'export-status',
} as const;

/** Kubernetes version checking: the toolbar's version selector and a rejected object's error on its box. */
export const KUBE_IDS = {
  kubeVersion: 'kube-version',
  rejected: 'box-rejected',
} as const;

/** Test ids of share links, the embed and their dialogs. */
export const SHARE_IDS = {
  shareButton: 'share-button',
  embedButton: 'embed-button',
  dialog: 'share-dialog',
  dialogClose: 'share-dialog-close',
  includeSecrets: 'share-include-secrets',
  secretCount: 'share-secret-count',
  link: 'share-link',
  copy: 'share-copy',
  longWarning: 'share-long-warning',
  download: 'share-download',
  iframeSnippet: 'embed-iframe-snippet',
  markdownSnippet: 'embed-markdown-snippet',
  embedTheme: 'embed-theme',
  embedAutoplay: 'embed-autoplay',
  linkBanner: 'link-banner',
  openMine: 'link-open-mine',
  keepCopy: 'link-keep-copy',
  startNotice: 'start-notice',
  embed: 'embed',
  embedFit: 'embed-fit',
  embedPlay: 'embed-play',
  embedOpen: 'embed-open',
  embedError: 'embed-error',
} as const;

/** Test ids of the presentation mode. */
export const PRESENT_IDS = {
  open: 'present-open',
  root: 'present',
  caption: 'present-caption',
  note: 'present-note',
  hint: 'present-hint',
  breakMenu: 'present-break-menu',
  breakToggle: 'present-break',
  undo: 'present-undo',
  change: 'present-change',
} as const;

/** Test ids of the warnings about saved work. */
export const SAVE_IDS = {
  saveError: 'save-error',
  downloadWorkspace: 'save-download-workspace',
  tabNotice: 'tab-notice',
  setAside: 'save-set-aside',
  restoring: 'save-restoring',
} as const;

/** Test ids of the search and of closed groups. */
export const SEARCH_IDS = {
  input: 'search-input',
  list: 'search-list',
  option: 'search-option',
  foldStatus: 'fold-status',
} as const;
