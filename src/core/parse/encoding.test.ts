import { describe, expect, it } from 'vitest';
import { parseFile } from './parseFile';
import { decodeBytes, findEncodingProblem } from './encoding';

const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: café\n';
const utf16 = (text: string, bigEndian = false, bom = true) => {
  const all = bom ? `\ufeff${text}` : text;
  const bytes = new Uint8Array(all.length * 2);
  for (let i = 0; i < all.length; i++) {
    bytes[2 * i + (bigEndian ? 1 : 0)] = all.charCodeAt(i) & 0xff;
    bytes[2 * i + (bigEndian ? 0 : 1)] = all.charCodeAt(i) >> 8;
  }
  return bytes;
};
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const binary = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256);
const asUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('decodeBytes names the encoding and decodes what it can', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(manifest), 'UTF-8', manifest],
    ['UTF-8 with BOM', new TextEncoder().encode(`\ufeff${manifest}`), 'UTF-8', manifest],
    ['UTF-16LE with BOM', utf16(manifest), 'UTF-16LE', manifest],
    ['UTF-16BE with BOM', utf16(manifest, true), 'UTF-16BE', manifest],
    ['UTF-16LE without BOM', utf16(manifest, false, false), 'UTF-16LE', manifest],
    ['UTF-16BE without BOM', utf16(manifest, true, false), 'UTF-16BE', manifest],
    ['Latin-1', latin1(manifest), 'Latin-1', manifest],
    ['binary', binary, 'binary', undefined],
  ])('%s', (_, bytes, encoding, text) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    if (text !== undefined) expect(decoded.text).toBe(text);
  });
});

describe('text decoded as UTF-8 that was not', () => {
  it.each([
    ['UTF-16 with BOM', asUtf8(utf16(manifest)), 'error', 'is UTF-16 text'],
    ['UTF-16 without BOM', asUtf8(utf16(manifest, false, false)), 'error', 'is UTF-16 text'],
    ['binary', asUtf8(binary), 'error', 'is not text'],
    ['Latin-1', asUtf8(latin1(manifest)), 'warning', 'Latin-1'],
  ])('%s is named by INPUT-ENCODING', (_, text, severity, message) => {
    const { diagnostics } = parseFile({ name: 'f.yaml', text });
    const found = diagnostics.find((d) => d.code === 'INPUT-ENCODING');
    expect(found).toMatchObject({ severity, file: 'f.yaml' });
    expect(found!.message).toContain(message);
  });

  it('says nothing about clean text, tabs or carriage returns', () => {
    expect(findEncodingProblem(`${manifest}\r\n\tx: "ü → ✓"\n`)).toBeUndefined();
  });
});
