import { k8sObjectId, type ObjectId } from '../model/ids';
import type {
  ConfigObj,
  EndpointsObj,
  GatewayObj,
  HTTPRouteObj,
  IngressClassObj,
  NodeObj,
  PodObj,
  ServiceObj,
  TopologyObject,
} from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import type { IngressEntry } from './ingress';
import type { WorkloadEntry } from './workloads';

/** An object read from the files, with the document it came from (for diagnostics). */
export type Sourced<T> = { doc: ParsedDocument; object: T };

/** Everything read from the files, sorted by concern, plus one lookup by id; built once per analysis. */
export type Catalog = {
  byId: Map<ObjectId, TopologyObject>;
  workloads: WorkloadEntry[];
  services: Sourced<ServiceObj>[];
  endpoints: EndpointsObj[];
  ingresses: (Sourced<IngressEntry['object']> & { backends: IngressEntry['backends'] })[];
  ingressClasses: IngressClassObj[];
  gateways: Sourced<GatewayObj>[];
  httpRoutes: Sourced<HTTPRouteObj>[];
  configs: ConfigObj[];
  /** namespaces that appear anywhere (as Namespace objects or as an object's namespace) */
  namespaces: Set<string>;
  nodes: NodeObj[];
  /** simulated pods of the workloads, and bare Pods */
  pods: PodObj[];
};

/** An empty catalog. */
export function emptyCatalog(): Catalog {
  return {
    byId: new Map(),
    workloads: [],
    services: [],
    endpoints: [],
    ingresses: [],
    ingressClasses: [],
    gateways: [],
    httpRoutes: [],
    configs: [],
    namespaces: new Set(),
    nodes: [],
    pods: [],
  };
}

/** The object of a kind, namespace and name, when the files have it. */
export function lookup<T extends TopologyObject = TopologyObject>(
  catalog: Catalog,
  kind: string,
  namespace: string | undefined,
  name: string,
): T | undefined {
  return catalog.byId.get(k8sObjectId(kind, namespace, name)) as T | undefined;
}

/** The namespaces in which an object of this kind and name exists (for "it is in namespace X" hints). */
export function namespacesHolding(catalog: Catalog, kind: string, name: string): string[] {
  const found: string[] = [];
  for (const object of catalog.byId.values()) {
    if (object.kind === kind && object.name === name && object.namespace !== undefined) found.push(object.namespace);
  }
  return found.sort();
}
