import type { Diagnostic } from '../../model/diagnostics';
import type { ObjectId } from '../../model/ids';
import type { Rejection } from '../../model/topology';
import type { ParsedDocument, PathSegment } from '../../parse/parseFile';
import type { ObjectMeta } from '../metadata';
import type { Reporter } from '../report';
import { checkApiKind } from './apiKindCheck';
import type { KubeSchemaData } from './schemaTypes';
import { validateAgainstSchema, type SchemaFinding } from './validateSchema';

/** The Kubernetes version the files are checked against, and its schemas when loaded. */
export type KubeValidation = { version: string; schemas?: KubeSchemaData };

/**
 * What the API server of that version says about one document: its apiVersion and kind, then
 * its fields. Returns why the object is rejected (not created at all), if it is; custom kinds
 * are noted once per kind in `customKinds`.
 */
export function checkDocument(
  doc: ParsedDocument,
  meta: ObjectMeta,
  id: ObjectId,
  validation: KubeValidation,
  report: Reporter,
  customKinds: Set<string>,
): Rejection | undefined {
  const { version, schemas } = validation;
  const { apiVersion, kind } = meta;
  const verdict = checkApiKind(apiVersion, kind, version, schemas);
  const reject = (code: string, path: PathSegment[], message: string): Rejection => {
    report(doc, path, 'error', code, message, id);
    return { code, message };
  };
  switch (verdict.status) {
    case 'removed': {
      const { removal } = verdict;
      const fix = removal.replacement ? `Use apiVersion: ${removal.replacement}` : 'There is no replacement';
      return reject(
        'K8S-API-REMOVED',
        ['apiVersion'],
        `${kind} ${apiVersion} was removed in Kubernetes ${removal.removedIn}; the API server of ${version} rejects it ` +
          `(no matches for kind "${kind}" in version "${apiVersion}"). ${fix}${removal.note ? ` (${removal.note})` : ''}.`,
      );
    }
    case 'unknown-kind':
    case 'unknown-version': {
      const { suggestion } = verdict;
      const hint = !suggestion
        ? ''
        : suggestion.kind !== kind
          ? ` Did you mean ${suggestion.kind}${suggestion.apiVersion !== apiVersion ? ` (apiVersion: ${suggestion.apiVersion})` : ''}?`
          : ` ${kind} is served by ${suggestion.apiVersion}: write apiVersion: ${suggestion.apiVersion}.`;
      return verdict.status === 'unknown-kind'
        ? reject(
            'K8S-KIND-UNKNOWN',
            suggestion?.kind === kind ? ['apiVersion'] : ['kind'],
            `Kubernetes ${version} has no kind ${kind} in ${apiVersion}.${hint}`,
          )
        : reject(
            'K8S-APIVERSION-UNKNOWN',
            ['apiVersion'],
            `Kubernetes ${version} does not serve ${apiVersion}.${hint}`,
          );
    }
    case 'custom': {
      const key = `${apiVersion} ${kind}`;
      if (!customKinds.has(key)) {
        customKinds.add(key);
        report(
          doc,
          ['kind'],
          'info',
          'K8S-CRD-UNVALIDATED',
          `${kind} (${apiVersion}) is a custom resource: it needs its CustomResourceDefinition installed, ` +
            'and Portolan has no schema for it, so its fields are not validated.',
          id,
        );
      }
      return undefined;
    }
    case 'served':
      if (schemas && verdict.typeName) {
        for (const finding of validateAgainstSchema(doc.value, verdict.typeName, schemas)) {
          reportFinding(doc, finding, `${apiVersion} ${kind}`, version, id, report);
        }
      }
      return undefined;
  }
}

function reportFinding(
  doc: ParsedDocument,
  finding: SchemaFinding,
  what: string,
  version: string,
  id: ObjectId,
  report: Reporter,
): void {
  const where = formatPath(finding.path);
  switch (finding.problem) {
    case 'unknown-field':
      return report(
        doc,
        finding.path,
        'warning',
        'K8S-SCHEMA-UNKNOWN-FIELD',
        `unknown field "${where}" in ${what} (Kubernetes ${version}): the API server drops it ` +
          `(kubectl warns; --validate=strict rejects it).${finding.suggestion ? ` Did you mean "${finding.suggestion}"?` : ''}`,
        id,
        'key',
      );
    case 'wrong-type':
      return report(
        doc,
        finding.path,
        'error',
        'K8S-SCHEMA-TYPE',
        `${where || 'the object'} must be ${finding.expected}, not ${finding.actual} (${what}, Kubernetes ${version}); ` +
          'the API server rejects the object.',
        id,
      );
    case 'missing-field':
      return report(
        doc,
        finding.path,
        'error',
        'K8S-SCHEMA-REQUIRED',
        `${where ? `${where}.` : ''}${finding.field} is required in ${what} (Kubernetes ${version}); ` +
          'the API server rejects the object without it.',
        id,
        'key',
      );
  }
}

/** `spec.containers[0].ports`: a path the way kubectl prints it. */
function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/** Drops a missing-field finding where a reader already reported the same gap (same line, an error). */
export function dropDuplicateRequired(diagnostics: Diagnostic[]): Diagnostic[] {
  const errorsAt = new Set(
    diagnostics
      .filter((d) => d.severity === 'error' && d.code !== 'K8S-SCHEMA-REQUIRED')
      .map((d) => `${d.file}:${d.line}`),
  );
  return diagnostics.filter((d) => d.code !== 'K8S-SCHEMA-REQUIRED' || !errorsAt.has(`${d.file}:${d.line}`));
}
