import { createAnalyzer, type AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { serveRequests } from '../workers/workerClient';

// The worker's own analyzer keeps its parse cache between requests: only changed documents are parsed again.
const analyzer = createAnalyzer();

serveRequests(({ files, options }: { files: SourceFile[]; options: AnalyzeOptions }) => {
  const { topology, diagnostics } = analyzer.analyze(files, options);
  return { topology, diagnostics };
});
