import { diagnosticAt, type Diagnostic, type Severity } from '../model/diagnostics';
import type { ObjectId } from '../model/ids';
import type { ParsedDocument, PathSegment } from '../parse/parseFile';

/** Emits a diagnostic at a field of a document (the nearest existing node along the path). */
export type Reporter = {
  (
    doc: ParsedDocument,
    path: readonly PathSegment[],
    severity: Severity,
    code: string,
    message: string,
    objectId?: ObjectId,
    at?: 'key' | 'value',
  ): void;
  readonly diagnostics: Diagnostic[];
};

/** Creates a reporter that collects diagnostics in a list. */
export function createReporter(): Reporter {
  const diagnostics: Diagnostic[] = [];
  const report = (
    doc: ParsedDocument,
    path: readonly PathSegment[],
    severity: Severity,
    code: string,
    message: string,
    objectId?: ObjectId,
    at: 'key' | 'value' = 'value',
  ) => {
    diagnostics.push(diagnosticAt(doc.locate(path, at), severity, code, message, objectId));
  };
  return Object.assign(report, { diagnostics });
}

/** `Deployment default/web` (or `Node node-1`), the way messages name an object. */
export function describeObject(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}
