import type { ViewMode } from '../layout/viewGraph';
import { clampNodeCount, MAX_TRACE_FIELD_LENGTH, VIEW_MODES, type ThemeChoice } from './workspace';

/**
 * What the documented URL parameters ask for, validated. A value that is missing, unknown or
 * broken is simply absent here: a hand-written URL never stops the app from opening.
 *
 * `sample=NAME` `trace=URL` `from=NAME` `theme=light|dark|system` `nodes=N` (1–20)
 * `view=infrastructure|application` `autoplay` (embed: play the trace at once); `embed` and
 * `present` choose the start mode (see startMode.ts).
 */
export type UrlParams = {
  sample?: string;
  trace?: { url: string; from: string };
  theme?: ThemeChoice;
  nodeCount?: number;
  viewMode?: ViewMode;
  autoplay: boolean;
};

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** Short names people type: `view=app`. */
const VIEW_ALIASES: ReadonlyMap<string, ViewMode> = new Map([
  ['infra', 'infrastructure'],
  ['app', 'application'],
]);
const SAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The URL parameters of `url`, validated; never throws. */
export function readUrlParams(url: string): UrlParams {
  let search: URLSearchParams;
  try {
    search = new URL(url).searchParams;
  } catch {
    return { autoplay: false };
  }
  const params: UrlParams = { autoplay: isOn(search.get('autoplay')) };

  const sample = search.get('sample')?.trim().toLowerCase();
  if (sample && SAMPLE_NAME.test(sample)) params.sample = sample;

  const trace = search.get('trace')?.trim();
  if (trace && trace.length <= MAX_TRACE_FIELD_LENGTH) {
    const from = search.get('from')?.trim() ?? '';
    params.trace = { url: trace, from: from.length <= MAX_TRACE_FIELD_LENGTH ? from : '' };
  }

  const theme = search.get('theme')?.trim().toLowerCase();
  if (theme && (THEMES as readonly string[]).includes(theme)) params.theme = theme as ThemeChoice;

  const nodes = search.get('nodes')?.trim();
  if (nodes && /^\d{1,3}$/.test(nodes)) params.nodeCount = clampNodeCount(Number(nodes));

  const view = search.get('view')?.trim().toLowerCase();
  if (view) {
    const mode =
      VIEW_ALIASES.get(view) ?? ((VIEW_MODES as readonly string[]).includes(view) ? (view as ViewMode) : undefined);
    if (mode) params.viewMode = mode;
  }
  return params;
}

/** `?autoplay`, `?autoplay=1`, `?autoplay=true` are on; `?autoplay=0` and `=false` are off. */
function isOn(value: string | null): boolean {
  return value !== null && !['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}
