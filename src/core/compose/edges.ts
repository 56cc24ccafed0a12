import type { ComposeContainerObj, TopologyEdge } from '../model/topology';
import { containerConnections } from './connections';
import { resolveComposeName } from './resolveName';

/** The edges between containers, networks and volumes: attached, depends-on, links, talks-to, uses, proxy routes. */
export function containerEdges(containers: readonly ComposeContainerObj[]): TopologyEdge[] {
  const edges: TopologyEdge[] = [];
  const seen = new Set<string>();
  const add = (edge: TopologyEdge) => {
    const key = `${edge.from} ${edge.to} ${edge.kind} ${edge.label ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      edges.push(edge);
    }
  };
  const byService = (service: string) => containers.filter((c) => c.service === service);
  for (const c of containers) {
    for (const net of c.networks)
      add({
        from: c.id,
        to: net.network,
        kind: 'attached',
        ...(net.aliases.length > 0 ? { label: net.aliases.join(', ') } : {}),
      });
    for (const dep of c.dependsOn)
      for (const t of byService(dep.service)) add({ from: c.id, to: t.id, kind: 'depends-on', label: dep.condition });
    for (const link of c.links)
      for (const t of byService(link.service))
        add({ from: c.id, to: t.id, kind: 'links', ...(link.alias !== link.service ? { label: link.alias } : {}) });
    for (const ref of containerConnections(c)) {
      const resolved = resolveComposeName(containers, c, ref.host);
      if (!resolved.ok) continue;
      for (const t of resolved.targets) if (t !== c) add({ from: c.id, to: t.id, kind: 'talks-to', label: ref.via });
    }
    for (const m of c.mounts) if (m.volume) add({ from: c.id, to: m.volume, kind: 'uses', label: m.target });
    for (const route of c.proxy?.routes ?? []) {
      const resolved = resolveComposeName(containers, c, route.upstreamHost);
      if (!resolved.ok) continue;
      for (const t of resolved.targets) add({ from: c.id, to: t.id, kind: 'routes', label: route.location });
    }
  }
  return edges;
}
