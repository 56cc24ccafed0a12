import type { Trace } from '../core/trace/types';
import { paletteFor, type Theme } from '../roles';
import { escapeXml } from './xml';

/**
 * One HTML file a blog can take as it is, or a reader can open from disk: the picture, the
 * animated trace and its hops as a list, all inline. No script at all (the animation is CSS),
 * no external reference, and a Content-Security-Policy that would block one if it crept in.
 */

export type HtmlExport = {
  title: string;
  theme?: Theme;
  /** the static picture (from renderSvg) */
  svg: string;
  /** the animated trace (from renderSvg with a trace), with what it shows */
  animated?: { svg: string; caption: string; trace: Trace };
};

/** Nothing may load: styles are inline, images can only be data URLs, and there is no script. */
export const HTML_EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Renders the picture (and the animated trace) as a self-contained HTML document. */
export function renderHtml(input: HtmlExport): string {
  const palette = paletteFor(input.theme ?? 'light');
  const css = [
    `body { margin: 0; padding: 24px; background: ${palette.bg}; color: ${palette.text}; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif }`,
    `main { max-width: 1200px; margin: 0 auto }`,
    `h1 { font-size: 22px; margin: 0 0 16px }`,
    `figure { margin: 0 0 32px }`,
    `figure svg { display: block; max-width: 100%; height: auto; border: 1px solid ${palette.border}; border-radius: 8px }`,
    `figcaption { margin-top: 8px; color: ${palette.textDim} }`,
    `ol { padding-left: 24px }`,
    `li.failed { color: ${palette.error} }`,
    `footer { color: ${palette.textFaint}; font-size: 13px }`,
  ].join('\n');
  const figures = [
    `<figure>\n${stripProlog(input.svg)}\n<figcaption>The architecture, as Portolan draws it.</figcaption>\n</figure>`,
  ];
  if (input.animated) {
    const { trace } = input.animated;
    const hops = trace.hops
      .map((hop, i) => {
        const failed = hop.failed || (!trace.ok && i === trace.hops.length - 1);
        const text = failed && trace.failure ? trace.failure.message : hop.caption || hop.detail;
        return `<li${failed ? ' class="failed"' : ''}>${escapeXml(text)}</li>`;
      })
      .join('\n');
    figures.push(
      `<figure>\n${stripProlog(input.animated.svg)}\n<figcaption>${escapeXml(input.animated.caption)}</figcaption>\n</figure>`,
      `<ol class="hops">\n${hops}\n</ol>`,
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_EXPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(input.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeXml(input.title)}</h1>`,
    ...figures,
    '<footer>Made with Portolan. This page has no script and loads nothing.</footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** An SVG document's markup without an XML declaration, for inlining in HTML. */
function stripProlog(svg: string): string {
  return svg.replace(/^<\?xml[^>]*\?>\s*/, '').trim();
}
