import type { Document, Node } from 'yaml';
import type { SourceFile, SourceSpan } from '../model/source';
import { applyEdit, documentAt, type TextEdit } from './yamlEdit';

/** The document an object was read from, and its file. */
export type SourceDocument = { file: SourceFile; doc: Document.Parsed };

/** The parsed document that `span` points into. */
export function sourceDocument(files: readonly SourceFile[], span: SourceSpan | undefined): SourceDocument | undefined {
  if (!span) return undefined;
  const file = files.find((f) => f.name === span.file);
  const doc = file ? documentAt(file.text, span.start.offset) : undefined;
  return file && doc ? { file, doc } : undefined;
}

/** The node at `path` in a document, if there is one. */
export function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | undefined {
  const node = doc.getIn(path, true);
  return node && typeof node === 'object' ? (node as Node) : undefined;
}

/** The files with `edits` made to `name`; undefined when there is nothing to edit. */
export function withEdits(
  files: readonly SourceFile[],
  name: string,
  edits: readonly (TextEdit | undefined)[],
): SourceFile[] | undefined {
  const made = edits.filter((e): e is TextEdit => !!e);
  if (made.length === 0) return undefined;
  // From the end of the file backwards, so an edit never moves the next one's offsets.
  const ordered = [...made].sort((a, b) => b.start - a.start);
  return files.map((file) =>
    file.name === name ? { name, text: ordered.reduce((text, edit) => applyEdit(text, edit), file.text) } : file,
  );
}
