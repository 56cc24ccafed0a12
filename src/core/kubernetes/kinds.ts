/**
 * Which API groups serve the kinds Portolan models. A kind of another group is another thing with
 * the same name (Istio's networking.istio.io Gateway, Knative's serving.knative.dev Service) and
 * is drawn as a generic box.
 */
const GROUPS: Record<string, readonly string[]> = {
  Pod: [''],
  Service: [''],
  Endpoints: [''],
  ConfigMap: [''],
  Secret: [''],
  PersistentVolumeClaim: [''],
  PersistentVolume: [''],
  ServiceAccount: [''],
  Namespace: [''],
  Node: [''],
  ReplicationController: [''],
  Deployment: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
  EndpointSlice: ['discovery.k8s.io'],
  Ingress: ['networking.k8s.io', 'extensions'],
  IngressClass: ['networking.k8s.io'],
  NetworkPolicy: ['networking.k8s.io', 'extensions'],
  Gateway: ['gateway.networking.k8s.io'],
  HTTPRoute: ['gateway.networking.k8s.io'],
  HorizontalPodAutoscaler: ['autoscaling'],
};

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** True when the kind is one Portolan models and the apiVersion belongs to its group (or is absent). */
export function isModelledKind(kind: string, apiVersion: string): boolean {
  const groups = GROUPS[kind];
  if (!groups) return false;
  return apiVersion === '' || groups.includes(apiGroup(apiVersion));
}
