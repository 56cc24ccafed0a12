import type { Diagnostic } from '../model/diagnostics';
import { k8sObjectId } from '../model/ids';
import type { Topology } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';

export type KubernetesOptions = { nodes: number };

/** Kubernetes documents → Topology. (Placeholder: every object is a generic box until the Kubernetes model lands.) */
export function buildKubernetesTopology(
  documents: readonly ParsedDocument[],
  _options: KubernetesOptions,
): { topology: Topology; diagnostics: Diagnostic[] } {
  const objects: Topology['objects'] = documents.map((doc) => {
    const kind = String(doc.value.kind);
    const metadata = (doc.value.metadata ?? {}) as Record<string, unknown>;
    const name = typeof metadata.name === 'string' ? metadata.name : `(unnamed ${kind})`;
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
    return { id: k8sObjectId(kind, namespace, name), role: 'generic', kind, name, namespace, source: doc.span };
  });
  return { topology: { world: 'kubernetes', objects, edges: [] }, diagnostics: [] };
}
