/**
 * Readers for untrusted YAML values: every manifest field may be missing, of the wrong type, or
 * a number written as a string. They never throw; they return undefined or an empty value.
 */

export type Json = Record<string, unknown>;

/** The value as a mapping, or undefined (arrays and scalars are not mappings). */
export function asRecord(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The value as a mapping, or an empty one. */
export function recordOf(value: unknown): Json {
  return asRecord(value) ?? {};
}

/** The value as a list, or an empty one. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string; numbers and booleans become text (YAML turns `name: 123` into a number). */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A whole number, accepting digit strings (`replicas: "3"`); undefined otherwise. */
export function asInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

/** A boolean, accepting `"true"`/`"false"` text. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A list of strings, dropping anything that is not a scalar. */
export function stringList(value: unknown): string[] {
  return listOf(value)
    .map(asString)
    .filter((s): s is string => s !== undefined);
}
