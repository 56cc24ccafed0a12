import type { ObjectId } from '../model/ids';
import {
  objectsOfRole,
  type GatewayObj,
  type HTTPRouteObj,
  type IngressClassObj,
  type IngressObj,
  type LabelMap,
  type NetworkPolicyObj,
  type NodeObj,
  type PodObj,
  type ServiceObj,
  type Topology,
  type TopologyObject,
  type WorkloadObj,
} from '../model/topology';
import { namespaceLabels } from './networkPolicy';
import type { Hop, Trace, TraceFailure, TraceFailureCode, TraceRequest } from './types';

/** What the Kubernetes tracer looks things up in: the topology's objects by role, built once per trace. */
export type KubeContext = {
  objects: readonly TopologyObject[];
  byId: Map<ObjectId, TopologyObject>;
  services: ServiceObj[];
  pods: PodObj[];
  workloads: WorkloadObj[];
  nodes: NodeObj[];
  ingresses: IngressObj[];
  ingressClasses: IngressClassObj[];
  gateways: GatewayObj[];
  httpRoutes: HTTPRouteObj[];
  policies: NetworkPolicyObj[];
  requestIndex: number;
  method: string;
  headers: Record<string, string>;
  labelsOfNamespace: (namespace: string) => LabelMap;
};

/** Builds the lookups for one trace. */
export function kubeContext(topology: Topology, request: TraceRequest): KubeContext {
  const labelCache = new Map<string, LabelMap>();
  return {
    objects: topology.objects,
    byId: new Map(topology.objects.map((o) => [o.id, o])),
    services: objectsOfRole(topology, 'service'),
    pods: objectsOfRole(topology, 'pod'),
    workloads: objectsOfRole(topology, 'workload'),
    nodes: objectsOfRole(topology, 'node'),
    ingresses: objectsOfRole(topology, 'ingress'),
    ingressClasses: objectsOfRole(topology, 'ingressClass'),
    gateways: objectsOfRole(topology, 'gateway'),
    httpRoutes: objectsOfRole(topology, 'httpRoute'),
    policies: objectsOfRole(topology, 'networkPolicy'),
    requestIndex: Math.max(0, Math.floor(request.requestIndex ?? 0)),
    method: (request.method ?? 'GET').toUpperCase(),
    headers: Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    labelsOfNamespace: (namespace) => {
      let labels = labelCache.get(namespace);
      if (!labels) labelCache.set(namespace, (labels = namespaceLabels(topology.objects, namespace)));
      return labels;
    },
  };
}

/** The namespace of an object, `default` when unset. */
export function namespaceOf(object: { namespace?: string }): string {
  return object.namespace ?? 'default';
}

/** Ends a trace successfully. */
export function succeed(hops: Hop[]): Trace {
  return { ok: true, hops };
}

/**
 * Ends a trace with a failure. The last hop is marked failed (or `failedHop` is appended first)
 * so the canvas can paint where the request stopped.
 */
export function fail(
  hops: Hop[],
  code: TraceFailureCode,
  message: string,
  extra: { object?: ObjectId; status?: number; failedHop?: Hop } = {},
): Trace {
  const all = extra.failedHop ? [...hops, extra.failedHop] : [...hops];
  const last = all[all.length - 1];
  if (last) all[all.length - 1] = { ...last, failed: true };
  const failure: TraceFailure = {
    code,
    message,
    ...(extra.object ? { object: extra.object } : {}),
    ...(extra.status !== undefined ? { status: extra.status } : {}),
  };
  return { ok: false, hops: all, failure };
}
