import { analyze, type AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { serveRequests } from '../workers/workerClient';

// The parse cache lives here, between requests: only changed documents are parsed again.
serveRequests(({ files, options }: { files: SourceFile[]; options: AnalyzeOptions }) => {
  const { topology, diagnostics } = analyze(files, options);
  return { topology, diagnostics };
});
