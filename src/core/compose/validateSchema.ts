import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import type { ParsedDocument } from '../parse/parseFile';
import schemaJson from './schema/compose-spec.json';
import { closestKey, describePath, describeType, typeWords } from './schemaMessages';

const schema = schemaJson as unknown as Schema & Record<string, unknown>;
// An interpreting validator: no code generation, so it runs under the app's CSP (no eval).
let validator: Validator | undefined;

/** Where a JSON pointer (`#/a/b`) points, as path segments. */
function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The schema node a keywordLocation points at, following `$ref` segments. */
function schemaAt(pointer: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const segment of pointerSegments(pointer)) {
    if (!node || typeof node !== 'object') return undefined;
    const record = node as Record<string, unknown>;
    if (segment === '$ref' && typeof record.$ref === 'string') {
      node = schemaAt(record.$ref);
      continue;
    }
    node = record[segment];
  }
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const STRUCTURAL = new Set(['properties', 'patternProperties', 'items', '$ref', 'allOf', 'anyOf', 'oneOf', 'false']);

/** Branch errors of a oneOf that only say "wrong type" are noise when another branch took the type. */
function suppressedByOneOf(errors: readonly OutputUnit[]): Set<OutputUnit> {
  const suppressed = new Set<OutputUnit>();
  for (const oneOf of errors.filter((e) => e.keyword === 'oneOf')) {
    const prefix = `${oneOf.keywordLocation}/`;
    const branches = new Map<string, OutputUnit[]>();
    for (const error of errors) {
      if (!error.keywordLocation.startsWith(prefix)) continue;
      const branch = error.keywordLocation.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const typeOnly = (list: OutputUnit[]) =>
      list.every((e) => e.keyword === 'type' || e.keyword === '$ref' || e.keyword === 'enum') &&
      list.some((e) => e.instanceLocation === oneOf.instanceLocation && (e.keyword === 'type' || e.keyword === 'enum'));
    const all = [...branches.values()];
    if (all.length > 0 && all.every(typeOnly)) {
      // No branch takes this type: keep one summary (the oneOf itself), drop the branches.
      for (const list of all) list.forEach((e) => suppressed.add(e));
    } else {
      suppressed.add(oneOf);
      for (const list of all) if (typeOnly(list)) list.forEach((e) => suppressed.add(e));
    }
  }
  return suppressed;
}

function branchTypes(oneOfPointer: string): string[] {
  const node = schemaAt(oneOfPointer);
  const branches = Array.isArray(node) ? (node as Record<string, unknown>[]) : [];
  return branches.flatMap((branch) => {
    const resolved = typeof branch.$ref === 'string' ? (schemaAt(branch.$ref) ?? branch) : branch;
    const type = resolved.type;
    return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
  });
}

/**
 * Validates one Compose document against the Compose Specification's JSON schema and turns each
 * error into a diagnostic at its line: unknown keys (with a "did you mean"), wrong types, missing
 * required keys, values outside an enum.
 */
export function validateComposeSchema(doc: ParsedDocument, value: unknown = doc.value): Diagnostic[] {
  validator ??= new Validator(schema, '7', false);
  const result = validator.validate(value);
  if (result.valid) return [];
  const suppressed = suppressedByOneOf(result.errors);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of result.errors) {
    if (suppressed.has(error)) continue;
    if (STRUCTURAL.has(error.keyword) && error.keyword !== 'oneOf') continue;
    const path = pointerSegments(error.instanceLocation);
    const where = describePath(path);
    const actual = valueAt(value, path);
    let diagnostic: Diagnostic | undefined;
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = /Property "([^"]*)"/.exec(error.error)?.[1] ?? '?';
        const parent = schemaAt(error.keywordLocation.replace(/\/additionalProperties$/, ''));
        const known = Object.keys((parent?.properties as Record<string, unknown>) ?? {});
        const guess = closestKey(key, known);
        diagnostic = diagnosticAt(
          doc.locate([...path, key], 'key'),
          'error',
          'COMPOSE-SCHEMA-UNKNOWN-KEY',
          `Unknown key '${key}' in ${where}` +
            (guess ? ` — did you mean '${guess}'?` : '. Custom fields must start with x-.') +
            ' (Compose Specification schema)',
        );
        break;
      }
      case 'type': {
        const expected =
          /Expected (.*)\.$/
            .exec(error.error)?.[1]
            ?.replace(/"/g, '')
            .split(/, | or /) ?? [];
        diagnostic = diagnosticAt(
          doc.locate(path),
          'error',
          'COMPOSE-SCHEMA-TYPE',
          `${capitalize(where)} is ${describeType(actual)}; it must be ${typeWords(expected)}.`,
        );
        break;
      }
      case 'oneOf': {
        const types = branchTypes(error.keywordLocation);
        diagnostic = diagnosticAt(
          doc.locate(path),
          'error',
          'COMPOSE-SCHEMA-TYPE',
          types.length > 0
            ? `${capitalize(where)} is ${describeType(actual)}; it must be ${typeWords(types)}.`
            : `${capitalize(where)} does not match the Compose Specification.`,
        );
        break;
      }
      case 'required': {
        const key = /property "([^"]*)"/.exec(error.error)?.[1] ?? '?';
        diagnostic = diagnosticAt(
          doc.locate(path, 'key'),
          'error',
          'COMPOSE-SCHEMA-REQUIRED',
          `${capitalize(where)} needs '${key}'.`,
        );
        break;
      }
      case 'enum': {
        const node = schemaAt(error.keywordLocation);
        const allowed = Array.isArray(node) ? (node as unknown[]).map(String).join(', ') : '';
        diagnostic = diagnosticAt(
          doc.locate(path),
          'error',
          'COMPOSE-SCHEMA-ENUM',
          `${capitalize(where)} is '${String(actual)}'; it must be one of: ${allowed}.`,
        );
        break;
      }
      case 'uniqueItems':
        diagnostic = diagnosticAt(
          doc.locate(path),
          'error',
          'COMPOSE-SCHEMA-DUPLICATE',
          `${capitalize(where)} lists the same item twice; remove the duplicate.`,
        );
        break;
      default:
        diagnostic = diagnosticAt(
          doc.locate(path),
          'error',
          'COMPOSE-SCHEMA',
          `${capitalize(where)}: ${error.error} (Compose Specification schema)`,
        );
    }
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(diagnostic);
    }
  }
  return out;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
