import { createAnalyzer, type AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { serveRequests } from '../workers/workerClient';
import { analyzeWithSchemas } from './analyzeWithSchemas';

// The worker's own analyzer keeps its parse cache between requests: only changed documents are parsed again.
const analyzer = createAnalyzer();

serveRequests(async ({ files, options }: { files: SourceFile[]; options: AnalyzeOptions }) => {
  const { topology, diagnostics } = await analyzeWithSchemas(analyzer.analyze, files, options);
  return { topology, diagnostics };
});
