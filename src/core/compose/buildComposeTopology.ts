import type { Diagnostic } from '../model/diagnostics';
import { objectId } from '../model/ids';
import type { Topology } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';

/** Compose documents → Topology. (Placeholder: one host with one box per service until the Compose model lands.) */
export function buildComposeTopology(documents: readonly ParsedDocument[]): {
  topology: Topology;
  diagnostics: Diagnostic[];
} {
  const host = objectId('host');
  const objects: Topology['objects'] = [{ id: host, role: 'host', kind: 'Host', name: 'host' }];
  for (const doc of documents) {
    const services = doc.value.services as Record<string, unknown>;
    for (const name of Object.keys(services)) {
      objects.push({
        id: objectId(`container:${name}`),
        role: 'generic',
        kind: 'Container',
        name,
        parent: host,
        source: doc.locate(['services', name], 'key'),
      });
    }
  }
  return { topology: { world: 'compose', objects, edges: [] }, diagnostics: [] };
}
