import { paletteCss, roleBoxCss } from '../roles';

const STYLE_ID = 'portolan-palette';

/**
 * Puts the palette's custom properties and the role colours of the boxes into the page, first in
 * `<head>` so styles.css may still override them. Installing twice replaces the first.
 */
export function installPalette(doc: Document): void {
  const style = doc.getElementById(STYLE_ID) ?? doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `${paletteCss()}\n${roleBoxCss()}`;
  if (!style.isConnected) doc.head.prepend(style);
}
