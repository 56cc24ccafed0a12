import type { ObjectId } from '../model/ids';
import type { ConfigObj } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import type { ObjectMeta } from './metadata';
import { asRecord } from './read';

export type ConfigKind = ConfigObj['kind'];
const CONFIG_KINDS: readonly ConfigKind[] = [
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'ServiceAccount',
];

/** True for kinds read by `readConfigObject`. */
export function isConfigKind(kind: string): kind is ConfigKind {
  return (CONFIG_KINDS as readonly string[]).includes(kind);
}

/** Reads a ConfigMap, Secret, PVC, PV or ServiceAccount; for data objects, the keys only — values never leave here. */
export function readConfigObject(
  doc: ParsedDocument,
  meta: ObjectMeta,
  kind: ConfigKind,
  id: ObjectId,
  name: string,
): ConfigObj {
  const fields = kind === 'ConfigMap' ? ['data', 'binaryData'] : kind === 'Secret' ? ['data', 'stringData'] : [];
  const keys = new Set<string>();
  for (const field of fields) for (const key of Object.keys(asRecord(doc.value[field]) ?? {})) keys.add(key);
  return {
    id,
    role: 'config',
    kind,
    name,
    ...(meta.namespace !== undefined ? { namespace: meta.namespace } : {}),
    labels: meta.labels,
    source: doc.span,
    keys: [...keys].sort(),
  };
}
