import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
} from 'yaml';

/**
 * Small edits of YAML text that keep the rest of the file as it was, byte for byte: the
 * `yaml` Document API finds the node and its source range, and only that range is rewritten.
 * Block collections lose or change whole lines; a flow collection (`[a, b]`) is written again.
 */

/** A replacement of `text.slice(start, end)`. */
export type TextEdit = { start: number; end: number; text: string };

/** Applies one edit. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The document of a (multi-document) file whose range holds `offset`. */
export function documentAt(text: string, offset: number): Document.Parsed | undefined {
  const parsed = parseAllDocuments(text);
  if (!Array.isArray(parsed)) return undefined;
  return parsed.find((doc) => doc.range[0] <= offset && offset <= doc.range[2]) ?? parsed[0];
}

/** The documents of a file (none when it is not YAML at all). */
export function documentsOf(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text);
  return Array.isArray(parsed) ? parsed : [];
}

/** The item of a collection whose source holds `offset`, or -1. */
export function itemIndexAt(collection: Node | null | undefined, offset: number): number {
  if (!isCollection(collection)) return -1;
  return collection.items.findIndex((item) => {
    const node = (isMap(collection) ? (item as Pair).key : item) as Node | null;
    const end = (isMap(collection) ? ((item as Pair).value as Node | null) : node)?.range?.[2];
    return !!node?.range && node.range[0] <= offset && offset <= (end ?? node.range[2]);
  });
}

/** Rewrites a scalar (a port number, a label value) as `replacement`. */
export function replaceScalar(node: Node, replacement: string): TextEdit | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1], text: replacement };
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/** Past the end of the line `at` is on, when only blanks or a comment follow; else `at`. */
function lineEnd(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const newline = text.indexOf('\n', at);
  const end = newline === -1 ? text.length : newline + 1;
  return /^\s*(#.*)?\s*$/.test(text.slice(at, end)) ? end : at;
}

/** The lines holding `[start, end)`, when nothing else stands on them; else undefined. */
function wholeLines(text: string, start: number, end: number, prefix: RegExp): TextEdit | undefined {
  const from = lineStart(text, start);
  if (!prefix.test(text.slice(from, start))) return undefined;
  return { start: from, end: lineEnd(text, end), text: '' };
}

/**
 * Removes item `index` of the collection `parent[key]` (a sequence item, or a map pair by its
 * position). When it is the last one, the collection stays, empty (`ports: []`, `labels: {}`),
 * so the file keeps its shape and its schema.
 */
export function removeItem(text: string, parent: Node, key: string, index: number): TextEdit | undefined {
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  const collection = pair?.value as Node | null | undefined;
  if (!pair || !isCollection(collection) || !collection.range) return undefined;
  const item = collection.items[index];
  if (item === undefined) return undefined;
  const empty = isSeq(collection) ? '[]' : '{}';
  const keyNode = pair.key as Node;
  if (collection.flow || collection.items.length === 1) {
    // The value is written again: empty, or a flow collection without the item.
    if (!keyNode.range) return undefined;
    if (collection.items.length === 1) {
      const valueEnd = collection.range[2];
      const newline = collection.flow ? '' : text[valueEnd - 1] === '\n' ? '\n' : '';
      const end = collection.flow ? collection.range[1] : valueEnd;
      return { start: keyNode.range[1], end, text: `: ${empty}${newline}` };
    }
    // A flow item goes with the comma after it (or, the last one, the comma before it).
    const [start, end] = itemSpan(item);
    if (start === undefined || end === undefined) return undefined;
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (index < collection.items.length - 1 && after) return { start, end: end + after[0].length, text: '' };
    const before = /\s*,\s*$/.exec(text.slice(collection.range[0], start));
    return before ? { start: start - before[0].length, end, text: '' } : undefined;
  }
  if (isSeq(collection)) {
    const node = item as Node;
    if (!node?.range) return undefined;
    // The item starts after its `- `: the dash and the indent before it go too.
    return wholeLines(text, node.range[0], node.range[2], /^\s*-\s*$/);
  }
  const [start, end] = itemSpan(item);
  if (start === undefined || end === undefined) return undefined;
  return wholeLines(text, start, end, /^\s*$/);
}

/** Where a collection's item starts and ends in the source: a node, or a pair from key to value. */
function itemSpan(item: unknown): [number | undefined, number | undefined] {
  if (isPair(item)) {
    const key = item.key as Node | null;
    const value = item.value as Node | null;
    return [key?.range?.[0], value?.range?.[1] ?? key?.range?.[1]];
  }
  const range = (item as Node | null)?.range;
  return [range?.[0], range?.[1]];
}
