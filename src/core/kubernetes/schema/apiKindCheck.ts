import { findRemovedApi, type RemovedApi } from './removedApis';
import type { KubeSchemaData } from './schemaTypes';
import { editDistance } from './validateSchema';
import { minorOf } from './versions';

/** What the API server of a version makes of an object's apiVersion and kind. */
export type ApiKindVerdict =
  /** served; `typeName` is its schema type when schemas are loaded */
  | { status: 'served'; typeName?: string }
  /** a group the API server does not ship: a CustomResourceDefinition's, not validated */
  | { status: 'custom' }
  | { status: 'removed'; removal: RemovedApi }
  /** the group is built in but not at this version, or it does not serve this kind */
  | { status: 'unknown-version' | 'unknown-kind'; suggestion?: { apiVersion: string; kind: string } };

/** The group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Checks apiVersion and kind against the removed-API table and, when loaded, the version's schemas. */
export function checkApiKind(
  apiVersion: string,
  kind: string,
  version: string,
  schemas: KubeSchemaData | undefined,
): ApiKindVerdict {
  const removal = findRemovedApi(apiVersion, kind, minorOf(version));
  if (removal) return { status: 'removed', removal };
  if (!schemas || apiVersion === '') return { status: 'served' };
  const served = schemas.kinds[apiVersion];
  const typeName = served?.[kind];
  if (typeName) return { status: 'served', typeName };

  const group = groupOf(apiVersion);
  const builtInGroups = new Set([...Object.keys(schemas.kinds).map(groupOf), 'extensions']);
  if (!builtInGroups.has(group)) return { status: 'custom' };

  const status = served ? 'unknown-kind' : 'unknown-version';
  // The same kind at another apiVersion (`v1` + Deployment → apps/v1), the stable one first.
  const elsewhere = servingVersions(schemas, kind);
  if (elsewhere.length > 0) return { status, suggestion: { apiVersion: elsewhere[0]!, kind } };
  // A near miss of a kind (`Deployments`, `deployment`) in this apiVersion, else anywhere.
  const near = nearestKind(kind, served ? [apiVersion] : Object.keys(schemas.kinds), schemas);
  return near ? { status, suggestion: near } : { status };
}

/** The apiVersions that serve a kind, stable (`v1`, `v2`) before beta and alpha. */
function servingVersions(schemas: KubeSchemaData, kind: string): string[] {
  const rank = (apiVersion: string) => (/alpha/.test(apiVersion) ? 2 : /beta/.test(apiVersion) ? 1 : 0);
  return Object.keys(schemas.kinds)
    .filter((apiVersion) => schemas.kinds[apiVersion]![kind] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || b.localeCompare(a));
}

function nearestKind(
  kind: string,
  apiVersions: readonly string[],
  schemas: KubeSchemaData,
): { apiVersion: string; kind: string } | undefined {
  const lower = kind.toLowerCase();
  let best: { apiVersion: string; kind: string; distance: number } | undefined;
  for (const apiVersion of apiVersions) {
    for (const candidate of Object.keys(schemas.kinds[apiVersion] ?? {})) {
      const distance = editDistance(lower, candidate.toLowerCase());
      if (distance <= 2 && (!best || distance < best.distance)) best = { apiVersion, kind: candidate, distance };
    }
  }
  if (!best) return undefined;
  const stable = servingVersions(schemas, best.kind)[0] ?? best.apiVersion;
  return { apiVersion: apiVersions.length === 1 ? best.apiVersion : stable, kind: best.kind };
}
