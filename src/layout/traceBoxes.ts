import type { Role, Topology, TopologyObject } from '../core/model/topology';
import type { Trace } from '../core/trace';
import { MODEL_ROLES, roleSpec } from '../roles';
import type { PositionedGraph } from './elkLayout';

/**
 * The drawn box each hop of a trace sits on: its own object's box; a pod inside a closed stack
 * sits on the stack. A hop without a box of its own (the ingress controller: an IngressClass,
 * not drawn, or nothing) lands where the role registry says (`RoleSpec.landing`): on the next
 * hop's box, else on a box that belongs to the hop's object (an Ingress of its class), else on
 * the first box of a role it may land on (an Ingress or a Gateway). A hop with none stays where
 * the packet was (undefined).
 */
export function hopBoxesFor(graph: PositionedGraph, topology: Topology, trace: Trace): (string | undefined)[] {
  const drawn = new Set(graph.nodes.map((n) => n.id));
  const stackOf = new Map<string, string>();
  for (const node of graph.nodes) for (const pod of node.stack?.pods ?? []) stackOf.set(pod, node.id);
  const byId = new Map<string, TopologyObject>(topology.objects.map((o) => [o.id, o]));
  return trace.hops.map((hop, index) => {
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
}
