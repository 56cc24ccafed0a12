import type { Topology } from '../core/model/topology';
import type { Trace } from '../core/trace';
import type { PositionedGraph } from './elkLayout';

/**
 * The drawn box each hop of a trace sits on: its own object's box; a pod inside a closed stack
 * sits on the stack; the ingress controller (an IngressClass, not drawn) sits on the Ingress it
 * reads next, else an Ingress of its class, else the first Ingress or Gateway. A hop with none
 * stays where the packet was (undefined).
 */
export function hopBoxesFor(graph: PositionedGraph, topology: Topology, trace: Trace): (string | undefined)[] {
  const drawn = new Set(graph.nodes.map((n) => n.id));
  const stackOf = new Map<string, string>();
  for (const node of graph.nodes) for (const pod of node.stack?.pods ?? []) stackOf.set(pod, node.id);
  return trace.hops.map((hop, index) => {
    if (hop.objectId && drawn.has(hop.objectId)) return hop.objectId;
    if (hop.objectId && stackOf.has(hop.objectId)) return stackOf.get(hop.objectId);
    if (hop.kind !== 'loadbalancer') return undefined;
    const next = trace.hops[index + 1]?.objectId;
    if (next && drawn.has(next)) return next;
    const ingressClass = topology.objects.find((o) => o.id === hop.objectId);
    const className = ingressClass?.role === 'ingressClass' ? ingressClass.name : undefined;
    const ofClass = topology.objects.find(
      (o) => o.role === 'ingress' && drawn.has(o.id) && (!className || o.ingressClassName === className),
    );
    return ofClass?.id ?? graph.nodes.find((n) => n.role === 'ingress' || n.role === 'gateway')?.id;
  });
}
