import type { Topology } from '../core/model/topology';
import type { Trace } from '../core/trace/types';
import type { PositionedGraph } from '../layout/finishLayout';
import { hopBoxesFor } from '../layout/traceBoxes';
import type { Theme } from '../roles';
import { scopeFromSeed } from './exportScope';
import { renderHtml } from './html';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

/**
 * The exports of one picture, from what is on screen: the positioned graph as laid out (not a
 * fresh layout, so the places, the view and the layers are the canvas's), its topology, the
 * current trace and the theme. The app and the command line both come through here.
 */

export type ExportSource = {
  positioned: PositionedGraph;
  topology: Topology;
  theme: Theme;
  trace?: Trace | null;
  /** what was traced, for titles: the URL and the client inside (`--from`) */
  traceUrl?: string;
  traceFrom?: string;
  /**
   * Makes the ids of this export differ from every other's (the app passes something fresh per
   * export); without it they are derived from the picture, so the same input gives the same file.
   */
  idSeed?: string;
};

export type ExportFormat = 'svg' | 'animated-svg' | 'html' | 'mermaid';

const scopeOf = (source: ExportSource, kind: string) =>
  source.idSeed === undefined ? undefined : scopeFromSeed(`${kind}\u0000${source.idSeed}`);

/** The title of the picture, naming the trace when there is one. */
export function exportTitle(source: ExportSource, animated: boolean): string {
  if (!animated || !source.traceUrl) return 'Portolan: the architecture';
  const from = source.traceFrom ? ` from ${source.traceFrom}` : '';
  return `Portolan: a request to ${source.traceUrl}${from}, hop by hop`;
}

/** The static picture as a standalone SVG. */
export function exportSvg(source: ExportSource): string {
  const idPrefix = scopeOf(source, 'svg');
  return renderSvg(source.positioned, {
    theme: source.theme,
    title: exportTitle(source, false),
    ...(idPrefix ? { idPrefix } : {}),
  });
}

/** The picture with the current trace animated (CSS only); undefined without a trace. */
export function exportAnimatedSvg(source: ExportSource): string | undefined {
  const { trace } = source;
  if (!trace || trace.hops.length === 0) return undefined;
  const idPrefix = scopeOf(source, 'animated');
  return renderSvg(source.positioned, {
    theme: source.theme,
    title: exportTitle(source, true),
    trace: { trace, hopBoxes: hopBoxesFor(source.positioned, source.topology, trace) },
    ...(idPrefix ? { idPrefix } : {}),
  });
}

/**
 * The trace as one still picture (the packet where the request ends, the last caption), for a
 * PNG, which cannot animate; undefined without a trace.
 */
export function exportTraceStill(source: ExportSource): string | undefined {
  const { trace } = source;
  if (!trace || trace.hops.length === 0) return undefined;
  const idPrefix = scopeOf(source, 'still');
  return renderSvg(source.positioned, {
    theme: source.theme,
    title: exportTitle(source, true),
    trace: { trace, hopBoxes: hopBoxesFor(source.positioned, source.topology, trace) },
    still: true,
    ...(idPrefix ? { idPrefix } : {}),
  });
}

/** One self-contained HTML file: the picture, and the animated trace with its hops when there is one. */
export function exportHtml(source: ExportSource): string {
  const animated = exportAnimatedSvg(source);
  return renderHtml({
    title: exportTitle(source, !!animated),
    theme: source.theme,
    svg: exportSvg(source),
    ...(animated && source.trace
      ? {
          animated: {
            svg: animated,
            caption: exportTitle(source, true).replace(/^Portolan: /, ''),
            trace: source.trace,
          },
        }
      : {}),
  });
}

/** What is drawn as a Mermaid flowchart; `fenced` wraps it in a ```mermaid block for Markdown. */
export function exportMermaid(source: ExportSource, fenced = false): string {
  return renderMermaid(source.positioned, { theme: source.theme, fenced });
}
