/**
 * Text that is not UTF-8: a file saved as UTF-16 or Latin-1, or no text at all (an image).
 * Browsers and the CLI decode files as UTF-8, which turns such bytes into NULs and U+FFFD;
 * these functions name what happened instead of letting garbage reach the parser.
 */

/** What a file's bytes are. */
export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Latin-1' | 'binary';

/** What text decoded as UTF-8 looks like when it was something else. */
export type EncodingProblem = { kind: 'utf16' | 'binary'; offset: number } | { kind: 'not-utf8'; offset: number };

/** Controls other than tab, newline and carriage return never appear in YAML. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/g;

/** Finds what is wrong with text that was decoded as UTF-8 without being UTF-8, in one pass. */
export function findEncodingProblem(text: string): EncodingProblem | undefined {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  const nul = sample.indexOf('\u0000');
  if (nul !== -1) {
    // UTF-16 of ASCII text: every other byte is zero.
    let zeros = 0;
    for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) zeros++;
    return { kind: zeros > sample.length / 4 && !hasOtherControls(sample) ? 'utf16' : 'binary', offset: nul };
  }
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls > sample.length / 100) return { kind: 'binary', offset: sample.search(CONTROL) };
  const replacement = text.indexOf('\ufffd');
  if (replacement !== -1) {
    let bad = 0;
    for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
    return { kind: bad > sample.length / 10 ? 'binary' : 'not-utf8', offset: replacement };
  }
  return undefined;
}

function hasOtherControls(text: string): boolean {
  CONTROL.lastIndex = 0;
  for (const match of text.matchAll(CONTROL)) if (match[0] !== '\u0000') return true;
  return false;
}

/**
 * Decodes a file's bytes, naming their encoding: UTF-8 (with or without BOM), UTF-16 (by BOM,
 * or by the zero bytes of ASCII text), Latin-1 (bytes that are not UTF-8), or binary.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'UTF-16BE' };
  const head = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = head.length / 2;
  if (oddZeros > half * 0.4 && evenZeros === 0) return { text: decode('utf-16le', bytes), encoding: 'UTF-16LE' };
  if (evenZeros > half * 0.4 && oddZeros === 0) return { text: decode('utf-16be', bytes), encoding: 'UTF-16BE' };
  if (evenZeros + oddZeros > 0) return { text: '', encoding: 'binary' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: findEncodingProblem(text)?.kind === 'binary' ? 'binary' : 'UTF-8' };
  } catch {
    const text = decode('latin1', bytes);
    return { text, encoding: findEncodingProblem(text)?.kind === 'binary' ? 'binary' : 'Latin-1' };
  }
}

function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}
