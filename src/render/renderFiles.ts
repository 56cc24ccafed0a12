import type { ELK } from 'elkjs/lib/elk-api';
import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { traceRequest, type Trace } from '../core/trace';
import { layoutWithElk, type PositionedGraph } from '../layout/elkLayout';
import { hopBoxesFor } from '../layout/traceBoxes';
import { buildViewGraph } from '../layout/viewGraph';
import type { Theme } from '../roles';
import { renderSvg } from './svg';

/**
 * Files → SVG, the whole pipeline of `portolan render`: analyze, view, lay out (with the ELK
 * instance the caller made, so this stays free of Node and of workers), trace, draw.
 */

export type RenderFilesOptions = {
  /** passed to analyze (`kubeVersion`, `kubeSchemas`, …); `nodes` below wins */
  analyze?: AnalyzeOptions;
  /** simulated worker nodes (default 3) */
  nodes?: number;
  theme?: Theme;
  /** a URL to trace and animate */
  traceUrl?: string;
  /** the client inside the cluster (`--from`) */
  traceFrom?: string;
};

export type RenderFilesResult = {
  svg: string;
  analysis: Analysis;
  graph: PositionedGraph;
  trace?: Trace;
};

/** Renders files as an SVG picture, animated with a trace when `traceUrl` is given. */
export async function renderFiles(
  elk: ELK,
  files: readonly SourceFile[],
  options: RenderFilesOptions = {},
): Promise<RenderFilesResult> {
  const analysis = analyze(files, {
    ...options.analyze,
    ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
  });
  const graph = await layoutWithElk(elk, buildViewGraph(analysis.topology, analysis.diagnostics));
  const theme = options.theme ?? 'light';
  if (!options.traceUrl) {
    return { svg: renderSvg(graph, { theme }), analysis, graph };
  }
  const trace = traceRequest(analysis.topology, {
    url: options.traceUrl,
    ...(options.traceFrom ? { from: options.traceFrom } : {}),
  });
  const hopBoxes = hopBoxesFor(graph, analysis.topology, trace);
  const title = `Portolan: a request to ${options.traceUrl}${options.traceFrom ? ` from ${options.traceFrom}` : ''}, hop by hop`;
  return { svg: renderSvg(graph, { theme, title, trace: { trace, hopBoxes } }), analysis, graph, trace };
}
