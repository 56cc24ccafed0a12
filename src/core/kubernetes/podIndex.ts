import type { PodObj } from '../model/topology';
import type { LabelMap } from '../model/topology';
import { selectorMatches } from './labels';

/**
 * Pods looked up by namespace, name and label, so matching every Service's selector is linear in
 * pods plus Services (checking each selector against each pod took 81 s for 12k apps).
 */
export type PodIndex = {
  /** the pods of a namespace whose labels hold every pair of the selector, in catalog order */
  select(namespace: string | undefined, selector: LabelMap | undefined): PodObj[];
  /** the pods of other namespaces whose labels hold every pair of the selector */
  selectElsewhere(namespace: string | undefined, selector: LabelMap | undefined): PodObj[];
  /** the pods of one namespace, in catalog order */
  inNamespace(namespace: string | undefined): readonly PodObj[];
  /** the pod of a namespace with this name */
  byName(namespace: string | undefined, name: string): PodObj | undefined;
};

const NO_PODS: readonly PodObj[] = [];
const indexes = new WeakMap<readonly PodObj[], { size: number; index: PodIndex }>();

/** The index of a list of pods, built once and rebuilt only when the list grows. */
export function podIndexOf(pods: readonly PodObj[]): PodIndex {
  const cached = indexes.get(pods);
  if (cached && cached.size === pods.length) return cached.index;
  const index = buildPodIndex(pods);
  indexes.set(pods, { size: pods.length, index });
  return index;
}

function buildPodIndex(pods: readonly PodObj[]): PodIndex {
  const byNamespace = new Map<string, PodObj[]>();
  const byLabel = new Map<string, PodObj[]>();
  const byName = new Map<string, PodObj>();
  const push = (map: Map<string, PodObj[]>, key: string, pod: PodObj) => {
    const list = map.get(key);
    if (list) list.push(pod);
    else map.set(key, [pod]);
  };
  for (const pod of pods) {
    const ns = pod.namespace ?? '';
    push(byNamespace, ns, pod);
    if (!byName.has(`${ns}\0${pod.name}`)) byName.set(`${ns}\0${pod.name}`, pod);
    for (const [key, value] of Object.entries(pod.template.labels)) push(byLabel, `${key}\0${value}`, pod);
  }
  // The smallest list of pods carrying one of the selector's pairs: every match is in it.
  const candidates = (selector: LabelMap | undefined): readonly PodObj[] => {
    const pairs = Object.entries(selector ?? {});
    if (pairs.length === 0) return NO_PODS;
    let best: readonly PodObj[] | undefined;
    for (const [key, value] of pairs) {
      const list = byLabel.get(`${key}\0${value}`) ?? NO_PODS;
      if (!best || list.length < best.length) best = list;
    }
    return best ?? NO_PODS;
  };
  return {
    select: (namespace, selector) =>
      candidates(selector).filter(
        (pod) => pod.namespace === namespace && selectorMatches(selector, pod.template.labels),
      ),
    selectElsewhere: (namespace, selector) =>
      candidates(selector).filter(
        (pod) => pod.namespace !== namespace && selectorMatches(selector, pod.template.labels),
      ),
    inNamespace: (namespace) => byNamespace.get(namespace ?? '') ?? NO_PODS,
    byName: (namespace, name) => byName.get(`${namespace ?? ''}\0${name}`),
  };
}
