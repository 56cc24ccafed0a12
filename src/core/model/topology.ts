import type { ObjectId } from './ids';
import type { SourceSpan } from './source';

/**
 * The one vocabulary of Portolan: what the files describe, resolved and simulated (pods placed
 * on nodes, references followed). `parse` feeds it, `trace` and `view` read it.
 */

export type World = 'kubernetes' | 'compose' | 'empty';
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** The port shape of the CLI contract. */
export type PortSpec = { name?: string; port: number; protocol: Protocol };

export type LabelMap = Record<string, string>;

export type LabelSelectorRequirement = {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
};

/** A Kubernetes label selector; `matchLabels` and `matchExpressions` are ANDed. */
export type LabelSelector = {
  matchLabels: LabelMap;
  matchExpressions: LabelSelectorRequirement[];
};

export type EnvVar = {
  name: string;
  value?: string;
  /** `valueFrom` reference, e.g. `{kind: 'Secret', name: 'db', key: 'password', optional: false}` */
  from?: { kind: 'ConfigMap' | 'Secret' | 'Field' | 'Resource'; name?: string; key?: string; optional: boolean };
  span?: SourceSpan;
};

export type ContainerPort = {
  name?: string;
  containerPort: number;
  protocol: Protocol;
  hostPort?: number;
  /** where `containerPort:` is written (the pod template's, for a generated pod) */
  span?: SourceSpan;
};

export type Container = {
  name: string;
  image?: string;
  ports: ContainerPort[];
  env: EnvVar[];
  command: string[];
  args: string[];
  /** whole-object `envFrom` references */
  envFrom: { kind: 'ConfigMap' | 'Secret'; name: string; optional: boolean }[];
};

export type VolumeRef = {
  name: string;
  kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'Other';
  refName?: string;
  optional: boolean;
};

export type Toleration = { key?: string; operator: 'Equal' | 'Exists'; value?: string; effect?: string };

export type PodTemplate = {
  labels: LabelMap;
  containers: Container[];
  initContainers: Container[];
  nodeName?: string;
  nodeSelector: LabelMap;
  tolerations: Toleration[];
  /** required node affinity terms (ORed); each term's requirements are ANDed */
  requiredNodeAffinity: LabelSelectorRequirement[][];
  volumes: VolumeRef[];
  serviceAccountName?: string;
  hostname?: string;
  subdomain?: string;
  hostNetwork: boolean;
};

/** Why the API server would refuse an object (removed API, unknown kind): it is drawn dashed and does nothing. */
export type Rejection = { code: string; message: string };

type Base = {
  id: ObjectId;
  /** Kubernetes kind (`Pod`, `Service`, …), compose kind (`Host`, `Container`, `Network`, `Volume`), or a synthesized one (`Cluster`, `ControlPlane`, `Internet`). */
  kind: string;
  name: string;
  namespace?: string;
  /** The group it is drawn in: a pod's worker node, a node's cluster, a container's host. */
  parent?: ObjectId;
  labels?: LabelMap;
  ports?: PortSpec[];
  /** The YAML document (or item) it was read from; absent for simulated objects. */
  source?: SourceSpan;
  /** For simulated objects (pods of a Deployment), the object in the files that made them. */
  origin?: ObjectId;
  /** Set when the API server would reject it: it is not modelled (no pods, endpoints or routes). */
  rejected?: Rejection;
};

export type ClusterObj = Base & { role: 'cluster' };
export type InternetObj = Base & { role: 'internet' };
export type ControlPlaneObj = Base & { role: 'controlPlane'; components: string[] };
export type NodeObj = Base & {
  role: 'node';
  simulated: boolean;
  /** 1-based position among worker nodes */
  index: number;
  taints: { key: string; value?: string; effect: string }[];
  components: string[];
};

export type WorkloadKind =
  'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicationController' | 'Pod';

export type WorkloadObj = Base & {
  role: 'workload';
  kind: Exclude<WorkloadKind, 'Pod'>;
  replicas: number;
  selector?: LabelSelector;
  template: PodTemplate;
  /** StatefulSet's governing (headless) Service */
  serviceName?: string;
  /** From a HorizontalPodAutoscaler that targets it. */
  autoscaler?: { name: string; minReplicas: number; maxReplicas: number };
  pods: ObjectId[];
};

