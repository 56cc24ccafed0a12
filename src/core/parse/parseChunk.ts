import { LineCounter, parseAllDocuments, YAMLParseError, type Document } from 'yaml';
import { findDuplicateKeys, nestingDepth } from './documentChecks';

/** Why a document that parsed has no value. */
export type DroppedValue = 'alias-bomb' | 'too-deep';

/** The YAML documents of one chunk of a file (the text between two `---` markers). */
export type ChunkParse = {
  docs: { doc: Document.Parsed; value: unknown; dropped?: DroppedValue }[];
  lineCounter: LineCounter;
  /** set when the chunk was not parsed: its brackets nest deeper than the parser can follow */
  tooDeep?: { offset: number };
};

/** Parses a chunk of text into YAML documents; positions are relative to the chunk. */
export type ChunkParser = (text: string) => ChunkParse;

// Aliases are capped against alias bombs (a billion laughs expands to gigabytes).
const MAX_ALIAS_COUNT = 1000;
/** Nesting deeper than this is refused before parsing: the parser recurses and would overflow the stack. */
export const MAX_NESTING_DEPTH = 500;

/** Parses a chunk with no memory of earlier calls. */
export function parseChunkUncached(text: string): ChunkParse {
  const lineCounter = new LineCounter();
  const deep = nestingDepth(text, MAX_NESTING_DEPTH);
  if (deep.exceededAt !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { docs: [], lineCounter, tooDeep: { offset: deep.exceededAt } };
  }
  // `merge` honours `<<` keys (compose files use them). The parser's own unique-key check
  // compares each key with every earlier one (40k keys took 20 s): ours is linear.
  let list: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false });
    list = Array.isArray(parsed) ? parsed : [];
  } catch {
    // Only a stack overflow escapes the parser; the depth check above should have caught it.
    return { docs: [], lineCounter, tooDeep: { offset: 0 } };
  }
  const docs = list.map((doc) => {
    for (const at of findDuplicateKeys(doc.contents)) {
      doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    }
    const overflow = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message));
    if (overflow) return { doc, value: null, dropped: 'too-deep' as const };
    if (doc.errors.length > 0) return { doc, value: null };
    try {
      return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
    } catch (error) {
      const dropped: DroppedValue = error instanceof RangeError ? 'too-deep' : 'alias-bomb';
      return { doc, value: null, dropped };
    }
  });
  return { docs, lineCounter };
}

/**
 * A chunk parser that remembers its results by text, so an edit re-parses only the documents
 * it changed. The cache belongs to whoever made the parser (an analyzer), never to the module.
 */
export function createCachingChunkParser(limit = 20_000): ChunkParser {
  const cache = new Map<string, ChunkParse>();
  return (text) => {
    const cached = cache.get(text);
    if (cached) return cached;
    const result = parseChunkUncached(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, result);
    return result;
  };
}
