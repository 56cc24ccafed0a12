import type { SourceSpan } from '../model/source';
import type { ParsedDocument, PathSegment } from '../parse/parseFile';

/**
 * A Compose project after interpolation, `-f a -f b` merging and `extends`: plain values plus,
 * for every field and entry, the document and path it came from (so diagnostics and the editor
 * can point at the line that set it).
 */

export type Origin = { doc: ParsedDocument; path: PathSegment[] };

/** A service (or a top-level network, volume, …) with the origin of each field and entry. */
export type Located = {
  name: string;
  value: Record<string, unknown>;
  /** where it is declared (its key in the first file that names it) */
  origin: Origin;
  /** field → where the value in force was written */
  fields: Map<string, Origin>;
  /** `field/entry` → where one list item or map entry was written (entry: merged index or key) */
  entries: Map<string, Origin>;
};

export type ComposeProject = {
  services: Map<string, Located>;
  networks: Map<string, Located>;
  volumes: Map<string, Located>;
  secrets: Map<string, Located>;
  configs: Map<string, Located>;
};

/** The span of an origin, optionally a path below it. */
export function spanAt(origin: Origin, below: readonly PathSegment[] = [], at: 'key' | 'value' = 'value'): SourceSpan {
  return origin.doc.locate([...origin.path, ...below], at);
}

/**
 * The whole declaration of a service, network or volume: from its key to the end of its value,
 * so a cursor anywhere inside it finds the box, and a click on the box selects all of it.
 */
export function declarationSpan(origin: Origin): SourceSpan {
  const key = spanAt(origin, [], 'key');
  const value = spanAt(origin, [], 'value');
  return value.end.offset > key.end.offset ? { ...key, end: value.end } : key;
}

/** Where a field of a located thing was written (its key's span when asked), else where the thing is declared. */
export function fieldSpan(item: Located, field: string, at: 'key' | 'value' = 'value'): SourceSpan {
  const origin = item.fields.get(field);
  return origin ? spanAt(origin, [], at) : spanAt(item.origin, [], 'key');
}

/** Where one entry (list index in the merged value, or map key) of a field was written. */
export function entrySpan(item: Located, field: string, entry: string | number): SourceSpan {
  const origin = item.entries.get(`${field}/${entry}`);
  // A map entry points at its key (`db:` of depends_on), a list item at the item.
  return origin ? spanAt(origin, [], typeof origin.path.at(-1) === 'string' ? 'key' : 'value') : fieldSpan(item, field);
}