export type PodObj = Base & {
  role: 'pod';
  kind: 'Pod';
  template: PodTemplate;
  /** The workload that made it; absent for a bare Pod. */
  owner?: ObjectId;
  /** The worker node it is scheduled on (same as parent); absent when unschedulable. */
  node?: ObjectId;
  /** StatefulSet ordinal */
  ordinal?: number;
  /** why it could not be placed, when it could not */
  unschedulable?: string;
  /** why its containers cannot start (a missing Secret, ConfigMap or PVC): it is never a ready endpoint */
  notStarting?: string;
};

export type ServicePort = {
  name?: string;
  port: number;
  /** defaults to `port` */
  targetPort: number | string;
  nodePort?: number;
  /** the files name no nodePort: Portolan picked one in the range, as the cluster would */
  nodePortAllocated?: boolean;
  protocol: Protocol;
  span?: SourceSpan;
};

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export type ServiceObj = Base & {
  role: 'service';
  kind: 'Service';
  serviceType: ServiceType;
  /** `clusterIP: None` */
  headless: boolean;
  /** undefined: no selector (endpoints only from Endpoints/EndpointSlice objects) */
  selector?: LabelMap;
  servicePorts: ServicePort[];
  externalName?: string;
  sessionAffinity: 'None' | 'ClientIP';
  /** `Local`: a request from outside (NodePort, LoadBalancer) is served only by pods on the node it reached */
  externalTrafficPolicy?: 'Local';
  /** `Local`: a request from a pod is served only by pods on the client's node */
  internalTrafficPolicy?: 'Local';
  externalIPs: string[];
  loadBalancerIP?: string;
  /** Pods selected (or listed by Endpoints), in a stable order. */
  endpoints: ObjectId[];
};

export type EndpointsObj = Base & {
  role: 'endpoints';
  kind: 'Endpoints' | 'EndpointSlice';
  serviceName: string;
  addresses: { ip?: string; targetPod?: string }[];
  endpointPorts: { name?: string; port: number; protocol: Protocol }[];
};

export type IngressBackend = {
  service?: { name: string; port: { number?: number; name?: string } };
  resource?: { kind: string; name: string };
  span?: SourceSpan;
};

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export type IngressPath = { path: string; pathType: PathType; backend: IngressBackend; span?: SourceSpan };
export type IngressRule = { host?: string; paths: IngressPath[]; span?: SourceSpan };

export type IngressObj = Base & {
  role: 'ingress';
  kind: 'Ingress';
  ingressClassName?: string;
  rules: IngressRule[];
  defaultBackend?: IngressBackend;
  tls: { hosts: string[]; secretName?: string }[];
  /** v1beta1 `serviceName`/`servicePort` were read */
  legacy: boolean;
  /**
   * ingress-nginx's redirect annotations: `force` (`force-ssl-redirect: "true"`, even without TLS),
   * `off` (`ssl-redirect: "false"`); absent: hosts in `tls` are redirected to https.
   */
  sslRedirect?: 'force' | 'off';
};

export type IngressClassObj = Base & {
  role: 'ingressClass';
  kind: 'IngressClass';
  controller?: string;
  isDefault: boolean;
};

export type NetworkPolicyPeer = {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except: string[] };
};
export type NetworkPolicyPort = { port?: number | string; endPort?: number; protocol: Protocol };
export type NetworkPolicyRule = { peers: NetworkPolicyPeer[]; ports: NetworkPolicyPort[] };

export type NetworkPolicyObj = Base & {
  role: 'networkPolicy';
  kind: 'NetworkPolicy';
  podSelector: LabelSelector;
  policyTypes: ('Ingress' | 'Egress')[];
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
};

export type GatewayObj = Base & {
  role: 'gateway';
  kind: 'Gateway';
  gatewayClassName?: string;
  listeners: GatewayListener[];
};

/** Which routes may attach to a listener (`allowedRoutes`); absent fields take the spec's defaults. */
export type AllowedRoutes = {
  /** `Same` (the default): routes of the Gateway's namespace; `All`; `Selector`: namespaces whose labels match */
  from: 'Same' | 'All' | 'Selector';
  selector?: LabelSelector;
  /** route kinds allowed; absent: the kinds the protocol supports (HTTPRoute for HTTP/HTTPS) */
  kinds?: string[];
};

