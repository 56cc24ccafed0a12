import type { KubeSchemaData } from './schemaTypes';
import { isKubeVersion, KUBE_VERSIONS, type KubeVersion } from './versions';

// One dynamic import per version: the bundler puts each in a chunk of its own, fetched on first
// use, and the module system keeps it (so a second load costs nothing and the core keeps no state).
const IMPORTERS: Record<KubeVersion, () => Promise<{ default: unknown }>> = {
  '1.36': () => import('./data/1.36.json'),
  '1.34': () => import('./data/1.34.json'),
  '1.33': () => import('./data/1.33.json'),
  '1.32': () => import('./data/1.32.json'),
  '1.30': () => import('./data/1.30.json'),
};

/** The schemas of one Kubernetes version, loaded lazily (pass them to analyze as `kubeSchemas`). */
export async function loadKubeSchemas(version: string): Promise<KubeSchemaData> {
  if (!isKubeVersion(version)) {
    throw new Error(`Kubernetes ${version} is not offered; choose one of ${KUBE_VERSIONS.join(', ')}.`);
  }
  return (await IMPORTERS[version]()).default as KubeSchemaData;
}
