import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { traceRequest, type Trace } from '../core/trace';
import type { PositionedGraph } from '../layout/finishLayout';
import { layoutLayered } from '../layout/layered/layeredLayout';
import { buildViewGraph } from '../layout/viewGraph';
import type { Theme } from '../roles';
import { exportAnimatedSvg, exportSvg, type ExportSource } from './exports';

/**
 * Files → picture, the whole pipeline of `portolan render`: analyze, view, lay out (the own
 * layered engine, synchronous, so this needs no worker), trace, draw.
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
export function renderFiles(files: readonly SourceFile[], options: RenderFilesOptions = {}): RenderFilesResult {
  const analysis = analyze(files, options.analyze ?? {});
  const graph = layoutLayered(buildViewGraph(analysis.topology, analysis.diagnostics));
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
