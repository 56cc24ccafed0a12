import { createAnalyzer, type AnalyzeOptions } from '../core/analyze';
import type { Diagnostic } from '../core/model/diagnostics';
import type { SourceFile } from '../core/model/source';
import type { Topology } from '../core/model/topology';
import { workerClient } from '../workers/workerClient';
import { analyzeWithSchemas } from './analyzeWithSchemas';

export type AnalysisResult = { topology: Topology; diagnostics: Diagnostic[] };
type AnalysisRequest = { files: SourceFile[]; options: AnalyzeOptions };

// Where no worker can start, the main thread keeps an analyzer of its own (with its parse cache).
let mainThreadAnalyzer: ReturnType<typeof createAnalyzer> | undefined;

/** An analysis still running after this long is stopped (its worker ended), so nothing hangs. */
export const ANALYSIS_BUDGET_MS = 10_000;

/**
 * Files → topology and diagnostics, off the main thread so typing in a big workspace never
 * waits. A newer edit stops an analysis that has already run a second: only the newest text counts.
 */
export const analyzeAsync: (request: AnalysisRequest) => Promise<AnalysisResult> = workerClient(
  () => new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module' }),
  async ({ files, options }) => {
    mainThreadAnalyzer ??= createAnalyzer();
    const { topology, diagnostics } = await analyzeWithSchemas(mainThreadAnalyzer.analyze, files, options);
    return { topology, diagnostics };
  },
  { budgetMs: ANALYSIS_BUDGET_MS, supersedeAfterMs: 1000 },
);
