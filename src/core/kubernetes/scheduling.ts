import type { NodeObj, PodTemplate, Toleration } from '../model/topology';
import { formatLabels, requirementMatches } from './labels';

/**
 * A small, deterministic kube-scheduler: filter nodes (nodeName, nodeSelector, required node
 * affinity, taints), then pick the least-loaded one, ties broken by node index. So 2 replicas
 * land on node-1 and node-2, and 5 replicas on 3 nodes split 2/2/1.
 */

/** Where a pod went: a node, or the reason it fits nowhere. */
export type Placement = { node: NodeObj } | { node?: undefined; reason: string };

/** Pods already placed per node id; shared across workloads so the spread is cluster-wide. */
export type NodeLoad = Map<string, number>;

/** True when a toleration tolerates a taint (k8s.io/api/core/v1 Toleration.ToleratesTaint). */
export function toleratesTaint(toleration: Toleration, taint: NodeObj['taints'][number]): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  // An empty key with Exists tolerates everything.
  if (!toleration.key) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

/** Why a node rejects a pod, in the scheduler's words, or undefined when the pod fits. */
function nodeRejection(template: PodTemplate, node: NodeObj): string | undefined {
  const labels = node.labels ?? {};
  const selectorMiss = Object.entries(template.nodeSelector).find(([key, value]) => labels[key] !== value);
  if (selectorMiss) return `didn't match Pod's node selector ${selectorMiss[0]}=${selectorMiss[1]}`;
  const terms = template.requiredNodeAffinity;
  // Terms are ORed; an empty term list means no affinity requirement at all.
  if (terms.length > 0 && !terms.some((term) => term.every((r) => requirementMatches(r, labels)))) {
    return "didn't match Pod's node affinity";
  }
  // PreferNoSchedule only steers the scheduler; NoSchedule and NoExecute keep pods off.
  const blocking = node.taints.find(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !template.tolerations.some((toleration) => toleratesTaint(toleration, taint)),
  );
  if (blocking) {
    const value = blocking.value ? `=${blocking.value}` : '';
    return `had untolerated taint {${blocking.key}${value}:${blocking.effect}}`;
  }
  return undefined;
}

/** The nodes a pod may run on, in node order; for a DaemonSet, the nodes that get a pod. */
export function eligibleNodes(template: PodTemplate, nodes: readonly NodeObj[]): NodeObj[] {
  if (template.nodeName !== undefined) return nodes.filter((node) => node.name === template.nodeName);
  return nodes.filter((node) => nodeRejection(template, node) === undefined);
}

/** The reason no node takes a pod, summarised like the scheduler's `0/3 nodes are available: …`. */
export function unschedulableReason(template: PodTemplate, nodes: readonly NodeObj[]): string {
  if (template.nodeName !== undefined) {
    return `nodeName ${template.nodeName} names no node (nodes: ${nodes.map((n) => n.name).join(', ')})`;
  }
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const reason = nodeRejection(template, node);
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const parts = [...counts].map(([reason, count]) => `${count} node(s) ${reason}`);
  const example = nodes[0] ? ` (${nodes[0].name} has labels ${formatLabels(nodes[0].labels ?? {})})` : '';
  return `0/${nodes.length} nodes are available: ${parts.join(', ')}${example}`;
}

/** Places pods one by one on the least-loaded eligible node (ties: lowest index); updates `load`. */
export function placePodsOnNodes(
  templates: readonly PodTemplate[],
  nodes: readonly NodeObj[],
  load: NodeLoad = new Map(),
): Placement[] {
  return templates.map((template) => {
    const candidates = eligibleNodes(template, nodes);
    let best: NodeObj | undefined;
    for (const node of candidates) {
      const current = load.get(node.id) ?? 0;
      if (
        !best ||
        current < (load.get(best.id) ?? 0) ||
        (current === (load.get(best.id) ?? 0) && node.index < best.index)
      ) {
        best = node;
      }
    }
    if (!best) return { reason: unschedulableReason(template, nodes) };
    load.set(best.id, (load.get(best.id) ?? 0) + 1);
    return { node: best };
  });
}
