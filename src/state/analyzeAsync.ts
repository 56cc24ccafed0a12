import type { AnalyzeOptions } from '../core/analyze';
import type { Diagnostic } from '../core/model/diagnostics';
import type { SourceFile } from '../core/model/source';
import type { Topology } from '../core/model/topology';
import { workerClient, type WorkerFunction } from '../workers/workerClient';

export type AnalysisResult = { topology: Topology; diagnostics: Diagnostic[] };
export type AnalysisRequest = { files: SourceFile[]; options: AnalyzeOptions };

// Where no worker can start, the main thread keeps an analyzer of its own (with its parse cache).
// It is imported only then: the page's first chunk carries neither the YAML parser nor the core.
let mainThreadAnalyzer: Promise<(request: AnalysisRequest) => Promise<AnalysisResult>> | undefined;

async function loadMainThreadAnalyzer(): Promise<(request: AnalysisRequest) => Promise<AnalysisResult>> {
  const [{ createAnalyzer }, { analyzeWithSchemas }] = await Promise.all([
    import('../core/analyze'),
    import('./analyzeWithSchemas'),
  ]);
  const analyzer = createAnalyzer();
  return async ({ files, options }) => {
    const { topology, diagnostics } = await analyzeWithSchemas(analyzer.analyze, files, options);
    return { topology, diagnostics };
  };
}

/** An analysis still running after this long is stopped (its worker ended), so nothing hangs. */
export const ANALYSIS_BUDGET_MS = 10_000;

/**
 * Files → topology and diagnostics, off the main thread so typing in a big workspace never
 * waits. Only the newest text counts: a newer edit drops older analyses that have not started,
 * and stops one that has already run a second.
 */
export const analyzeAsync: WorkerFunction<AnalysisRequest, AnalysisResult> = workerClient(
  () => new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module' }),
  async (request) => {
    mainThreadAnalyzer ??= loadMainThreadAnalyzer();
    return (await mainThreadAnalyzer)(request);
  },
  { budgetMs: ANALYSIS_BUDGET_MS, supersedeAfterMs: 1000, latestOnly: true },
);
