/**
 * How the page was opened, read from its URL. Each mode is switched on in one place
 * (AVAILABLE_START_MODES) when it is built; until then a URL asking for it opens the workspace.
 */
export type StartMode =
  /** the user's own workspace, restored from and saved to localStorage */
  | { kind: 'workspace' }
  /** a workspace carried in the URL fragment (`#…`) or named by `?sample=`: opened in memory, never saved over local work */
  | { kind: 'link'; fragment?: string }
  /** `?embed`: the canvas alone, read-only, for a blog post; may carry a link fragment */
  | { kind: 'embed'; fragment?: string }
  /** `?present`: a trace played full screen, for a talk; may carry a link fragment */
  | { kind: 'present'; fragment?: string };

export type StartModeKind = StartMode['kind'];

/** The modes this build can start; a URL asking for another opens the workspace. */
export const AVAILABLE_START_MODES: readonly StartModeKind[] = ['workspace', 'link', 'embed', 'present'];

/** The mode a URL asks for, or the workspace when it asks for none, an unknown one or one not built yet. */
export function chooseStartMode(url: string, available: readonly StartModeKind[] = AVAILABLE_START_MODES): StartMode {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'workspace' };
  }
  const fragment = parsed.hash.slice(1);
  const asked: StartMode = parsed.searchParams.has('embed')
    ? { kind: 'embed', ...(fragment ? { fragment } : {}) }
    : parsed.searchParams.has('present')
      ? { kind: 'present', ...(fragment ? { fragment } : {}) }
      : fragment
        ? { kind: 'link', fragment }
        : parsed.searchParams.get('sample')
          ? { kind: 'link' }
          : { kind: 'workspace' };
  return available.includes(asked.kind) ? asked : { kind: 'workspace' };
}
