import { objectsOfRole, type Topology } from '../model/topology';

/** A short, checkable summary of a Compose topology (for corpus tests and the CLI's debugging). */
export function summarizeCompose(topology: Topology) {
  const containers = objectsOfRole(topology, 'container');
  return {
    containers: containers.map((c) => c.name),
    published: containers.flatMap((c) =>
      c.published
        .filter((p) => p.published !== undefined)
        .map(
          (p) =>
            `${p.hostIp ? `${p.hostIp}:` : ''}${p.published}${p.publishedEnd !== undefined ? `-${p.publishedEnd}` : ''}->${c.name}:${p.target}/${p.protocol.toLowerCase()}`,
        ),
    ),
    networks: objectsOfRole(topology, 'network').map((n) => n.name),
    dependsOn: topology.edges
      .filter((e) => e.kind === 'depends-on' || e.kind === 'links')
      .map((e) => `${e.from.replace('compose:container/', '')}->${e.to.replace('compose:container/', '')}`),
  };
}
