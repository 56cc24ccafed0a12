import { diagnosticAt, type Diagnostic } from './model/diagnostics';
import type { SourceFile } from './model/source';
import { splitDocuments } from './parse/splitDocuments';

/**
 * Past these sizes a workspace is not drawn or checked but counted: parsing 10 MB of YAML
 * takes gigabytes, and 20,000 boxes are no picture anyone can read.
 */
export const SUMMARY_LIMITS = { characters: 5_000_000, documents: 20_000 } as const;

/** How many objects of a kind a namespace holds (`''` for objects that name none). */
export type SummaryRow = { namespace: string; kind: string; count: number };

/** The size of a workspace, when it is over a limit. */
export function oversize(files: readonly SourceFile[]): { characters: number; documents: number } | undefined {
  let characters = 0;
  for (const file of files) characters += file.text.length;
  let documents = 0;
  if (characters <= SUMMARY_LIMITS.characters) {
    for (const file of files) documents += countDocumentMarkers(file.text);
    if (documents <= SUMMARY_LIMITS.documents) return undefined;
  }
  return { characters, documents };
}

function countDocumentMarkers(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n---'); i !== -1; i = text.indexOf('\n---', i + 4)) count++;
  return count;
}

const KIND = /^kind:[ \t]*["']?([A-Za-z][\w.-]*)/m;
const METADATA = /^metadata:[ \t]*\r?\n/m;
const NAMESPACE = /^([ \t]+)namespace:[ \t]*["']?([a-z0-9][a-z0-9-]*)/m;

/**
 * Counts the objects of an oversized workspace by namespace and kind, reading only the
 * top-level `kind:` and `metadata.namespace` lines of each document (no YAML parse).
 */
export function summarizeWorkspace(
  files: readonly SourceFile[],
  size: { characters: number; documents: number },
): { rows: SummaryRow[]; diagnostics: Diagnostic[] } {
  const counts = new Map<string, SummaryRow>();
  let documents = 0;
  for (const file of files) {
    for (const chunk of splitDocuments(file.text)) {
      const kind = KIND.exec(chunk.text)?.[1];
      if (!kind) continue;
      documents++;
      const namespace = namespaceOf(chunk.text) ?? '';
      const key = `${namespace}\0${kind}`;
      const row = counts.get(key) ?? { namespace, kind, count: 0 };
      row.count++;
      counts.set(key, row);
    }
  }
  const rows = [...counts.values()].sort(
    (a, b) => a.namespace.localeCompare(b.namespace) || b.count - a.count || a.kind.localeCompare(b.kind),
  );
  const first = files[0]?.name ?? '';
  const at = { file: first, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const megabytes = (size.characters / 1_000_000).toFixed(1);
  const diagnostics: Diagnostic[] = [
    diagnosticAt(
      at,
      'warning',
      'INPUT-TOO-LARGE',
      `This workspace is ${megabytes} MB in ${documents.toLocaleString('en')} objects, over Portolan's limits ` +
        `(${SUMMARY_LIMITS.characters / 1_000_000} MB or ${SUMMARY_LIMITS.documents.toLocaleString('en')} objects): ` +
        'it is summarised (objects counted per namespace and kind), not drawn or checked. Open one namespace or one app at a time to see it.',
    ),
  ];
  const byNamespace = new Map<string, SummaryRow[]>();
  for (const row of rows) byNamespace.set(row.namespace, [...(byNamespace.get(row.namespace) ?? []), row]);
  for (const [namespace, list] of byNamespace) {
    diagnostics.push(
      diagnosticAt(
        at,
        'info',
        'INPUT-SUMMARY',
        `${namespace ? `Namespace ${namespace}` : 'No namespace'}: ${list.map((r) => `${r.count.toLocaleString('en')} ${r.kind}`).join(', ')}.`,
      ),
    );
  }
  return { rows, diagnostics };
}

function namespaceOf(text: string): string | undefined {
  const metadata = METADATA.exec(text);
  if (!metadata) return undefined;
  const start = metadata.index + metadata[0].length;
  // The metadata block ends at the next line that starts at column 0.
  const end = text.slice(start).search(/^\S/m);
  const block = end === -1 ? text.slice(start) : text.slice(start, start + end);
  const indent = /^[ \t]+/.exec(block)?.[0];
  const found = NAMESPACE.exec(block);
  return found && found[1] === indent ? found[2] : undefined;
}
