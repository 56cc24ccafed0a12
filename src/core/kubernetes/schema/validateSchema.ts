import type { PathSegment } from '../../parse/parseFile';
import type { KubeSchemaData, TypeCode } from './schemaTypes';

/** What the API server would say about one field. */
export type SchemaFinding =
  | { problem: 'unknown-field'; path: PathSegment[]; field: string; suggestion?: string }
  | { problem: 'wrong-type'; path: PathSegment[]; expected: string; actual: string }
  | { problem: 'missing-field'; path: PathSegment[]; field: string };

// Quantities (`cpu: 1`, `storage: 10Gi`) are strings in the OpenAPI schema, but the API server
// accepts numbers for them (resource.Quantity is int-or-string on the wire).
const QUANTITY_FIELDS = new Set([
  'limits',
  'requests',
  'hard',
  'used',
  'capacity',
  'allocatable',
  'overhead',
  'podFixed',
  'max',
  'min',
  'default',
  'defaultRequest',
  'maxLimitRequestRatio',
  'sizeLimit',
  'divisor',
  'allocatedResources',
]);

const MAX_FINDINGS = 50;

/**
 * Checks a value against an object type of the schemas, the way the API server decodes it:
 * unknown fields, wrong types, missing required fields. `null` counts as unset.
 */
export function validateAgainstSchema(value: unknown, typeName: string, data: KubeSchemaData): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  checkValue(value, typeName, [], data, findings, false);
  return findings.slice(0, MAX_FINDINGS);
}

function checkValue(
  value: unknown,
  code: TypeCode,
  path: PathSegment[],
  data: KubeSchemaData,
  findings: SchemaFinding[],
  quantity: boolean,
): void {
  if (value === null || value === undefined || findings.length >= MAX_FINDINGS) return;
  if (code.startsWith('[]')) {
    if (!Array.isArray(value)) return wrong(findings, path, 'a list', value);
    value.forEach((item, index) => checkValue(item, code.slice(2), [...path, index], data, findings, quantity));
    return;
  }
  if (code.startsWith('{}')) {
    if (!isMapping(value)) return wrong(findings, path, 'a mapping', value);
    for (const [key, item] of Object.entries(value)) {
      checkValue(item, code.slice(2), [...path, key], data, findings, quantity);
    }
    return;
  }
  switch (code) {
    case 'a':
      return;
    case 's':
      if (typeof value === 'string' || (quantity && typeof value === 'number')) return;
      return wrong(findings, path, 'a string', value);
    case 'i':
      if (typeof value === 'number' && Number.isInteger(value)) return;
      return wrong(findings, path, 'an integer', value);
    case 'n':
      if (typeof value === 'number') return;
      return wrong(findings, path, 'a number', value);
    case 'b':
      if (typeof value === 'boolean') return;
      return wrong(findings, path, 'true or false', value);
    case 'x':
      if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return;
      return wrong(findings, path, 'an integer or a string', value);
  }
  const type = data.types[code];
  if (!type) return;
  if (!isMapping(value)) return wrong(findings, path, 'a mapping', value);
  for (const field of type.r ?? []) {
    if (value[field] === undefined) findings.push({ problem: 'missing-field', path, field });
  }
  for (const [key, item] of Object.entries(value)) {
    const fieldCode = type.f[key];
    if (fieldCode === undefined) {
      const suggestion = nearestField(key, Object.keys(type.f));
      findings.push({
        problem: 'unknown-field',
        path: [...path, key],
        field: key,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    checkValue(item, fieldCode, [...path, key], data, findings, QUANTITY_FIELDS.has(key));
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrong(findings: SchemaFinding[], path: PathSegment[], expected: string, value: unknown): void {
  findings.push({ problem: 'wrong-type', path, expected, actual: describeValue(value) });
}

/** `a string ("3")`, `a list`, `a mapping`, `true`: what the files hold, for messages. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `a string (${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the decimal ${value}`;
  return String(value);
}

/** A known field that differs only in case or by up to two edits (`replica` → `replicas`). */
function nearestField(name: string, fields: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = fields.find((field) => field.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: { field: string; distance: number } | undefined;
  for (const field of fields) {
    const distance = editDistance(lower, field.toLowerCase());
    if (distance <= Math.min(2, Math.floor(field.length / 3)) && (!best || distance < best.distance)) {
      best = { field, distance };
    }
  }
  return best?.field;
}

/** Levenshtein distance (short strings only: field and kind names). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
