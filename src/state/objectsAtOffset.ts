import type { Topology } from '../core/model/topology';

/**
 * The objects drawn for the YAML document under a cursor: the object itself, and for a
 * workload the pods it makes (they carry it as `origin`).
 */
export function objectsAtOffset(topology: Topology, file: string, offset: number): string[] {
  const hits = new Set<string>();
  for (const object of topology.objects) {
    const span = object.source;
    if (span && span.file === file && span.start.offset <= offset && offset <= span.end.offset) hits.add(object.id);
  }
  if (hits.size === 0) return [];
  for (const object of topology.objects) if (object.origin && hits.has(object.origin)) hits.add(object.id);
  return [...hits].sort();
}
