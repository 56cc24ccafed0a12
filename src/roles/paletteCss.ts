import { paletteFor, type BaseTokens, type Theme } from './palette';
import { roleColour, roleLook, VIEW_ROLES } from './registry';

/**
 * The palette as CSS: custom properties for the app's stylesheet (`--text-dim`, `--role-pod`),
 * light on `:root`, dark on `:root[data-theme='dark']` (the App sets `data-theme` from the
 * toggle, or from the OS when it follows it), and the rule that gives each box its role colour.
 */

const SELECTORS: Record<Theme, string> = { light: ':root', dark: ":root[data-theme='dark']" };

/** The CSS custom property of a base token: `textDim` → `--text-dim`. */
export function cssVariable(token: keyof BaseTokens): string {
  return `--${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The custom properties of both themes: every base token, and `--role-<role>` for every role. */
export function paletteCss(): string {
  return (['light', 'dark'] as const)
    .map((theme) => {
      const palette = paletteFor(theme);
      const { roleColours: _roleColours, ...tokens } = palette;
      const base = (Object.keys(tokens) as (keyof BaseTokens)[]).map((t) => `${cssVariable(t)}:${tokens[t]}`);
      const roles = VIEW_ROLES.map((role) => `--role-${role}:${roleColour(palette, role)}`);
      return `${SELECTORS[theme]}{${[...base, ...roles].join(';')}}`;
    })
    .join('\n');
}

/**
 * `.box.box-<role>{--role:var(--role-<role>)}` for every role drawn as a box: the canvas's box
 * takes its left bar and kind colour from `--role` (two classes, so it beats `.box` wherever
 * the rule stands).
 */
export function roleBoxCss(): string {
  return VIEW_ROLES.filter((role) => !roleLook(role).group)
    .map((role) => `.box.box-${role}{--role:var(--role-${role})}`)
    .join('\n');
}
