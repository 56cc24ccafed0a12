import { LineCounter, parseAllDocuments, type Document } from 'yaml';

/** The YAML documents of one chunk of a file (the text between two `---` markers). */
export type ChunkParse = { docs: { doc: Document.Parsed; value: unknown }[]; lineCounter: LineCounter };

/** Parses a chunk of text into YAML documents; positions are relative to the chunk. */
export type ChunkParser = (text: string) => ChunkParse;

// Aliases are capped against alias bombs (a billion laughs expands to gigabytes).
const MAX_ALIAS_COUNT = 1000;

/** Parses a chunk with no memory of earlier calls. */
export function parseChunkUncached(text: string): ChunkParse {
  const lineCounter = new LineCounter();
  // `merge` honours `<<` keys (compose files use them).
  const yamlDocs = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(yamlDocs) ? yamlDocs : [];
  const docs = list.map((doc) => {
    let value: unknown = null;
    if (doc.errors.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        value = null;
      }
    }
    return { doc, value };
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
