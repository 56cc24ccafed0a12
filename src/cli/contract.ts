import type { Diagnostic } from '../core/model/diagnostics';
import type { Topology } from '../core/model/topology';

/** Diagnostics in the shape the CLI contract prints. */
export function diagnosticsJson(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map(({ severity, code, message, file, line, column }) => ({
    severity,
    code,
    message,
    file,
    line,
    column,
  }));
}

/** The Topology in the shape the CLI contract prints (`portolan graph`). */
export function topologyJson(topology: Topology) {
  return {
    kind: topology.world === 'compose' ? 'compose' : 'kubernetes',
    objects: topology.objects.map(({ id, kind, name, namespace, parent, labels, ports }) => ({
      id,
      kind,
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(parent !== undefined ? { parent } : {}),
      ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
      ...(ports && ports.length > 0 ? { ports } : {}),
    })),
    edges: topology.edges.map(({ from, to, kind }) => ({ from, to, kind })),
  };
}
