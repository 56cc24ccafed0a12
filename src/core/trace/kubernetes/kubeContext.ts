import type { ObjectId } from '../../model/ids';
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
} from '../../model/topology';
import { namespaceLabels } from './networkPolicy';
import type { TraceRequest } from '../types';

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
