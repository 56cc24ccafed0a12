import type { Diagnostic } from '../core/model/diagnostics';
import type { ComposeContainerObj, Topology, TopologyEdge, TopologyObject } from '../core/model/topology';
import { bindingAddress, bindingTarget, gatheringOf, type ViewContext } from '../roles';
import type { ViewEdge, ViewGraph, ViewNode } from './viewGraph';
import { countProblems, groupNode, orderParentsFirst, toViewNode, TRAFFIC_EDGES, viewOnlyBox } from './viewNodes';

/**
 * The Compose view: the Internet, then the Docker host with a door on its edge for each
 * published port, the networks as areas holding their containers, and the named volumes.
 *
 * A container on several networks is drawn once, in the first network it joins (in the order of
 * its `networks:`); each other network holds a small membership box for it (`member:…`), with
 * the names it answers to there, joined to it by a dashed line. A box has one parent in React
 * Flow and in ELK, and a membership box keeps both areas honest without a box that spans them.
 */
export function buildComposeView(topology: Topology, diagnostics: readonly Diagnostic[]): ViewGraph {
  const context: ViewContext = { world: 'compose', application: false, showConfig: false, controlPlane: 'hidden' };
  const problems = countProblems(diagnostics);
  const host = topology.objects.find((o) => o.role === 'host');
  const hostId = host?.id;
  const byId = new Map<string, TopologyObject>(topology.objects.map((o) => [o.id, o]));
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  const internet = topology.objects.find((o) => o.role === 'internet');

  for (const object of topology.objects) {
    if (object.role === 'container') continue; // placed below, once their networks are known
    nodes.push(toViewNode(object, object.parent, problems.get(object.id), context));
  }

  const volumes = gatheringOf('volume');
  if (hostId && volumes && topology.objects.some((o) => o.role === 'volume')) {
    nodes.push(groupNode(volumes.id, volumes.title, volumes.subtitle, hostId));
    for (const node of nodes) if (node.role === 'volume') node.parent = volumes.id;
  }

  for (const container of topology.objects) {
    if (container.role !== 'container') continue;
    const [first, ...others] = drawnNetworks(container, byId);
    nodes.push(toViewNode(container, first?.network ?? hostId, problems.get(container.id), context));
    for (const other of others) {
      const id = `member:${container.id}:${other.network}`;
      nodes.push(
        viewOnlyBox({
          id,
          role: 'membership',
          kind: 'Container',
          objectId: container.id,
          title: container.name,
          subtitle: `also on this network`,
          lines: other.aliases.map((alias) => `as ${alias}`),
          parent: other.network,
        }),
      );
      edges.push({ id: `attached:${id}`, source: id, target: container.id, kind: 'attached', dashed: true });
    }
    container.published.forEach((binding, index) => {
      if (!hostId) return;
      const id = `door:${container.id}:${index}`;
      nodes.push({
        ...viewOnlyBox({
          id,
          role: 'door',
          kind: 'Published port',
          // A door opens its container: clicking it shows the container and its `ports:` line.
          objectId: container.id,
          title: bindingAddress(binding),
          subtitle: bindingTarget(container.name, binding),
          lines: binding.localOnly ? ['local only: not from outside'] : [],
          parent: hostId,
        }),
        hopAnchor: {
          objectId: hostId,
          ...(binding.published !== undefined ? { port: binding.published } : {}),
          ...(binding.publishedEnd !== undefined ? { portEnd: binding.publishedEnd } : {}),
        },
      });
      // A binding on a loopback address is a door only the host itself opens: no way in from outside.
      if (internet && !binding.localOnly)
        edges.push({
          id: `routes:${internet.id}->${id}`,
          source: internet.id,
          target: id,
          kind: 'routes',
          dashed: false,
        });
      edges.push({
        id: `routes:${id}->${container.id}`,
        source: id,
        target: container.id,
        kind: 'routes',
        dashed: false,
      });
    });
  }

  const drawn = new Set(nodes.map((n) => n.id));
  // Between two containers, what one needs of the other (talks to it, waits for it, links to it)
  // is one dashed arrow with one label: parallel arrows would stack their labels on each other.
  const needs = new Map<
    string,
    { source: string; target: string; kind: TopologyEdge['kind']; labels: { rank: number; text: string }[] }
  >();
  for (const edge of topology.edges) {
    // Containment draws attachment; the doors draw the way in from the Internet.
    if (edge.kind === 'attached' || (edge.kind === 'routes' && edge.to === hostId)) continue;
    if (!drawn.has(edge.from) || !drawn.has(edge.to) || edge.from === edge.to) continue;
    if (NEEDS.has(edge.kind)) {
      const key = `${edge.from}->${edge.to}`;
      const need = needs.get(key) ?? { source: edge.from, target: edge.to, kind: edge.kind, labels: [] };
      if (NEEDS_ORDER.indexOf(edge.kind) < NEEDS_ORDER.indexOf(need.kind)) need.kind = edge.kind;
      const text = needLabel(edge);
      if (text && !need.labels.some((l) => l.text === text))
        need.labels.push({ rank: NEEDS_ORDER.indexOf(edge.kind), text });
      needs.set(key, need);
      continue;
    }
    edges.push({
      id: `${edge.kind}:${edge.from}->${edge.to}`,
      source: edge.from,
      target: edge.to,
      kind: edge.kind,
      ...(edge.label ? { label: edge.label } : {}),
      dashed: !TRAFFIC_EDGES.has(edge.kind),
    });
  }
  for (const need of needs.values()) {
    // A connection read from an env variable says it all; one read from the command adds nothing.
    if (need.labels.some((l) => l.rank === 0 && l.text !== 'command'))
      need.labels = need.labels.filter((l) => l.text !== 'command');
    edges.push({
      id: `${need.kind}:${need.source}->${need.target}`,
      source: need.source,
      target: need.target,
      kind: need.kind,
      ...(need.labels.length
        ? {
            label: [...need.labels]
              .sort((a, b) => a.rank - b.rank)
              .map((l) => l.text)
              .join(' · '),
          }
        : {}),
      dashed: true,
      // A dependency reads left to right (api, then its database): let it place the boxes.
      shapesLayout: true,
    });
  }
  return { nodes: orderParentsFirst(nodes), edges: uniqueEdges(edges) };
}

// The first kind of a pair names the arrow: talking to a service says more than waiting for it.
const NEEDS_ORDER: readonly TopologyEdge['kind'][] = ['talks-to', 'depends-on', 'links'];
const NEEDS: ReadonlySet<TopologyEdge['kind']> = new Set(NEEDS_ORDER);

const CONDITIONS: Readonly<Record<string, string>> = {
  service_started: 'starts after it',
  service_healthy: 'waits until healthy',
  service_completed_successfully: 'runs after it',
};

/** What a dependency arrow says: the env variable it was read from, the wait, the link alias. */
function needLabel(edge: TopologyEdge): string | undefined {
  if (edge.kind === 'depends-on') return CONDITIONS[edge.label ?? ''] ?? edge.label ?? 'depends on it';
  if (edge.kind === 'links') return edge.label ? `link as ${edge.label}` : 'link';
  return edge.label;
}

/** The networks of a container that are drawn, in its own order (`network_mode` has none). */
function drawnNetworks(
  container: ComposeContainerObj,
  byId: ReadonlyMap<string, TopologyObject>,
): ComposeContainerObj['networks'] {
  return container.networks.filter((n) => byId.get(n.network)?.role === 'network');
}

function uniqueEdges(edges: ViewEdge[]): ViewEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => !seen.has(e.id) && !!seen.add(e.id));
}
