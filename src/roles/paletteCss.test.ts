import { describe, expect, it } from 'vitest';
import { paletteFor, type BaseTokens } from './palette';
import { cssVariable, paletteCss, roleBoxCss } from './paletteCss';
import { roleLook, VIEW_ROLES } from './registry';

/** The declarations of one rule of the generated CSS, by selector. */
function declarations(css: string, selector: string): Map<string, string> {
  const rule = css.split('\n').find((line) => line.startsWith(`${selector}{`));
  expect(rule, selector).toBeDefined();
  const body = rule!.slice(selector.length + 1, -1);
  return new Map(body.split(';').map((d) => d.split(':', 2) as [string, string]));
}

describe('paletteCss', () => {
  const css = paletteCss();
  const tokens = Object.keys(paletteFor('light')).filter((k) => k !== 'roleColours') as (keyof BaseTokens)[];

  it.each([
    ['light', ':root'],
    ['dark', ":root[data-theme='dark']"],
  ] as const)('holds every token of the %s palette, and a colour per role', (theme, selector) => {
    const palette = paletteFor(theme);
    const declared = declarations(css, selector);
    for (const token of tokens) expect(declared.get(cssVariable(token)), token).toBe(palette[token]);
    for (const role of VIEW_ROLES) {
      expect(declared.get(`--role-${role}`), role).toBe(palette.roleColours[roleLook(role).colour]);
    }
    expect(declared.size).toBe(tokens.length + VIEW_ROLES.length);
  });

  it.each([
    ['textDim', '--text-dim'],
    ['canvasBg', '--canvas-bg'],
    ['editorActiveLine', '--editor-active-line'],
    ['bg', '--bg'],
  ] as const)('names %s %s', (token, name) => {
    expect(cssVariable(token)).toBe(name);
  });

  it('gives every box its role colour, and groups none', () => {
    const rules = roleBoxCss().split('\n');
    expect(rules).toContain('.box.box-pod{--role:var(--role-pod)}');
    expect(rules).toContain('.box.box-registry{--role:var(--role-registry)}');
    expect(rules.some((r) => r.includes('box-cluster'))).toBe(false);
  });
});
