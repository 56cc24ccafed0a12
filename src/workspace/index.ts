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
export { redactSecrets, secretCount, REDACTED, type RedactionResult } from './redactSecrets';
export { mergeFiles, type MergedFiles } from './mergeWorkspace';
