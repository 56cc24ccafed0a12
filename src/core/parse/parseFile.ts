import { isMap, isPair, type Pair, isScalar, isSeq, type Document, type Node, type YAMLError } from 'yaml';
import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import type { Position, SourceFile, SourceSpan } from '../model/source';
import { findEncodingProblem } from './encoding';
import { MAX_NESTING_DEPTH, parseChunkUncached, type ChunkParser } from './parseChunk';
import { splitDocuments } from './splitDocuments';

export type InputKind = 'kubernetes' | 'compose' | 'helm' | 'kustomization' | 'unknown';
export type PathSegment = string | number;

/** One YAML document (or one item of a `kind: List`) with a way back to its source. */
export type ParsedDocument = {
  file: string;
  /** 0-based position of the document in its file */
  index: number;
  /** position in a `kind: List`'s `items`, when it came from one */
  item?: number;
  kind: InputKind;
  /** The document as plain data; a mapping. */
  value: Record<string, unknown>;
  /** The whole document (or list item). */
  span: SourceSpan;
  /** Where a field stands: the nearest existing node along `path` (relative to `value`). */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): SourceSpan;
};

export type ParsedFile = {
  file: string;
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  /** Set when the whole file is not a manifest (a Helm template, a kustomization). */
  kind?: InputKind;
};

