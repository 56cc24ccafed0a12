export { decodeWorkspace, encodeWorkspace, type DecodeResult, type EncodedWorkspace } from './codec';
export { freeName } from './fileNames';
export type { WorkspaceProblem, WorkspaceProblemCode } from './problems';
export {
  clampEditorWidth,
  clampNodeCount,
  CURRENT_WORKSPACE_VERSION,
  DEFAULT_VIEW,
  type ThemeChoice,
  type Workspace,
  type WorkspaceTrace,
  type WorkspaceView,
  type WorkspaceViewport,
} from './workspace';
export {
  decodeShareFragment,
  encodeShareFragment,
  isShareFragment,
  LONG_LINK_LENGTH,
  SHARE_FRAGMENT_PREFIX,
} from './shareLink';
export { readUrlParams, type UrlParams } from './urlParams';
// redactSecrets is not re-exported: it needs the YAML parser, and whatever this barrel exports
// lands in the page's first chunk. Import it from './redactSecrets' (the Share dialog loads lazily).
export { mergeFiles, type MergedFiles } from './mergeWorkspace';
