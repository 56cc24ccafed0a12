import type { Analysis, AnalyzeOptions } from '../core/analyze';
import { loadKubeSchemas } from '../core/kubernetes/schema/loadKubeSchemas';
import { DEFAULT_KUBE_VERSION, isKubeVersion } from '../core/kubernetes/schema/versions';
import type { KubeSchemaData } from '../core/kubernetes/schema/schemaTypes';
import type { SourceFile } from '../core/model/source';

/** A file that may hold Kubernetes objects: a line starting with `apiVersion:` (or its JSON key). */
const KUBERNETES_HINT = /^\s*(?:-\s*)?"?apiVersion"?\s*:/m;

/**
 * Analyses with the schemas of the chosen Kubernetes version: they are awaited first (each
 * version's chunk is fetched once; `loadKubeSchemas` keeps it), and only when a file looks like
 * Kubernetes, so a Compose workspace never fetches them. A version not offered falls back to
 * the default.
 */
export async function analyzeWithSchemas(
  analyze: (files: readonly SourceFile[], options: AnalyzeOptions) => Analysis,
  files: readonly SourceFile[],
  options: AnalyzeOptions,
  load: (version: string) => Promise<KubeSchemaData> = loadKubeSchemas,
): Promise<Analysis> {
  if (options.kubeSchemas || !files.some((f) => KUBERNETES_HINT.test(f.text))) return analyze(files, options);
  const kubeVersion =
    options.kubeVersion !== undefined && isKubeVersion(options.kubeVersion)
      ? options.kubeVersion
      : DEFAULT_KUBE_VERSION;
  const kubeSchemas = await load(kubeVersion);
  return analyze(files, { ...options, kubeVersion, kubeSchemas });
}
