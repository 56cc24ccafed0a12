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
} from './workspace';
