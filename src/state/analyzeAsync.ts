import { analyze, type AnalyzeOptions } from '../core/analyze';
import type { Diagnostic } from '../core/model/diagnostics';
import type { SourceFile } from '../core/model/source';
import type { Topology } from '../core/model/topology';
import { workerClient } from '../workers/workerClient';

export type AnalysisResult = { topology: Topology; diagnostics: Diagnostic[] };
type AnalysisRequest = { files: SourceFile[]; options: AnalyzeOptions };

/** Files → topology and diagnostics, off the main thread so typing in a big workspace never waits. */
export const analyzeAsync: (request: AnalysisRequest) => Promise<AnalysisResult> = workerClient(
  () => new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module' }),
  async ({ files, options }) => {
    const { topology, diagnostics } = analyze(files, options);
    return { topology, diagnostics };
  },
);
