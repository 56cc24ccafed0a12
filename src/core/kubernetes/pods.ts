import { k8sObjectId } from '../model/ids';
import type { PodObj, PodTemplate, PortSpec, TopologyEdge, WorkloadObj } from '../model/topology';
import type { PathSegment } from '../parse/parseFile';
import type { Catalog } from './catalog';
import { podNames } from './podNames';
import { describeObject, type Reporter } from './report';
import { eligibleNodes, placePodsOnNodes, unschedulableReason, type NodeLoad, type Placement } from './scheduling';
import { MAX_PODS_PER_WORKLOAD, type WorkloadEntry } from './workloads';

/** The ports a pod shows in the CLI contract: its containers' declared ports. */
function podPorts(template: PodTemplate): PortSpec[] {
  return template.containers.flatMap((container) =>
    container.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.containerPort, protocol: p.protocol })),
  );
}

/**
 * Makes the pods of every workload (replicas of them; one per eligible node for a DaemonSet),
 * names them, places them on nodes, and adds `owns` edges. Bare Pods are placed as they are.
 */
export function expandWorkloadPods(catalog: Catalog, report: Reporter, edges: TopologyEdge[]): void {
  const load: NodeLoad = new Map();
  for (const entry of catalog.workloads) {
    const object = entry.object;
    if (object.role === 'pod') {
      const [placement] = placePodsOnNodes([object.template], catalog.nodes, load);
      applyPlacement(object, placement!);
      if (!placement!.node) reportUnschedulable(entry, placement!.reason, report);
      catalog.pods.push(object);
      continue;
    }
    makePods(entry, object, catalog, load, report, edges);
  }
}

function makePods(
  entry: WorkloadEntry,
  workload: WorkloadObj,
  catalog: Catalog,
  load: NodeLoad,
  report: Reporter,
  edges: TopologyEdge[],
): void {
  const namespace = workload.namespace ?? 'default';
  const daemonNodes = workload.kind === 'DaemonSet' ? eligibleNodes(workload.template, catalog.nodes) : [];
  if (workload.kind === 'DaemonSet') workload.replicas = daemonNodes.length;
  let count = workload.replicas;
  if (count > MAX_PODS_PER_WORKLOAD) {
    report(
      entry.doc,
      ['spec', 'replicas'],
      'info',
      'K8S-REPLICAS-CAPPED',
      `${describeObject(workload.kind, namespace, workload.name)} asks for ${count} replicas; the first ${MAX_PODS_PER_WORKLOAD} are drawn.`,
      workload.id,
    );
    count = MAX_PODS_PER_WORKLOAD;
  }
  const names = podNames(
    workload.kind,
    namespace,
    workload.name,
    count,
    workload.kind === 'DaemonSet' ? daemonNodes.map((node) => node.name) : undefined,
  );

  const pods: PodObj[] = [];
  names.forEach((name, index) => {
    const id = k8sObjectId('Pod', namespace, name);
    if (catalog.byId.has(id)) return;
    const template: PodTemplate =
      workload.kind === 'StatefulSet'
        ? // A StatefulSet pod's hostname is its name; its subdomain is the governing Service.
          { ...workload.template, hostname: name, ...(workload.serviceName ? { subdomain: workload.serviceName } : {}) }
        : { ...workload.template };
    const pod: PodObj = {
      id,
      role: 'pod',
      kind: 'Pod',
      name,
      namespace,
      labels: template.labels,
      ports: podPorts(template),
      origin: workload.id,
      template,
      owner: workload.id,
      ...(workload.kind === 'StatefulSet' ? { ordinal: index } : {}),
    };
    pods.push(pod);
    catalog.byId.set(id, pod);
    catalog.pods.push(pod);
    workload.pods.push(id);
    edges.push({ from: workload.id, to: id, kind: 'owns' });
  });

  if (workload.kind === 'DaemonSet') {
    pods.forEach((pod, index) => {
      const node = daemonNodes[index]!;
      load.set(node.id, (load.get(node.id) ?? 0) + 1);
      applyPlacement(pod, { node });
    });
    if (daemonNodes.length === 0 && catalog.nodes.length > 0) {
      reportUnschedulable(entry, unschedulableReason(workload.template, catalog.nodes), report);
    }
    return;
  }
  const placements = placePodsOnNodes(
    pods.map((pod) => pod.template),
    catalog.nodes,
    load,
  );
  pods.forEach((pod, index) => applyPlacement(pod, placements[index]!));
  const failed = placements.find((placement): placement is Extract<Placement, { reason: string }> => !placement.node);
  if (failed) reportUnschedulable(entry, failed.reason, report);
}

function applyPlacement(pod: PodObj, placement: Placement): void {
  if (placement.node) {
    pod.parent = placement.node.id;
    pod.node = placement.node.id;
    delete pod.unschedulable;
  } else {
    delete pod.parent;
    delete pod.node;
    pod.unschedulable = placement.reason;
  }
}

/** Points at the field that keeps pods off the nodes: nodeName, nodeSelector, affinity, or the spec. */
function schedulingField(entry: WorkloadEntry): PathSegment[] {
  const template = entry.object.template;
  if (template.nodeName !== undefined) return [...entry.specPath, 'nodeName'];
  if (Object.keys(template.nodeSelector).length > 0) return [...entry.specPath, 'nodeSelector'];
  if (template.requiredNodeAffinity.length > 0) return [...entry.specPath, 'affinity'];
  if (template.tolerations.length > 0) return [...entry.specPath, 'tolerations'];
  return entry.specPath;
}

function reportUnschedulable(entry: WorkloadEntry, reason: string, report: Reporter): void {
  const object = entry.object;
  const what = describeObject(object.kind, object.namespace, object.name);
  const verb = object.kind === 'DaemonSet' ? 'runs on no node' : 'has pods that fit on no node';
  report(
    entry.doc,
    schedulingField(entry),
    'warning',
    'K8S-POD-UNSCHEDULABLE',
    `${what} ${verb}: ${reason}. Relax nodeSelector/affinity, add tolerations, or label a node to match.`,
    object.id,
  );
}
