import type { LabelMap } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import { readLabelMap } from './labels';
import { asString, recordOf } from './read';

/** What every Kubernetes object has: kind, apiVersion and metadata. */
export type ObjectMeta = {
  kind: string;
  apiVersion: string;
  name?: string;
  generateName?: string;
  /** undefined for cluster-scoped kinds */
  namespace?: string;
  labels: LabelMap;
  annotations: Record<string, string>;
};

const DEFAULT_NAMESPACE = 'default';

// Kinds without a namespace (kubectl api-resources --namespaced=false), plus common CRDs.
const CLUSTER_SCOPED = new Set([
  'Node',
  'Namespace',
  'PersistentVolume',
  'IngressClass',
  'GatewayClass',
  'StorageClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PriorityClass',
  'RuntimeClass',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ClusterIssuer',
  'ComponentStatus',
]);

/** True for kinds that live outside namespaces (Node, Namespace, PersistentVolume, ClusterRole, …). */
function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** Reads kind, apiVersion and metadata of a document; namespace defaults to `default` for namespaced kinds. */
export function readObjectMeta(doc: ParsedDocument): ObjectMeta {
  const kind = asString(doc.value.kind) ?? 'Unknown';
  const metadata = recordOf(doc.value.metadata);
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(recordOf(metadata.annotations))) {
    const text = asString(value);
    if (text !== undefined) annotations[key] = text;
  }
  const name = asString(metadata.name);
  const generateName = asString(metadata.generateName);
  return {
    kind,
    apiVersion: asString(doc.value.apiVersion) ?? '',
    ...(name !== undefined ? { name } : {}),
    ...(generateName !== undefined ? { generateName } : {}),
    ...(isClusterScoped(kind) ? {} : { namespace: asString(metadata.namespace) ?? DEFAULT_NAMESPACE }),
    labels: readLabelMap(metadata.labels),
    annotations,
  };
}
