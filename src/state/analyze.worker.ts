import { createAnalyzer, type AnalyzeOptions } from '../core/analyze';
import { loadKubeSchemas } from '../core/kubernetes/schema/loadKubeSchemas';
import { DEFAULT_KUBE_VERSION } from '../core/kubernetes/schema/versions';
import type { SourceFile } from '../core/model/source';
import { serveRequests } from '../workers/workerClient';
import { analyzeWithSchemas } from './analyzeWithSchemas';

// The worker's own analyzer keeps its parse cache between requests: only changed documents are parsed again.
const analyzer = createAnalyzer();

// The default version's schemas are fetched as the worker boots, before the first text arrives:
// the first analysis of a Kubernetes workspace does not wait for them.
void loadKubeSchemas(DEFAULT_KUBE_VERSION).catch(() => {});

serveRequests(async ({ files, options }: { files: SourceFile[]; options: AnalyzeOptions }) => {
  const { topology, diagnostics } = await analyzeWithSchemas(analyzer.analyze, files, options);
  return { topology, diagnostics };
});
