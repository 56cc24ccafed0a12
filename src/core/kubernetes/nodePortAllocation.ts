import type { ServiceObj } from '../model/topology';
import type { Sourced } from './catalog';
import { describeObject, type Reporter } from './report';
import { NODE_PORT_RANGE } from './services';

/**
 * Gives every NodePort/LoadBalancer Service port that names no nodePort one from the range, as
 * the API server would. The cluster picks at random; we pick deterministically (a hash of the
 * Service and port, then the next free port) so the picture and a traced URL stay stable.
 * When the range is used up, the port gets none and an error says so, as the API server refuses it.
 */
export function allocateNodePorts(services: readonly Sourced<ServiceObj>[], report: Reporter): void {
  const taken = new Set<number>();
  for (const { object } of services)
    for (const port of object.servicePorts) if (port.nodePort) taken.add(port.nodePort);
  const size = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
  let used = [...taken].filter((p) => p >= NODE_PORT_RANGE.min && p <= NODE_PORT_RANGE.max).length;
  for (const { object: service, doc } of services) {
    if (service.serviceType !== 'NodePort' && service.serviceType !== 'LoadBalancer') continue;
    service.servicePorts.forEach((port, index) => {
      if (port.nodePort !== undefined) return;
      // The probe below ends because a free port exists: it is bounded by the range's size.
      if (used >= size) {
        report(
          doc,
          ['spec', 'ports', index],
          'error',
          'K8S-NODEPORT-EXHAUSTED',
          `${describeObject('Service', service.namespace, service.name)} needs a nodePort, but all ${size} ports of ` +
            `${NODE_PORT_RANGE.min}–${NODE_PORT_RANGE.max} are taken; the API server refuses it ("provided port is ` +
            'already allocated"). Use ClusterIP for Services reached only inside the cluster.',
          service.id,
        );
        return;
      }
      let candidate = NODE_PORT_RANGE.min + (hash(`${service.namespace}/${service.name}/${port.name ?? index}`) % size);
      for (let probes = 0; taken.has(candidate) && probes < size; probes++) {
        candidate = candidate === NODE_PORT_RANGE.max ? NODE_PORT_RANGE.min : candidate + 1;
      }
      taken.add(candidate);
      used++;
      port.nodePort = candidate;
      port.nodePortAllocated = true;
    });
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
