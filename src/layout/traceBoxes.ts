import type { Role, Topology, TopologyObject } from '../core/model/topology';
import type { Trace } from '../core/trace';
import { MODEL_ROLES, roleSpec } from '../roles';
import type { PositionedGraph } from './finishLayout';

/**
 * The drawn box each hop of a trace sits on: its own object's box; a pod inside a closed stack
 * sits on the stack, an object inside a closed group on the group's box. A hop without a box of its own (the ingress controller: an IngressClass,
 * not drawn, or nothing) lands where the role registry says (`RoleSpec.landing`): on the next
 * hop's box, else on a box that belongs to the hop's object (an Ingress of its class), else on
 * the first box of a role it may land on (an Ingress or a Gateway). A hop with none stays where
 * the packet was (undefined).
 */
export function hopBoxesFor(graph: PositionedGraph, topology: Topology, trace: Trace): (string | undefined)[] {
  const drawn = new Set(graph.nodes.map((n) => n.id));
  const stackOf = new Map<string, string>();
  for (const node of graph.nodes) for (const pod of node.stack?.pods ?? []) stackOf.set(pod, node.id);
  for (const node of graph.nodes) for (const held of node.folded?.holds ?? []) stackOf.set(held, node.id);
  const byId = new Map<string, TopologyObject>(topology.objects.map((o) => [o.id, o]));
  const anchors = graph.nodes.filter((n) => n.hopAnchor);
  const anchorOf = (hop: Trace['hops'][number]) =>
    anchors.find((n) => {
      const anchor = n.hopAnchor!;
      if (anchor.objectId !== hop.objectId || hop.port === undefined || anchor.port === undefined) return false;
      return hop.port >= anchor.port && hop.port <= (anchor.portEnd ?? anchor.port);
    })?.id;
  const controller = graph.nodes.find((n) => n.role === 'controller')?.id;
  const boxes = trace.hops.map((hop, index) => {
    // The ingress controller's hop (its IngressClass, or the hop before an Ingress) has a box of its own.
    const atController =
      hop.kind === 'loadbalancer' &&
      (trace.hops[index + 1]?.kind === 'ingress' || hop.objectId?.startsWith('IngressClass/') === true);
    if (controller && atController) return controller;
    const anchored = anchorOf(hop);
    if (anchored) return anchored;
    // A hop at an anchored object without a port of its own (a client on the Docker host) starts
    // where the next hop lands: at the door it is about to go through.
    const nextHop = trace.hops[index + 1];
    const nextAnchor = nextHop && nextHop.objectId === hop.objectId ? anchorOf(nextHop) : undefined;
    if (nextAnchor && hop.port === undefined) return nextAnchor;
    if (hop.objectId && drawn.has(hop.objectId)) return hop.objectId;
    if (hop.objectId && stackOf.has(hop.objectId)) return stackOf.get(hop.objectId);
    const roles = new Set(MODEL_ROLES.filter((role) => roleSpec(role).landing?.hopKind === hop.kind));
    if (roles.size === 0) return undefined;
    const next = trace.hops[index + 1]?.objectId;
    if (next && drawn.has(next)) return next;
    const hopObject = hop.objectId ? byId.get(hop.objectId) : undefined;
    const owned = topology.objects.find((o) => {
      const owns = roles.has(o.role) ? roleSpec(o.role).landing!.owns : undefined;
      return owns !== undefined && drawn.has(o.id) && owns(o, hopObject);
    });
    return owned?.id ?? graph.nodes.find((n) => roles.has(n.role as Role))?.id;
  });
  return passThroughGroups(graph, boxes);
}

/**
 * A hop on a group (a Compose network) that the packet is already inside of (the hop before sat
 * on a box in it: nginx passing to a container on its own network) goes straight on to the next
 * hop's box rather than back out to the group's edge.
 */
function passThroughGroups(graph: PositionedGraph, boxes: (string | undefined)[]): (string | undefined)[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inside = (id: string | undefined, group: string): boolean => {
    for (let at = id ? byId.get(id)?.parent : undefined, depth = 0; at && depth < 20; depth++) {
      if (at === group) return true;
      at = byId.get(at)?.parent;
    }
    return false;
  };
  return boxes.map((box, index) => {
    if (!box || !byId.get(box)?.group || index === 0) return box;
    return inside(boxes[index - 1], box) ? (boxes[index + 1] ?? box) : box;
  });
}
