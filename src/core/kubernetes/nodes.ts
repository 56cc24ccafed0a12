import { objectId, type ObjectId } from '../model/ids';
import type { ClusterObj, ControlPlaneObj, InternetObj, LabelMap, NodeObj } from '../model/topology';
import type { ParsedDocument } from '../parse/parseFile';
import type { ObjectMeta } from './metadata';
import { asBoolean, asRecord, asString, listOf, recordOf } from './read';

/** The synthesized objects around the files: the outside world, the cluster, its control plane. */
export const INTERNET_ID = objectId('internet');
const CLUSTER_ID = objectId('cluster');
const CONTROL_PLANE_ID = objectId('control-plane');

const WORKER_COMPONENTS = ['kubelet', 'kube-proxy', 'container runtime'];

/** The id of a worker node, e.g. `node/node-1`: readable, and stable as long as the name is. */
function nodeId(name: string): ObjectId {
  return objectId(`node/${name}`);
}

/** The Internet, the Cluster and its ControlPlane, which every Kubernetes picture has. */
export function synthesizeInfrastructure(): [InternetObj, ClusterObj, ControlPlaneObj] {
  return [
    { id: INTERNET_ID, role: 'internet', kind: 'Internet', name: 'Internet' },
    { id: CLUSTER_ID, role: 'cluster', kind: 'Cluster', name: 'Cluster' },
    {
      id: CONTROL_PLANE_ID,
      role: 'controlPlane',
      kind: 'ControlPlane',
      name: 'Control plane',
      parent: CLUSTER_ID,
      components: ['API server', 'scheduler', 'controller manager', 'etcd'],
    },
  ];
}

/** Labels a kubelet puts on every node; simulated nodes carry them so nodeSelector and affinity work. */
function wellKnownNodeLabels(name: string): LabelMap {
  return { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' };
}

/** A worker node with the parts every node has (kubelet, kube-proxy, runtime). */
function workerNode(name: string, index: number, fields: Pick<NodeObj, 'labels' | 'simulated' | 'taints'>): NodeObj {
  return {
    id: nodeId(name),
    role: 'node',
    kind: 'Node',
    name,
    parent: CLUSTER_ID,
    index,
    components: [...WORKER_COMPONENTS],
    ...fields,
  };
}

/** `count` simulated worker nodes `node-1` … `node-N`, without taints. */
export function simulatedNodes(count: number): NodeObj[] {
  return Array.from({ length: Math.max(1, count) }, (_, i) =>
    workerNode(`node-${i + 1}`, i + 1, { labels: wellKnownNodeLabels(`node-${i + 1}`), simulated: true, taints: [] }),
  );
}

/** A `kind: Node` of the files as a worker node: its name, labels and taints. */
export function readNode(doc: ParsedDocument, meta: ObjectMeta, name: string, index: number): NodeObj {
  const spec = recordOf(doc.value.spec);
  const taints: NodeObj['taints'] = [];
  for (const item of listOf(spec.taints)) {
    const record = asRecord(item);
    const key = asString(record?.key);
    const effect = asString(record?.effect);
    if (!record || key === undefined || effect === undefined) continue;
    const value = asString(record.value);
    taints.push({ key, ...(value !== undefined ? { value } : {}), effect });
  }
  // A cordoned node (`kubectl cordon`) gets this taint from the node controller.
  if (asBoolean(spec.unschedulable)) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  return {
    ...workerNode(name, index, {
      // The kubelet always sets the hostname label; files often leave it out.
      labels: { 'kubernetes.io/hostname': name, ...meta.labels },
      simulated: false,
      taints,
    }),
    source: doc.span,
  };
}
