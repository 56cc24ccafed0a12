import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paletteCss, roleBoxCss } from '../roles';

// Every custom property the stylesheet and the editor theme read is defined, by styles.css
// itself or by the palette installed at start-up.
describe('the installed palette', () => {
  const styles = readFileSync(new URL('./styles.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const editor = readFileSync(new URL('./editorSetup.ts', import.meta.url), 'utf8');
  const defined = new Set(
    [...`${styles}\n${paletteCss()}\n${roleBoxCss()}`.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]),
  );
  const used = new Set([...`${styles}\n${editor}`.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));

  it.each([...used].sort())('%s is defined', (name) => {
    expect(defined.has(name)).toBe(true);
  });

  it('styles.css writes no colour the palette holds', () => {
    const hex = [...styles.matchAll(/#[0-9a-fA-F]{3,8}\b/g)].map((m) => m[0]);
    expect([...new Set(hex)]).toEqual(['#fff']);
  });
});
