/** The Kubernetes versions whose schemas Portolan ships (`data/<version>.json`), newest first. */
export const KUBE_VERSIONS = ['1.36', '1.34', '1.33', '1.32', '1.30'] as const;

export type KubeVersion = (typeof KUBE_VERSIONS)[number];

/** The newest stable release with schemas: what `check` validates against unless told otherwise. */
export const DEFAULT_KUBE_VERSION: KubeVersion = '1.36';

/** True when Portolan has the schemas of this `major.minor` version. */
export function isKubeVersion(version: string): version is KubeVersion {
  return (KUBE_VERSIONS as readonly string[]).includes(version);
}

/** `1.30` → 30: minor versions compare as numbers (`1.9` < `1.10`). */
export function minorOf(version: string): number {
  return Number(/^1\.(\d+)$/.exec(version)?.[1] ?? NaN);
}
