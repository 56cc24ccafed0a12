/**
 * One chunk of a multi-document YAML file: the text between `---` markers. Documents are
 * independent, so a chunk whose text did not change need not be parsed again.
 */
export type TextChunk = {
  text: string;
  /** 0-based offset of the chunk in the file */
  offset: number;
  /** 0-based line of the chunk's first line in the file */
  line: number;
};

// A `---` at column 0 always starts a new document, even inside a block scalar (YAML 1.2 §9.1).
const DOCUMENT_MARKER = /^---(?=[ \t]|\r?$)/;

/** Splits a file at its `---` document markers, keeping each marker with the chunk it opens. */
export function splitDocuments(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let start = 0;
  let startLine = 0;
  let lineStart = 0;
  let line = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineStart > start && DOCUMENT_MARKER.test(text.slice(lineStart, lineEnd))) {
      chunks.push({ text: text.slice(start, lineStart), offset: start, line: startLine });
      start = lineStart;
      startLine = line;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
    line += 1;
  }
  chunks.push({ text: text.slice(start), offset: start, line: startLine });
  return chunks;
}
