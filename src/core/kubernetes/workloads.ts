import type { ObjectId } from '../model/ids';
import type { LabelSelector, PodObj, WorkloadKind, WorkloadObj } from '../model/topology';
import type { ParsedDocument, PathSegment } from '../parse/parseFile';
import { readLabelMap, readLabelSelector } from './labels';
import type { ObjectMeta } from './metadata';
import { readPodTemplate, type PodReference, type PodSpecIssue } from './podTemplate';
import { asInteger, asRecord, asString, recordOf } from './read';

/** The workload kinds that make pods, bare Pod included. */
const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
  'Pod',
];

/** True for a kind read by `readWorkload`. */
export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** A workload (or bare Pod) read from a document, with what the checks need to point at its fields. */
export type WorkloadEntry = {
  doc: ParsedDocument;
  meta: ObjectMeta;
  object: WorkloadObj | PodObj;
  /** where the pod template (`{metadata, spec}`) stands in the document */
  templatePath: PathSegment[];
  /** where the pod spec stands: templatePath + `spec` */
  specPath: PathSegment[];
  references: PodReference[];
  issues: PodSpecIssue[];
  /** the selector as written, when the kind has one the API server checks against the template */
  checkedSelector?: LabelSelector;
  /** required by apps/v1 but absent */
  selectorMissing: boolean;
};

// Pods drawn per workload at most: `replicas: 100000` must not freeze the page.
export const MAX_PODS_PER_WORKLOAD = 100;

function templatePathOf(kind: WorkloadKind): PathSegment[] {
  if (kind === 'Pod') return [];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  return ['spec', 'template'];
}

function readAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = recordOf(current)[segment];
  return current;
}

/** Reads a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController or bare Pod. */
export function readWorkload(
  doc: ParsedDocument,
  meta: ObjectMeta,
  kind: WorkloadKind,
  id: ObjectId,
  name: string,
): WorkloadEntry {
  const templatePath = templatePathOf(kind);
  const specPath = [...templatePath, 'spec'];
  const rawTemplate = kind === 'Pod' ? doc.value : readAt(doc.value, templatePath);
  const { template, references, issues } = readPodTemplate(rawTemplate, (path) => doc.locate([...specPath, ...path]));
  const spec = recordOf(doc.value.spec);
  const base = {
    id,
    name,
    namespace: meta.namespace,
    labels: kind === 'Pod' ? template.labels : meta.labels,
    source: doc.span,
  };

  if (kind === 'Pod') {
    const object: PodObj = { ...base, role: 'pod', kind: 'Pod', template };
    return { doc, meta, object, templatePath, specPath, references, issues, selectorMissing: false };
  }

  let selector: LabelSelector | undefined;
  let checkedSelector: LabelSelector | undefined;
  let selectorMissing = false;
  if (kind === 'ReplicationController') {
    // An RC's selector is a plain map and defaults to the template's labels.
    const plain = readLabelMap(spec.selector);
    selector = { matchLabels: Object.keys(plain).length > 0 ? plain : template.labels, matchExpressions: [] };
    checkedSelector = selector;
  } else if (kind === 'Job' || kind === 'CronJob') {
    // Job selectors are generated (controller-uid) unless manualSelector is set.
    selector = readLabelSelector(spec.selector);
  } else {
    selector = readLabelSelector(spec.selector);
    const legacy = /^(extensions|apps)\/v1beta[12]$/.test(meta.apiVersion);
    if (!selector || (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0)) {
      // Before apps/v1 the selector defaulted to the template's labels; apps/v1 requires it.
      if (legacy) selector = { matchLabels: template.labels, matchExpressions: [] };
      else selectorMissing = true;
    }
    if (!selectorMissing) checkedSelector = selector;
  }

  const object: WorkloadObj = {
    ...base,
    role: 'workload',
    kind,
    replicas: desiredPods(kind, spec),
    ...(selector ? { selector } : {}),
    template,
    ...(kind === 'StatefulSet' && asString(spec.serviceName) !== undefined
      ? { serviceName: asString(spec.serviceName)! }
      : {}),
    pods: [],
  };
  return {
    doc,
    meta,
    object,
    templatePath,
    specPath,
    references,
    issues,
    ...(checkedSelector ? { checkedSelector } : {}),
    selectorMissing,
  };
}

/** How many pods a workload runs at once (DaemonSets: decided per node later). */
function desiredPods(kind: Exclude<WorkloadKind, 'Pod'>, spec: Record<string, unknown>): number {
  if (kind === 'CronJob') return 1; // one run, caught in the act
  if (kind === 'Job') {
    const parallelism = nonNegative(asInteger(spec.parallelism)) ?? 1;
    const completions = nonNegative(asInteger(spec.completions));
    return completions === undefined ? parallelism : Math.min(parallelism, completions);
  }
  if (kind === 'DaemonSet') return 0;
  return nonNegative(asInteger(spec.replicas)) ?? 1;
}

function nonNegative(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 ? value : undefined;
}

/** A HorizontalPodAutoscaler's target and bounds, or undefined when it names no target. */
export function readAutoscaler(
  doc: ParsedDocument,
): { kind: string; name: string; minReplicas: number; maxReplicas: number } | undefined {
  const spec = recordOf(doc.value.spec);
  const target = asRecord(spec.scaleTargetRef);
  const kind = asString(target?.kind);
  const name = asString(target?.name);
  if (!kind || !name) return undefined;
  const minReplicas = Math.max(1, asInteger(spec.minReplicas) ?? 1);
  const maxReplicas = Math.max(minReplicas, asInteger(spec.maxReplicas) ?? minReplicas);
  return { kind, name, minReplicas, maxReplicas };
}