const HELM_MARKER = /\{\{-?\s/;

/**
 * Parses one file into documents, with syntax diagnostics and input detection. `parseChunk`
 * parses the text between two `---` markers; an analyzer passes a caching one.
 */
export function parseFile(source: SourceFile, parseChunk: ChunkParser = parseChunkUncached): ParsedFile {
  const { name: file, text } = source;
  const diagnostics: Diagnostic[] = [];

  const encoding = findEncodingProblem(text);
  if (encoding) {
    const at = positionInText(text, encoding.offset);
    const span = { file, start: at, end: at };
    if (encoding.kind !== 'not-utf8') {
      const what =
        encoding.kind === 'utf16'
          ? `${file} is UTF-16 text, not UTF-8; save it as UTF-8 (e.g. \`iconv -f UTF-16 -t UTF-8\`) and open it again.`
          : `${file} is not text (it holds bytes no YAML file has, from line ${at.line}); open the manifest itself.`;
      diagnostics.push(diagnosticAt(span, 'error', 'INPUT-ENCODING', what));
      return { file, documents: [], diagnostics };
    }
    diagnostics.push(
      diagnosticAt(
        span,
        'warning',
        'INPUT-ENCODING',
        `${file} holds bytes that are not UTF-8 at line ${at.line} (shown as �): it was probably saved as Latin-1 or ` +
          'Windows-1252. Names with these characters will not match; save the file as UTF-8.',
      ),
    );
  }

  const helm = HELM_MARKER.exec(text) ?? /\{\{/.exec(text);
  if (helm) {
    const at = positionInText(text, helm.index);
    diagnostics.push(
      diagnosticAt(
        { file, start: at, end: positionInText(text, helm.index + 2) },
        'error',
        'INPUT-HELM-TEMPLATE',
        `${file} is a Helm template ({{ … }} at line ${at.line}), not a manifest: render it first with ` +
          '`helm template RELEASE CHART > rendered.yaml` and paste the output.',
      ),
    );
    return { file, documents: [], diagnostics, kind: 'helm' };
  }

  const documents: ParsedDocument[] = [];
  let index = 0;
  for (const chunk of splitDocuments(text)) {
    const parsed = parseChunk(chunk.text);
    const { docs, lineCounter } = parsed;
    const toPosition = (offset: number): Position => {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line + chunk.line, column: col, offset: offset + chunk.offset };
    };
    const spanOf = (start: number, end: number): SourceSpan => ({
      file,
      start: toPosition(start),
      end: toPosition(end),
    });

    if (parsed.tooDeep) {
      const at = parsed.tooDeep.offset;
      diagnostics.push(tooDeep(spanOf(at, at + 1), file, index++));
      continue;
    }
    for (const { doc, value, dropped } of docs) {
      const docIndex = index++;
      const docStart = doc.contents?.range[0] ?? doc.range[0];
      if (dropped === 'too-deep') {
        diagnostics.push(tooDeep(spanOf(docStart, docStart + 1), file, docIndex));
        continue;
      }
      if (dropped === 'alias-bomb') {
        diagnostics.push(
          diagnosticAt(
            spanOf(docStart, docStart + 1),
            'error',
            'INPUT-ALIAS-BOMB',
            `Document ${docIndex + 1} of ${file} expands its aliases (*name) more than 1,000 times, as an alias bomb ` +
              '("billion laughs") does; it is not read. Write the repeated values out, or use fewer aliases.',
          ),
        );
        continue;
      }
      const error = rootSyntaxError(doc.errors);
      if (error) {
        const more = doc.errors.length - 1;
        diagnostics.push(
          diagnosticAt(
            spanOf(error.pos[0], Math.max(error.pos[1], error.pos[0])),
            'error',
            'YAML-SYNTAX',
            syntaxMessage(error.message) +
              (more > 0 ? ` (${more} more syntax error${more === 1 ? '' : 's'} in this document follow from it)` : ''),
          ),
        );
      }
      for (const warning of doc.warnings) {
        diagnostics.push(
          diagnosticAt(
            spanOf(warning.pos[0], warning.pos[1]),
            'warning',
            'YAML-WARNING',
            syntaxMessage(warning.message),
          ),
        );
      }
      if (doc.errors.length > 0 || value === null || value === undefined) continue;
      const docSpan = spanOf(doc.contents?.range[0] ?? doc.range[0], doc.contents?.range[2] ?? doc.range[2]);
      if (typeof value !== 'object' || Array.isArray(value)) {
        diagnostics.push(
          diagnosticAt(
            docSpan,
            'warning',
            'INPUT-NOT-A-MAPPING',
            `Document ${docIndex + 1} of ${file} is a ${Array.isArray(value) ? 'list' : 'plain value'}, not a Kubernetes object or a Compose file; it is ignored.`,
          ),
        );
        continue;
      }
      const record = value as Record<string, unknown>;
      const locateIn =
        (prefix: readonly PathSegment[]) =>
        (path: readonly PathSegment[], at: 'key' | 'value' = 'value'): SourceSpan => {
          const range = locateRange(doc, [...prefix, ...path], at);
          return range ? spanOf(range[0], range[1]) : docSpan;
        };
      const kind = detectDocumentKind(file, record);
      if (kind === 'kustomization') {
        diagnostics.push(
          diagnosticAt(
            locateIn([])(['kind']),
            'error',
            'INPUT-KUSTOMIZATION',
            `${file} is a kustomization: it lists resources to build, it is not itself deployed. ` +
              'Render it first with `kubectl kustomize DIR > rendered.yaml` and paste the output.',
          ),
        );
        return { file, documents: [], diagnostics, kind: 'kustomization' };
      }
      if (kind === 'kubernetes' && record.kind === 'List' && Array.isArray(record.items)) {
        record.items.forEach((item, itemIndex) => {
          const locate = locateIn(['items', itemIndex]);
          if (!item || typeof item !== 'object' || Array.isArray(item)) return;
          documents.push({
            file,
            index: docIndex,
            item: itemIndex,
            kind: 'kubernetes',
            value: item as Record<string, unknown>,
            span: locate([]),
            locate,
          });
        });
        continue;
      }
      if (kind === 'unknown') {
        diagnostics.push(
          diagnosticAt(
            docSpan,
            'warning',
            'INPUT-UNKNOWN-DOCUMENT',
            `Document ${docIndex + 1} of ${file} is neither a Kubernetes object (it needs apiVersion and kind) nor a Compose file (it needs services:); it is ignored.`,
          ),
        );
        continue;
      }
      documents.push({ file, index: docIndex, kind, value: record, span: docSpan, locate: locateIn([]) });
    }
  }
  return { file, documents, diagnostics };
}

/** Tells a Kubernetes object from a Compose file from a kustomization. */
export function detectDocumentKind(file: string, value: Record<string, unknown>): InputKind {
  const kind = value.kind;
  if (
    kind === 'Kustomization' ||
    (/(^|\/)kustomization\.ya?ml$/i.test(file) &&
      'resources' in value &&
      !('apiVersion' in value && kind !== 'Kustomization'))
  ) {
    return 'kustomization';
  }
  if (typeof value.apiVersion === 'string' && typeof kind === 'string') return 'kubernetes';
  if (value.services && typeof value.services === 'object' && !Array.isArray(value.services)) return 'compose';
  if (typeof kind === 'string' && typeof value.metadata === 'object') return 'kubernetes';
  return 'unknown';
}

function tooDeep(span: SourceSpan, file: string, docIndex: number): Diagnostic {
  return diagnosticAt(
    span,
    'error',
    'YAML-TOO-DEEP',
    `Document ${docIndex + 1} of ${file} is too deeply nested (more than ${MAX_NESTING_DEPTH} levels of brackets or ` +
      'indentation); it is not read. No manifest nests this deep: check for unclosed [ or {.',
  );
}

// A tab used as indentation confuses every line after it: it is the cause, the rest are echoes.
const ROOT_CAUSES: ReadonlySet<string> = new Set(['TAB_AS_INDENT']);

/**
 * The one syntax error of a document worth showing: a known root cause (a tab), else the first
 * by position. The parser reports each consequence too, and a cascade hides the real mistake.
 */
function rootSyntaxError(errors: readonly YAMLError[]): YAMLError | undefined {
  const byPosition = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  return byPosition.find((e) => ROOT_CAUSES.has(e.code)) ?? byPosition[0];
}

function syntaxMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML syntax: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** 1-based line/column of an offset, for text that has no LineCounter. */
function positionInText(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** The offsets of the node at `path`, or of the deepest existing node along it. */
function locateRange(
  doc: Document.Parsed,
  path: readonly PathSegment[],
  at: 'key' | 'value',
): [number, number] | undefined {
  let node: Node | null | undefined = doc.contents;
  let best: [number, number] | undefined = node?.range ? [node.range[0], node.range[1]] : undefined;
  for (const [depth, segment] of path.entries()) {
    if (!node) break;
    let next: Node | null | undefined;
    let keyNode: Node | undefined;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment));
      if (pair) {
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        next = (pair.value as Node | null) ?? undefined;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment] as Node | undefined;
    }
    if (next === undefined && keyNode === undefined) break;
    const target = at === 'key' && depth === path.length - 1 && keyNode ? keyNode : (next ?? keyNode);
    if (target?.range) best = [target.range[0], target.range[1]];
    node = next;
  }
  return best;
}

// Each map's pairs by key, made on the first lookup: a Compose file of 500 services is located
// thousands of times, and a scan of its `services:` map each time made that quadratic. Keyed
// by the parsed node, so it goes with the document (a memo, not state: the same node always
// gives the same index).
const pairIndexes = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();

function pairsByKey(map: { items: unknown[] }): Map<string, Pair<unknown, unknown>> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (!isPair(p)) continue;
      const key = keyText(p.key);
      if (!index.has(key)) index.set(key, p); // the first pair wins, as a scan would find it
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
