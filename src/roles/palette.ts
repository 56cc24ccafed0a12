/**
 * The colours of Portolan, light and dark: one palette feeds the app's CSS custom properties
 * (paletteCss) and the SVG renderer. A role names a colour token (`RoleSpec.colour`); the
 * palette says what the token is in each theme.
 */

export type Theme = 'light' | 'dark';

/** The colour tokens roles pick from. */
export type RoleColour = 'slate' | 'violet' | 'blue' | 'green' | 'orange' | 'ochre' | 'grey' | 'red' | 'teal';

/** The base tokens; each is the CSS custom property of its name in kebab case (`textDim` → `--text-dim`). */
export type BaseTokens = {
  /** the page behind the panels */
  bg: string;
  panel: string;
  border: string;
  text: string;
  textDim: string;
  textFaint: string;
  accent: string;
  accentSoft: string;
  error: string;
  errorSoft: string;
  warning: string;
  warningSoft: string;
  info: string;
  /** behind the boxes of the canvas and of a rendered picture */
  canvasBg: string;
  editorBg: string;
  editorGutter: string;
  editorActiveLine: string;
  editorSelection: string;
  syntaxKey: string;
  syntaxString: string;
  syntaxNumber: string;
  syntaxComment: string;
  syntaxMeta: string;
  syntaxPunctuation: string;
  groupCluster: string;
  groupNode: string;
  groupBorder: string;
  boxBg: string;
  minimapGroup: string;
  minimapBox: string;
  edge: string;
};

export type Palette = BaseTokens & { roleColours: Record<RoleColour, string> };

// One set of role colours for both themes.
const ROLE_COLOURS: Record<RoleColour, string> = {
  slate: '#6b7a90',
  violet: '#7d3fb5',
  blue: '#2f6fed',
  green: '#1f8a5b',
  orange: '#b15d00',
  ochre: '#8a6d00',
  grey: '#8a94a3',
  red: '#b3261e',
  teal: '#0e7490',
};

const LIGHT: Palette = {
  bg: '#f6f7f9',
  panel: '#ffffff',
  border: '#d8dde5',
  text: '#1d2430',
  textDim: '#566172',
  textFaint: '#667085',
  accent: '#2f6fed',
  accentSoft: '#e3ecfd',
  error: '#d0342c',
  errorSoft: '#fde8e7',
  warning: '#975a00',
  warningSoft: '#fff1db',
  info: '#5b6b82',
  canvasBg: '#fbfcfd',
  editorBg: '#ffffff',
  editorGutter: '#f6f7f9',
  editorActiveLine: '#f1f4f9',
  editorSelection: '#cfe0ff',
  syntaxKey: '#1f5fbf',
  syntaxString: '#2a7a3b',
  syntaxNumber: '#a44e00',
  syntaxComment: '#667085',
  syntaxMeta: '#7d3fb5',
  syntaxPunctuation: '#687385',
  groupCluster: '#eef3fb',
  groupNode: '#ffffff',
  groupBorder: '#b9c4d4',
  boxBg: '#ffffff',
  minimapGroup: '#dfe6f1',
  minimapBox: '#9aa8bd',
  edge: '#7d8a9c',
  roleColours: ROLE_COLOURS,
};

const DARK: Palette = {
  bg: '#14171c',
  panel: '#1b1f26',
  border: '#2e3541',
  text: '#e3e8ef',
  textDim: '#a7b1c0',
  textFaint: '#8d98a9',
  accent: '#6d9bff',
  accentSoft: '#1f2b45',
  error: '#ff6b63',
  errorSoft: '#3a1f1e',
  warning: '#f0a73a',
  warningSoft: '#3a2c16',
  info: '#5b6b82',
  canvasBg: '#171a20',
  editorBg: '#1b1f26',
  editorGutter: '#181b21',
  editorActiveLine: '#222833',
  editorSelection: '#2d4470',
  syntaxKey: '#7fb0ff',
  syntaxString: '#8fd19e',
  syntaxNumber: '#f5b36b',
  syntaxComment: '#8d98a9',
  syntaxMeta: '#c79bf2',
  syntaxPunctuation: '#8b96a8',
  groupCluster: '#1a2130',
  groupNode: '#1d222b',
  groupBorder: '#3a4456',
  boxBg: '#222834',
  minimapGroup: '#2a3242',
  minimapBox: '#55627a',
  edge: '#7b879a',
  roleColours: ROLE_COLOURS,
};

/** The palette of a theme. */
export function paletteFor(theme: Theme): Palette {
  return theme === 'dark' ? DARK : LIGHT;
}
