import type { ObjectId } from '../../model/ids';
import { findServicePort } from '../../kubernetes/ports';
import { fail, succeed } from '../context';
import { type KubeContext } from './kubeContext';
import { findService, followService, type TrafficSource } from './serviceResolve';
import type { Hop, Trace } from '../types';

/** The `external` hop of an ExternalName Service: DNS answers with a CNAME and the request leaves the cluster. */
export function externalNameHop(serviceName: string, externalName: string, objectId: ObjectId): Hop {
  return {
    kind: 'external',
    name: externalName,
    detail: `ExternalName ${serviceName} → CNAME ${externalName}`,
    caption: `Service ${serviceName} is an ExternalName: cluster DNS answers with a CNAME to ${externalName}, and the request leaves the cluster (no kube-proxy, no pods)`,
    objectId,
  };
}

/**
 * Follows an Ingress or HTTPRoute backend to its Service, looked up in `namespace` (an Ingress's
 * own; an HTTPRoute's or its backendRef's), with the port named by number or by name (Service
 * ports, not container ports).
 */
export function followBackendService(
  ctx: KubeContext,
  hops: Hop[],
  ref: { name: string; namespace: string; port: { number?: number; name?: string } },
  source: TrafficSource,
  referrer: { what: string; id: ObjectId },
): Trace {
  const service = findService(ctx, ref.name, ref.namespace);
  if (!service) {
    return fail(
      hops,
      'TRACE-SERVICE-NOT-FOUND',
      `503 Service Unavailable: ${referrer.what} sends this request to Service ${ref.name}, but namespace ${ref.namespace} has no Service of that name in these files. Add it, or fix the backend's service name (it is looked up in the ${referrer.what.split(' ')[0]}'s namespace).`,
      { object: referrer.id, status: 503 },
    );
  }
  if (service.serviceType === 'ExternalName' && service.externalName) {
    return succeed([...hops, externalNameHop(service.name, service.externalName, service.id)]);
  }
  const port = findServicePort(service, ref.port);
  if (!port) {
    const wanted =
      ref.port.number !== undefined
        ? String(ref.port.number)
        : ref.port.name !== undefined
          ? `named "${ref.port.name}"`
          : '(none given)';
    const has =
      service.servicePorts.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
    return fail(
      hops,
      'TRACE-PORT-NOT-ON-SERVICE',
      `503 Service Unavailable: ${referrer.what} asks for port ${wanted} of Service ${service.name}, which has ports ${has}. Backend ports name the Service's port (spec.ports[].port or .name), not the containerPort.`,
      { object: service.id, status: 503 },
    );
  }
  return followService(ctx, hops, service, port, source);
}
