/**
 * APIs the API server stopped serving, from the Kubernetes "Deprecated API Migration Guide"
 * (kubernetes.io/docs/reference/using-api/deprecation-guide), releases 1.16 to 1.32.
 */
export type RemovedApi = {
  apiVersion: string;
  kinds: readonly string[];
  /** the minor release that stopped serving it: `1.22` */
  removedIn: string;
  /** the apiVersion to use instead; undefined when the kind itself is gone */
  replacement?: string;
  /** what to do when there is no replacement, or what else changed */
  note?: string;
};

const APPS_KINDS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'];
const RBAC_KINDS = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const FLOW_KINDS = ['FlowSchema', 'PriorityLevelConfiguration'];
const INGRESS_NOTE = 'backends become `service: {name, port: {number}}` and every path needs a pathType';

export const REMOVED_APIS: readonly RemovedApi[] = [
  // 1.16
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    removedIn: '1.16',
    replacement: 'apps/v1',
    note: 'spec.selector is now required',
  },
  {
    apiVersion: 'apps/v1beta1',
    kinds: APPS_KINDS,
    removedIn: '1.16',
    replacement: 'apps/v1',
    note: 'spec.selector is now required',
  },
  {
    apiVersion: 'apps/v1beta2',
    kinds: APPS_KINDS,
    removedIn: '1.16',
    replacement: 'apps/v1',
    note: 'spec.selector is now required',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    removedIn: '1.16',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.16',
    replacement: 'policy/v1beta1',
    note: 'itself removed in 1.25; use Pod Security Admission',
  },
  // 1.22
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    removedIn: '1.22',
    replacement: 'admissionregistration.k8s.io/v1',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    removedIn: '1.22',
    replacement: 'apiextensions.k8s.io/v1',
    note: 'each version needs a structural schema',
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    removedIn: '1.22',
    replacement: 'apiregistration.k8s.io/v1',
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    removedIn: '1.22',
    replacement: 'authentication.k8s.io/v1',
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'],
    removedIn: '1.22',
    replacement: 'authorization.k8s.io/v1',
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    removedIn: '1.22',
    replacement: 'certificates.k8s.io/v1',
    note: 'spec.signerName is now required',
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    kinds: ['Lease'],
    removedIn: '1.22',
    replacement: 'coordination.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
    note: INGRESS_NOTE,
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress'],
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
    note: INGRESS_NOTE,
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['IngressClass'],
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: RBAC_KINDS,
    removedIn: '1.22',
    replacement: 'rbac.authorization.k8s.io/v1',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kinds: ['PriorityClass'],
    removedIn: '1.22',
    replacement: 'scheduling.k8s.io/v1',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    removedIn: '1.22',
    replacement: 'storage.k8s.io/v1',
  },
  // 1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1' },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    removedIn: '1.25',
    replacement: 'discovery.k8s.io/v1',
  },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', replacement: 'events.k8s.io/v1' },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    removedIn: '1.25',
    replacement: 'autoscaling/v2',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    removedIn: '1.25',
    replacement: 'policy/v1',
    note: 'an empty selector now selects every pod of the namespace',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.25',
    note: 'PodSecurityPolicy is gone; use Pod Security Admission (namespace labels pod-security.kubernetes.io/…)',
  },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  // 1.26
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: FLOW_KINDS,
    removedIn: '1.26',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    removedIn: '1.26',
    replacement: 'autoscaling/v2',
  },
  // 1.27
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity'],
    removedIn: '1.27',
    replacement: 'storage.k8s.io/v1',
  },
  // 1.29
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: FLOW_KINDS,
    removedIn: '1.29',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  // 1.32
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: FLOW_KINDS,
    removedIn: '1.32',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
];

/** The removal that applies to this apiVersion and kind in a Kubernetes version, if any. */
export function findRemovedApi(apiVersion: string, kind: string, minor: number): RemovedApi | undefined {
  return REMOVED_APIS.find(
    (entry) =>
      entry.apiVersion === apiVersion && entry.kinds.includes(kind) && Number(entry.removedIn.slice(2)) <= minor,
  );
}
