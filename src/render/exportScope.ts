/**
 * The scope of one exported picture: the root element's id, the start of every other id and of
 * every keyframe name in it. An SVG's stylesheet and ids belong to the whole page once the SVG is
 * inline, so two pictures on one page must not share any (`url(#arrow)` would pick the first
 * one's marker, `@keyframes move` the last one's path).
 */

const SCOPE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A scope derived from `seed` (the same seed, the same scope): `pt-` and eight hex digits. */
export function scopeFromSeed(seed: string): string {
  // FNV-1a, 32 bits: no cryptography needed, only ids that differ when pictures differ.
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `pt-${hash.toString(16).padStart(8, '0')}`;
}

/** `wanted` when it is a safe XML id and CSS identifier, else a scope derived from it. */
export function safeScope(wanted: string): string {
  return SCOPE.test(wanted) ? wanted : scopeFromSeed(wanted);
}
