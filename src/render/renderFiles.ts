import type { ELK } from 'elkjs/lib/elk-api';
import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { traceRequest, type Trace } from '../core/trace';
import { layoutWithElk, type PositionedGraph } from '../layout/elkLayout';
import { buildViewGraph } from '../layout/viewGraph';
import type { Theme } from '../roles';
import { exportAnimatedSvg, exportSvg, type ExportSource } from './exports';

/**
 * Files → picture, the whole pipeline of `portolan render`: analyze, view, lay out (with the ELK
 * instance the caller made, so this stays free of Node and of workers), trace, draw.
 */

export type RenderFilesOptions = {
  /** what analyze takes: simulated nodes, Kubernetes version and schemas, Compose profiles and variables */
  analyze?: AnalyzeOptions;
  theme?: Theme;
  /** a URL to trace and animate */
  traceUrl?: string;
  /** the client inside the cluster (`--from`) */
  traceFrom?: string;
};

export type RenderFilesResult = {
  /** the picture, animated when a trace was asked for */
  svg: string;
  /** what every export format is made from (see exports.ts) */
  source: ExportSource;
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
  const analysis = analyze(files, options.analyze ?? {});
  const graph = await layoutWithElk(elk, buildViewGraph(analysis.topology, analysis.diagnostics));
  const base: ExportSource = { positioned: graph, topology: analysis.topology, theme: options.theme ?? 'light' };
  if (!options.traceUrl) return { svg: exportSvg(base), source: base, analysis, graph };
  const trace = traceRequest(analysis.topology, {
    url: options.traceUrl,
    ...(options.traceFrom ? { from: options.traceFrom } : {}),
  });
  const source: ExportSource = {
    ...base,
    trace,
    traceUrl: options.traceUrl,
    ...(options.traceFrom ? { traceFrom: options.traceFrom } : {}),
  };
  return { svg: exportAnimatedSvg(source) ?? exportSvg(source), source, analysis, graph, trace };
}
