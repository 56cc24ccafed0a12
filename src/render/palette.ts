import type { ViewNode } from '../layout/viewGraph';

/** The colours of a rendered picture: the app's light and dark palettes (src/ui/styles.css). */
export type Palette = {
  canvas: string;
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
  groupCluster: string;
  groupNode: string;
  groupBorder: string;
  boxBg: string;
  edge: string;
  roles: Record<string, string>;
};

export type Theme = 'light' | 'dark';

// One set of role colours for both themes, as in the app.
const ROLE_COLOURS: Record<string, string> = {
  internet: '#6b7a90',
  ingress: '#7d3fb5',
  service: '#2f6fed',
  pod: '#1f8a5b',
  controlPlane: '#6b7a90',
  gateway: '#7d3fb5',
  httpRoute: '#7d3fb5',
  workload: '#b15d00',
  config: '#8a6d00',
  container: '#1f8a5b',
  generic: '#8a94a3',
  networkPolicy: '#b3261e',
};

const LIGHT: Palette = {
  canvas: '#fbfcfd',
  panel: '#ffffff',
  border: '#d8dde5',
  text: '#1d2430',
  textDim: '#566172',
  textFaint: '#8a94a3',
  accent: '#2f6fed',
  accentSoft: '#e3ecfd',
  error: '#d0342c',
  errorSoft: '#fde8e7',
  warning: '#b86e00',
  groupCluster: '#eef3fb',
  groupNode: '#ffffff',
  groupBorder: '#b9c4d4',
  boxBg: '#ffffff',
  edge: '#7d8a9c',
  roles: ROLE_COLOURS,
};

const DARK: Palette = {
  canvas: '#171a20',
  panel: '#1b1f26',
  border: '#2e3541',
  text: '#e3e8ef',
  textDim: '#a7b1c0',
  textFaint: '#6f7a8a',
  accent: '#6d9bff',
  accentSoft: '#1f2b45',
  error: '#ff6b63',
  errorSoft: '#3a1f1e',
  warning: '#f0a73a',
  groupCluster: '#1a2130',
  groupNode: '#1d222b',
  groupBorder: '#3a4456',
  boxBg: '#222834',
  edge: '#7b879a',
  roles: ROLE_COLOURS,
};

/** The palette of a theme. */
export function paletteFor(theme: Theme): Palette {
  return theme === 'dark' ? DARK : LIGHT;
}

/** The colour of a box's left bar and kind label. */
export function roleColour(palette: Palette, role: ViewNode['role']): string {
  return palette.roles[role] ?? palette.roles.generic!;
}