export type GatewayListener = {
  name: string;
  hostname?: string;
  port: number;
  protocol: string;
  allowedRoutes?: AllowedRoutes;
};

export type HTTPRouteMatch = {
  path?: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string };
  headers: { name: string; value: string; type: 'Exact' | 'RegularExpression' }[];
  queryParams: { name: string; value: string; type: 'Exact' | 'RegularExpression' }[];
  method?: string;
};
export type HTTPRouteBackendRef = { kind: string; name: string; namespace?: string; port?: number; weight: number };
export type HTTPRouteObj = Base & {
  role: 'httpRoute';
  kind: 'HTTPRoute';
  parentRefs: { kind: string; name: string; namespace?: string; sectionName?: string; port?: number }[];
  hostnames: string[];
  rules: { matches: HTTPRouteMatch[]; backendRefs: HTTPRouteBackendRef[]; span?: SourceSpan }[];
};

export type ConfigObj = Base & {
  role: 'config';
  kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'PersistentVolume' | 'ServiceAccount';
  /** keys of data (never values: a Secret's values never leave the parser) */
  keys: string[];
};

/** A Compose profile and whether this analysis activates it (services behind it are hidden when not). */
export type ComposeProfile = { name: string; active: boolean; services: string[] };

/** The single Docker host of a Compose project; `ports` summarises every published binding. */
export type HostObj = Base & {
  role: 'host';
  kind: 'Host';
  /** every profile the files name, for the UI's toggles */
  profiles: ComposeProfile[];
  /** services hidden because none of their profiles is active */
  inactiveServices: { service: string; profiles: string[] }[];
};

/** One published binding: `[hostIp:]published[-publishedEnd]:target/protocol`. */
export type ComposePublishedPort = {
  /** undefined: all interfaces (0.0.0.0 and ::) */
  hostIp?: string;
  /** the host port; undefined when the engine picks a free one (`"3000"`) */
  published?: number;
  /** a dynamic range `8000-9000:80`: the engine binds one free port in published…publishedEnd */
  publishedEnd?: number;
  target: number;
  protocol: Protocol;
  mode: 'ingress' | 'host';
  name?: string;
  appProtocol?: string;
  /** bound to a loopback address: reachable only from the host itself */
  localOnly: boolean;
  span?: SourceSpan;
};

/** A container's membership of a network, with the names and address it has there. */
export type ComposeNetworkAttachment = {
  network: ObjectId;
  /** the network's key in the files (`default` for the implicit one) */
  name: string;
  /** `networks.<net>.aliases`, plus `links` aliases that callers on this network use */
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  span?: SourceSpan;
};

export type ComposeDependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';
export type ComposeDependency = {
  service: string;
  condition: ComposeDependsCondition;
  required: boolean;
  restart: boolean;
  span?: SourceSpan;
};

export type ComposeMount = {
  type: 'volume' | 'bind' | 'tmpfs' | 'other';
  /** a volume name or a host path; absent for tmpfs and anonymous volumes */
  source?: string;
  target: string;
  readOnly: boolean;
  /** the top-level named volume, for `uses` edges */
  volume?: ObjectId;
  span?: SourceSpan;
};

/** A reverse-proxy route read from an nginx config: `server { listen; server_name; location { proxy_pass } }`. */
export type ComposeProxyRoute = {
  listen: number;
  serverNames: string[];
  /** the location prefix (`/`, `/api/`), or `= /x` for an exact one */
  location: string;
  exact: boolean;
  /** as written after proxy_pass, e.g. `http://client:3000` or `http://backend` (an upstream) */
  proxyPass: string;
  upstreamHost: string;
  upstreamPort: number;
  span?: SourceSpan;
};

