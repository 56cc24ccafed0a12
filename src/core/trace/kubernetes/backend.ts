import type { ObjectId } from '../../model/ids';
import { findServicePort } from '../../kubernetes/ports';
import { fail, succeed } from '../context';
import { type KubeContext } from './kubeContext';
import { findService, followService, type TrafficSource } from './serviceResolve';
import type { Hop, Trace } from '../types';

/** The `external` hop of an ExternalName Service: DNS answers with a CNAME and the request leaves the cluster. */
export function externalNameHop(
  serviceName: string,
  externalName: string,
  objectId: ObjectId,
  port: number | undefined,
): Hop {
  // A CNAME carries no port: the client dials the external name on the port it asked for.
  const on = port !== undefined ? `:${port}` : '';
  return {
    kind: 'external',
    name: externalName,
    ...(port !== undefined ? { port } : {}),
    detail: `ExternalName ${serviceName} → CNAME ${externalName}${on}`,
    caption: `Service ${serviceName} is an ExternalName: cluster DNS answers with a CNAME to ${externalName}, and the request leaves the cluster to ${externalName}${on} (no kube-proxy, no pods, no port mapping)`,
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
    // Gateway API: a rule whose backend does not exist answers 500 (HTTPRoute ResolvedRefs
    // BackendNotFound); ingress-nginx answers 503.
    const status = referrer.what.startsWith('HTTPRoute') ? 500 : 503;
    const reason = status === 500 ? '500 Internal Server Error (HTTPRoute BackendNotFound)' : '503 Service Unavailable';
    return fail(
      hops,
      'TRACE-SERVICE-NOT-FOUND',
      `${reason}: ${referrer.what} sends this request to Service ${ref.name}, but namespace ${ref.namespace} has no Service of that name in these files. Add it, or fix the backend's service name (it is looked up in the ${referrer.what.split(' ')[0]}'s namespace).`,
      { object: referrer.id, status },
    );
  }
  if (service.serviceType === 'ExternalName' && service.externalName) {
    const port =
      ref.port.number ?? (ref.port.name !== undefined ? findServicePort(service, ref.port)?.port : undefined);
    return succeed([...hops, externalNameHop(service.name, service.externalName, service.id, port)]);
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
