import type { ServiceObj } from '../model/topology';
import { NODE_PORT_RANGE } from './services';

/**
 * Gives every NodePort/LoadBalancer Service port that names no nodePort one from the range, as
 * the API server would. The cluster picks at random; we pick deterministically (a hash of the
 * Service and port, then the next free port) so the picture and a traced URL stay stable.
 */
export function allocateNodePorts(services: readonly ServiceObj[]): void {
  const taken = new Set<number>();
  for (const service of services) for (const port of service.servicePorts) if (port.nodePort) taken.add(port.nodePort);
  const size = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
  for (const service of services) {
    if (service.serviceType !== 'NodePort' && service.serviceType !== 'LoadBalancer') continue;
    service.servicePorts.forEach((port, index) => {
      if (port.nodePort !== undefined) return;
      let candidate = NODE_PORT_RANGE.min + (hash(`${service.namespace}/${service.name}/${port.name ?? index}`) % size);
      while (taken.has(candidate)) candidate = candidate === NODE_PORT_RANGE.max ? NODE_PORT_RANGE.min : candidate + 1;
      taken.add(candidate);
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