export type ComposeContainerObj = Base & {
  role: 'container';
  kind: 'Container';
  /** compose service name */
  service: string;
  containerName?: string;
  hostname?: string;
  image?: string;
  /** the build context */
  build?: string;
  /** 1-based replica number */
  replica: number;
  replicas: number;
  published: ComposePublishedPort[];
  /** ports other containers may use: targets of `ports`, and `expose` */
  exposed: { port: number; protocol: Protocol; span?: SourceSpan }[];
  networks: ComposeNetworkAttachment[];
  networkMode?: { kind: 'host' | 'none' | 'bridge' | 'service' | 'container'; target?: string; span?: SourceSpan };
  env: EnvVar[];
  /** entrypoint then command, as words */
  command: string[];
  envFiles: string[];
  healthcheck?: { test: string; interval?: string; disabled: boolean };
  dependsOn: ComposeDependency[];
  links: { service: string; alias: string; span?: SourceSpan }[];
  mounts: ComposeMount[];
  secrets: string[];
  configs: string[];
  profiles: string[];
  restart?: string;
  /** for a reverse proxy (nginx): the routes read from a mounted config, or `known: false` */
  proxy?: { known: boolean; configFile?: string; routes: ComposeProxyRoute[] };
};
export type NetworkObj = Base & {
  role: 'network';
  kind: 'Network';
  internal: boolean;
  external: boolean;
  driver?: string;
  /** the project's implicit `default` network (not declared in the files) */
  implicit: boolean;
};
export type VolumeObj = Base & { role: 'volume'; kind: 'Volume'; external: boolean; driver?: string };

/** Any other kind (RBAC, CRDs, …): drawn as a box, never an error. */
type GenericObj = Base & { role: 'generic' };

export type TopologyObject =
  | ClusterObj
  | InternetObj
  | ControlPlaneObj
  | NodeObj
  | WorkloadObj
  | PodObj
  | ServiceObj
  | EndpointsObj
  | IngressObj
  | IngressClassObj
  | NetworkPolicyObj
  | GatewayObj
  | HTTPRouteObj
  | ConfigObj
  | HostObj
  | ComposeContainerObj
  | NetworkObj
  | VolumeObj
  | GenericObj;

export type Role = TopologyObject['role'];
export type ObjectOfRole<R extends Role> = Extract<TopologyObject, { role: R }>;

/**
 * Edge kinds, pointing the way traffic or a reference flows:
 * - `routes`: Ingress/HTTPRoute → Service; Internet → Ingress/Gateway/Service/host port
 * - `selects`: Service → Pod (one per selected pod)
 * - `talks-to`: workload/container → Service it names in env or args (inferred, dashed)
 * - `depends-on`, `links`: a dependent → its dependency (compose)
 * - `owns`: workload → its pods
 * - `uses`: pod/workload → ConfigMap, Secret, PVC, ServiceAccount
 * - `attached`: container → network (compose)
 * - `parent-ref`: HTTPRoute → Gateway
 */
export type EdgeKind =
  'routes' | 'selects' | 'talks-to' | 'depends-on' | 'links' | 'owns' | 'uses' | 'attached' | 'parent-ref';

export type TopologyEdge = {
  from: ObjectId;
  to: ObjectId;
  kind: EdgeKind;
  /** e.g. `80 → 8080`, `DB_SOURCE` */
  label?: string;
};

export type Topology = {
  world: World;
  objects: TopologyObject[];
  edges: TopologyEdge[];
};

/** Lookups built once per analysis beside the arrays. */
export type TopologyIndex = {
  byId: Map<ObjectId, TopologyObject>;
  children: Map<ObjectId, TopologyObject[]>;
  outgoing: Map<ObjectId, TopologyEdge[]>;
  incoming: Map<ObjectId, TopologyEdge[]>;
};

/** Builds the lookups of a topology. */
export function indexTopology(topology: Topology): TopologyIndex {
  const byId = new Map<ObjectId, TopologyObject>();
  const children = new Map<ObjectId, TopologyObject[]>();
  const outgoing = new Map<ObjectId, TopologyEdge[]>();
  const incoming = new Map<ObjectId, TopologyEdge[]>();
  for (const object of topology.objects) {
    byId.set(object.id, object);
    if (object.parent) pushTo(children, object.parent, object);
  }
  for (const edge of topology.edges) {
    pushTo(outgoing, edge.from, edge);
    pushTo(incoming, edge.to, edge);
  }
  return { byId, children, outgoing, incoming };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The YAML document an object was read from; for a generated pod, the one of its workload. */
export function sourceOf(index: TopologyIndex, id: string): SourceSpan | undefined {
  const object = index.byId.get(id as ObjectId);
  if (!object) return undefined;
  return object.source ?? (object.origin ? index.byId.get(object.origin)?.source : undefined);
}

/** All objects of one role, typed. */
export function objectsOfRole<R extends Role>(topology: Topology, role: R): ObjectOfRole<R>[] {
  return topology.objects.filter((object): object is ObjectOfRole<R> => object.role === role);
}
