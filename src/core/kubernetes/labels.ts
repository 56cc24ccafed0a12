import type { LabelMap, LabelSelector, LabelSelectorRequirement } from '../model/topology';

/**
 * Label selectors, as Kubernetes evaluates them. Shared by the model (Service → pods, workload
 * selectors, scheduling) and the trace engine.
 */

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/**
 * Equality selector of a Service or ReplicationController: every pair must be on the pod.
 * A missing or empty selector matches nothing, because the API server drops `selector: {}` and
 * the endpoints controller gives a selector-less Service no endpoints.
 */
export function selectorMatches(selector: LabelMap | undefined, labels: LabelMap): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(([key, value]) => labels[key] === value);
}

/** One `matchExpressions` (or node affinity) requirement against a label map. */
export function requirementMatches(requirement: LabelSelectorRequirement, labels: LabelMap): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(value!);
    case 'NotIn':
      // Absent keys satisfy NotIn (Kubernetes labels.Requirement semantics).
      return !has || !requirement.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * A `metav1.LabelSelector` against labels: `matchLabels` and `matchExpressions` ANDed.
 * An empty selector matches everything (as NetworkPolicy `podSelector: {}` does); a missing one
 * matches nothing.
 */
export function labelSelectorMatches(selector: LabelSelector | undefined, labels: LabelMap): boolean {
  if (!selector) return false;
  return (
    Object.entries(selector.matchLabels).every(([key, value]) => labels[key] === value) &&
    selector.matchExpressions.every((requirement) => requirementMatches(requirement, labels))
  );
}

/** Reads a label map from untrusted YAML: scalar values become strings, anything else is dropped. */
export function readLabelMap(raw: unknown): LabelMap {
  const labels: LabelMap = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return labels;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    // YAML turns `version: 1.0` or `enabled: true` into numbers and booleans; Kubernetes would
    // reject those, but for matching we keep their text so the picture still makes sense.
    if (typeof value === 'string') labels[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') labels[key] = String(value);
    else if (value === null) labels[key] = '';
  }
  return labels;
}

/** Reads one requirement (`{key, operator, values}`), or undefined when it is malformed. */
export function readRequirement(raw: unknown): LabelSelectorRequirement | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.key !== 'string') return undefined;
  const operator = OPERATORS.find((op) => op === record.operator);
  if (!operator) return undefined;
  const values = Array.isArray(record.values)
    ? record.values.filter((v) => v !== null && typeof v !== 'object').map(String)
    : [];
  return { key: record.key, operator, values };
}

/** Reads a `metav1.LabelSelector` from untrusted YAML; undefined when it is absent or not a mapping. */
export function readLabelSelector(raw: unknown): LabelSelector | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const matchExpressions = Array.isArray(record.matchExpressions)
    ? record.matchExpressions.map(readRequirement).filter((r): r is LabelSelectorRequirement => r !== undefined)
    : [];
  return { matchLabels: readLabelMap(record.matchLabels), matchExpressions };
}

/** A label map as `key=value, key=value`, for messages and edge labels. */
export function formatLabels(labels: LabelMap): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '(no labels)';
  return entries.map(([key, value]) => `${key}=${value}`).join(', ');
}

/** A LabelSelector as text, e.g. `app=web, tier In (a, b)`. */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    parts.push(values.length > 0 ? `${key} ${operator} (${values.join(', ')})` : `${key} ${operator}`);
  }
  return parts.length > 0 ? parts.join(', ') : '(everything)';
}
