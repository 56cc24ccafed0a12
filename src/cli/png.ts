import { Resvg } from '@resvg/resvg-js';

/**
 * An SVG drawn to PNG in Node by resvg (a Rust renderer whose binary ships inside its npm
 * package: nothing is downloaded at install or at run time). `scale` 2 gives a picture sharp on
 * high-density screens, as the app's PNG export does. Fonts: the system's; the SVG names a stack
 * that ends in DejaVu and a generic family, so any machine has one of them.
 */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: true,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
