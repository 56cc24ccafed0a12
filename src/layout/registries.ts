import type { ObjectId } from '../core/model/ids';
import type { Topology } from '../core/model/topology';

/** One registry and the images of the files that come from it. */
export type Registry = {
  host: string;
  images: string[];
  /** worker nodes whose container runtime pulls from it */
  nodes: ObjectId[];
};

/**
 * The registry an image reference is pulled from, as container runtimes read it: the first
 * path part when it looks like a host (has a dot or a port, or is localhost), else Docker Hub.
 */
export function registryOf(image: string): string {
  const slash = image.indexOf('/');
  if (slash === -1) return 'docker.io';
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : 'docker.io';
}

/** The registries the pods of a topology pull from, with the nodes that pull, in a stable order. */
export function registriesOf(topology: Topology): Registry[] {
  const byHost = new Map<string, { images: Set<string>; nodes: Set<ObjectId> }>();
  for (const object of topology.objects) {
    if (object.role !== 'pod') continue;
    for (const container of [...object.template.initContainers, ...object.template.containers]) {
      if (!container.image) continue;
      const host = registryOf(container.image);
      const entry = byHost.get(host) ?? { images: new Set(), nodes: new Set() };
      entry.images.add(container.image);
      if (object.node) entry.nodes.add(object.node);
      byHost.set(host, entry);
    }
  }
  return [...byHost.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([host, { images, nodes }]) => ({ host, images: [...images].sort(), nodes: [...nodes].sort() }));
}
