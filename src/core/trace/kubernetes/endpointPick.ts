import type { PodObj } from '../../model/topology';

/** Which endpoint kube-proxy chose, and why. */
export type EndpointPick = {
  pod: PodObj;
  /** 0-based position among the ready endpoints */
  index: number;
  of: number;
  reason: 'only' | 'round-robin' | 'client-ip';
};

/**
 * A pod is a ready endpoint when it was scheduled on a node (a Pending pod is not ready) and its
 * containers can start (a missing Secret, ConfigMap or PVC keeps them from it).
 */
export function isReadyEndpoint(pod: PodObj): boolean {
  return pod.node !== undefined && pod.unschedulable === undefined && pod.notStarting === undefined;
}

/** Why a pod is not a ready endpoint: `Pending (…)` or `cannot start: Secret db is missing`. */
export function notReadyReason(pod: PodObj): string {
  if (pod.node === undefined || pod.unschedulable !== undefined) return 'Pending (not scheduled on any node)';
  return `cannot start: ${pod.notStarting ?? 'not ready'}`;
}

/** FNV-1a: a small, stable string hash (the same client always lands on the same pod). */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * kube-proxy's choice among ready endpoints. Real kube-proxy picks at random (iptables) or round
 * robin (IPVS); Portolan uses round robin over `requestIndex` so successive requests visibly
 * spread. With `sessionAffinity: ClientIP` the choice depends only on the client address, so the
 * same client sticks to one pod whatever the request number.
 */
export function pickEndpoint(
  pods: readonly PodObj[],
  options: { requestIndex: number; sessionAffinity: 'None' | 'ClientIP'; clientKey: string },
): EndpointPick | undefined {
  const of = pods.length;
  if (of === 0) return undefined;
  const sticky = options.sessionAffinity === 'ClientIP';
  const index = sticky ? hashString(options.clientKey) % of : ((options.requestIndex % of) + of) % of;
  return { pod: pods[index]!, index, of, reason: of === 1 ? 'only' : sticky ? 'client-ip' : 'round-robin' };
}

/**
 * A weighted pick (Gateway API backendRefs): request `requestIndex` walks the cumulative weights,
 * so over `sum(weights)` requests each backend gets exactly its weight. Zero weights never win.
 */
export function pickWeighted<T extends { weight: number }>(items: readonly T[], requestIndex: number): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
  if (total === 0) return undefined;
  let slot = ((requestIndex % total) + total) % total;
  for (const item of items) {
    const weight = Math.max(0, item.weight);
    if (slot < weight) return item;
    slot -= weight;
  }
  return undefined;
}
