import type { SourceSpan } from './source';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in the input. Codes are stable (tests and docs refer to them); the message
 * says what is wrong, where, and how to fix it.
 */
export type Diagnostic = {
  severity: Severity;
  code: string;
  message: string;
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** Where it stands, when more than a point is known (for editor underlines). */
  span?: SourceSpan;
  /** The object it is about, when there is one (for badges on the canvas). */
  objectId?: string;
};

/** Builds a diagnostic located at a span. */
export function diagnosticAt(
  span: SourceSpan,
  severity: Severity,
  code: string,
  message: string,
  objectId?: string,
): Diagnostic {
  return {
    severity,
    code,
    message,
    file: span.file,
    line: span.start.line,
    column: span.start.column,
    span,
    ...(objectId ? { objectId } : {}),
  };
}

/** Orders diagnostics by file, line, column, then severity (errors first). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    order[a.severity] - order[b.severity] ||
    a.code.localeCompare(b.code)
  );
}
