import type { ObjectId } from '../core/model/ids';
import type { PodObj } from '../core/model/topology';

/**
 * Stacks: many replicas of one workload drawn as one box (`web ×12`) until the user opens it.
 * In the infrastructure view a stack is per worker node, in the application view per workload.
 */

/** More pods than this of one owner on one worker node make a stack (infrastructure view). */
const PODS_PER_NODE_BEFORE_STACK = 3;
/** More pods than this in one workload make a stack (application view). */
const PODS_PER_WORKLOAD_BEFORE_STACK = 6;

export type Stack = {
  id: string;
  /** the box the stack (or its pods, once opened) is drawn in */
  parent: string;
  owner: ObjectId;
  pods: PodObj[];
};

export type StackPlan = {
  /** closed stacks, in the order of their first pod */
  closed: Stack[];
  /** stacks the user opened: their pods are drawn one by one */
  open: Stack[];
  /** pod id → id of the closed stack it is drawn in */
  stackOf: Map<ObjectId, string>;
};

/** The id of a stack: `stack:<nodeId>:<ownerId>` per worker node, `stack:<workloadId>` per workload. */
function stackId(owner: ObjectId, perNode: string | undefined): string {
  return perNode === undefined ? `stack:${owner}` : `stack:${perNode}:${owner}`;
}

/**
 * Groups the drawn pods into stacks: pods of one owner in one parent box beyond the threshold.
 * `perNode` says the parent box is a worker node (the infrastructure view) rather than the
 * workload's own group.
 */
export function planStacks(
  pods: readonly { pod: PodObj; parent: string | undefined }[],
  perNode: boolean,
  expanded: ReadonlySet<string>,
): StackPlan {
  const threshold = perNode ? PODS_PER_NODE_BEFORE_STACK : PODS_PER_WORKLOAD_BEFORE_STACK;
  const candidates = new Map<string, Stack>();
  for (const { pod, parent } of pods) {
    if (!pod.owner || !parent) continue;
    const id = stackId(pod.owner, perNode ? parent : undefined);
    const stack = candidates.get(id) ?? { id, parent, owner: pod.owner, pods: [] };
    stack.pods.push(pod);
    candidates.set(id, stack);
  }
  const plan: StackPlan = { closed: [], open: [], stackOf: new Map() };
  for (const stack of candidates.values()) {
    if (stack.pods.length <= threshold) continue;
    if (expanded.has(stack.id)) {
      plan.open.push(stack);
      continue;
    }
    plan.closed.push(stack);
    for (const pod of stack.pods) plan.stackOf.set(pod.id, stack.id);
  }
  return plan;
}
