import type { ObjectId } from '../model/ids';
import type { ParsedDocument, PathSegment } from '../parse/parseFile';
import { asRecord, listOf, recordOf } from './read';
import { describeObject, type Reporter } from './report';

/**
 * Fields whose wrong type the readers would otherwise skip in silence (`replicas: "three"`,
 * `containerPort: http`, `selector: app`): the API server refuses such an object, so each is
 * an error at its line. Digit strings (`replicas: "3"`) are left to the schema check.
 */
type FieldRule = { path: PathSegment[]; expect: 'count' | 'port' | 'mapping' };

const SCALED = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);
const SELECTED = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'ReplicationController',
  'Service',
]);
const POD_SPEC: Record<string, PathSegment[]> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
};

/** The fields of a document to check, with the type each must have. */
function rulesFor(kind: string, value: Record<string, unknown>): FieldRule[] {
  const rules: FieldRule[] = [];
  if (SCALED.has(kind)) rules.push({ path: ['spec', 'replicas'], expect: 'count' });
  if (SELECTED.has(kind)) rules.push({ path: ['spec', 'selector'], expect: 'mapping' });
  if (kind === 'Service') {
    listOf(recordOf(value.spec).ports).forEach((_, i) =>
      rules.push({ path: ['spec', 'ports', i, 'port'], expect: 'port' }),
    );
  }
  const podSpec = POD_SPEC[kind];
  if (podSpec) {
    const spec = recordOf(readAt(value, podSpec));
    for (const group of ['containers', 'initContainers'] as const) {
      listOf(spec[group]).forEach((container, ci) => {
        listOf(recordOf(container).ports).forEach((_, pi) =>
          rules.push({ path: [...podSpec, group, ci, 'ports', pi, 'containerPort'], expect: 'port' }),
        );
      });
    }
  }
  return rules;
}

/** Reports every checked field of the document whose value has the wrong type. */
export function checkFieldTypes(
  doc: ParsedDocument,
  kind: string,
  what: { namespace: string | undefined; name: string },
  id: ObjectId,
  report: Reporter,
): void {
  for (const rule of rulesFor(kind, doc.value)) {
    const value = readAt(doc.value, rule.path);
    if (value === undefined || value === null || fits(rule.expect, value)) continue;
    const field = rule.path.filter((s) => typeof s === 'string').slice(-1)[0] as string;
    report(
      doc,
      rule.path,
      'error',
      'K8S-FIELD-TYPE',
      `${describeObject(kind, what.namespace, what.name)}: ${field} must be ${EXPECTED[rule.expect]}, not ${shown(value)}; ` +
        'the API server refuses the object, and Portolan ignores the field.',
      id,
    );
  }
}

const EXPECTED: Record<FieldRule['expect'], string> = {
  count: 'an integer of 0 or more',
  port: 'an integer from 1 to 65535 (a port name goes in `name:`)',
  mapping: 'a mapping of labels (e.g. `app: web`)',
};

function fits(expect: FieldRule['expect'], value: unknown): boolean {
  if (expect === 'mapping') return asRecord(value) !== undefined;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) return false;
  return expect === 'count' ? number >= 0 : number >= 1 && number <= 65535;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function readAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof segment === 'number') current = listOf(current)[segment];
    else current = recordOf(current)[segment];
  }
  return current;
}
