import type { ObjectId } from '../model/ids';
import type { ParsedDocument, PathSegment } from '../parse/parseFile';
import { asRecord } from './read';
import type { Reporter } from './report';

/** Kubernetes label syntax (k8s.io/apimachinery/pkg/util/validation). */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is invalid, or undefined when it is valid. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined) {
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      return `its prefix "${prefix}" must be a lowercase DNS subdomain (e.g. example.com) of at most 253 characters`;
    }
  }
  if (name.length === 0) return 'its name part is empty';
  if (name.length > 63) return `its name part has ${name.length} characters; at most 63 are allowed`;
  if (!NAME.test(name)) {
    return 'it must start and end with a letter or digit and contain only letters, digits, -, _ and .';
  }
  return undefined;
}

/** Why a label value is invalid, or undefined when it is valid (the empty value is valid). */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `it has ${value.length} characters; at most 63 are allowed`;
  if (!NAME.test(value))
    return 'it must start and end with a letter or digit and contain only letters, digits, -, _ and .';
  return undefined;
}

/** Checks a label map as written (keys, values, and values YAML read as numbers or booleans). */
export function checkLabelMap(
  doc: ParsedDocument,
  path: readonly PathSegment[],
  raw: unknown,
  report: Reporter,
  objectId?: ObjectId,
): void {
  const record = asRecord(raw);
  if (!record) return;
  for (const [key, value] of Object.entries(record)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      report(
        doc,
        [...path, key],
        'error',
        'K8S-LABEL-INVALID',
        `Label key "${key}" is invalid: ${keyProblem}.`,
        objectId,
        'key',
      );
      continue;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      report(
        doc,
        [...path, key],
        'error',
        'K8S-LABEL-INVALID',
        `Label ${key} has the ${typeof value} ${String(value)}, but label values are strings: quote it (${key}: "${String(value)}").`,
        objectId,
      );
      continue;
    }
    if (typeof value !== 'string') {
      if (value !== null) {
        report(doc, [...path, key], 'error', 'K8S-LABEL-INVALID', `Label ${key} must have a text value.`, objectId);
      }
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      report(
        doc,
        [...path, key],
        'error',
        'K8S-LABEL-INVALID',
        `Label ${key}="${value}" has an invalid value: ${valueProblem}.`,
        objectId,
      );
    }
  }
}
