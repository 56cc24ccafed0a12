import type { Catalog } from './catalog';
import { checkLabelMap } from './labelValidation';
import { formatLabelSelector, formatLabels, labelSelectorMatches } from './labels';
import { recordOf } from './read';
import { describeObject, type Reporter } from './report';
import type { WorkloadEntry } from './workloads';

function rawAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) current = recordOf(current)[segment];
  return current;
}

/**
 * The checks the API server makes on a workload: a selector that matches its own template
 * (K8S-SELECTOR-MISMATCH), required fields (K8S-MISSING-FIELD), valid template labels.
 */
export function checkWorkloads(catalog: Catalog, report: Reporter): void {
  for (const entry of catalog.workloads) checkWorkload(entry, report);
}

function checkWorkload(entry: WorkloadEntry, report: Reporter): void {
  const { doc, object } = entry;
  const what = describeObject(object.kind, object.namespace, object.name);
  for (const issue of entry.issues) {
    report(
      doc,
      [...entry.specPath, ...issue.path],
      'error',
      'K8S-MISSING-FIELD',
      `${what} ${issue.message}.`,
      object.id,
    );
  }
  if (object.role === 'pod') return;

  // The template's labels are checked where they are written (a Pod's own labels are checked with its metadata).
  checkLabelMap(
    doc,
    [...entry.templatePath, 'metadata', 'labels'],
    rawAt(doc.value, [...entry.templatePath, 'metadata', 'labels']),
    report,
    object.id,
  );

  const labels = object.template.labels;
  if (entry.selectorMissing) {
    report(
      doc,
      ['spec', 'selector'],
      'error',
      'K8S-MISSING-FIELD',
      `${what} has no spec.selector; ${entry.meta.apiVersion || 'apps/v1'} requires one. Add ` +
        `\`selector: {matchLabels: {${Object.entries(labels)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}}}\` matching the template's labels.`,
      object.id,
    );
    return;
  }
  if (object.kind === 'ReplicationController') {
    checkLabelMap(doc, ['spec', 'selector'], recordOf(doc.value.spec).selector, report, object.id);
  } else {
    checkLabelMap(
      doc,
      ['spec', 'selector', 'matchLabels'],
      recordOf(recordOf(doc.value.spec).selector).matchLabels,
      report,
      object.id,
    );
  }
  const selector = entry.checkedSelector;
  if (selector && !labelSelectorMatches(selector, labels)) {
    report(
      doc,
      ['spec', 'selector'],
      'error',
      'K8S-SELECTOR-MISMATCH',
      `${what}: selector ${formatLabelSelector(selector)} does not match its template's labels (${formatLabels(labels)}); ` +
        'the API server rejects this ("selector does not match template labels"). Make the selector a subset of the template labels.',
      object.id,
    );
  }
}
