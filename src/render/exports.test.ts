import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../core/model/source';
import {
  exportAnimatedSvg,
  exportHtml,
  exportMermaid,
  exportSvg,
  exportTraceStill,
  type ExportSource,
} from './exports';
import { renderFiles } from './renderFiles';
import { xmlProblems } from './xmlWellFormed.testkit';

const files = (glob: Record<string, string>): SourceFile[] =>
  Object.entries(glob).map(([path, text]) => ({ name: path.split('/').pop()!, text }));
const SEED = files(
  import.meta.glob<string>('../core/kubernetes/fixtures/seed__*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const URL = 'https://api.hwangbogyumin.com/';

async function source(over: Partial<ExportSource> = {}): Promise<ExportSource> {
  const { source } = await renderFiles(SEED, { traceUrl: URL });
  return { ...source, ...over };
}

/** What in a document could load something: external URLs in attributes or CSS, imports, scripts. */
function externalReferences(markup: string): string[] {
  const found: string[] = [];
  const withoutNamespace = markup.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '');
  for (const pattern of [
    /\b(?:href|src|srcset|action|data|poster)\s*=\s*"(?!#)[^"]*"/gi,
    /url\(\s*['"]?(?!#)[^)]*\)/gi,
    /@import/gi,
    /@font-face/gi,
    /<script/gi,
    /<(?:iframe|object|embed|link|image|foreignObject)\b/gi,
    /\bon[a-z]+\s*=/gi,
  ]) {
    found.push(...(withoutNamespace.match(pattern) ?? []));
  }
  return found;
}

/** Every `id="…"` in a document. */
const idsOf = (markup: string) => [...markup.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
/** Every keyframe name in a document. */
const keyframesOf = (markup: string) => [...markup.matchAll(/@keyframes ([\w-]+)/g)].map((m) => m[1]!);

describe('exports', () => {
  it('SVG: well formed, nothing external, names the services, no animation', async () => {
    const svg = exportSvg(await source());
    expect(xmlProblems(svg)).toEqual([]);
    expect(externalReferences(svg)).toEqual([]);
    expect(svg).toContain('golang-backend-api-service');
    expect(svg).toContain('golang-backend-api-ingress');
    expect(svg).not.toContain('@keyframes');
  });

  it('animated SVG: the current trace, well formed, nothing external; none without a trace', async () => {
    const animated = exportAnimatedSvg(await source())!;
    expect(xmlProblems(animated)).toEqual([]);
    expect(externalReferences(animated)).toEqual([]);
    expect(animated).toContain('Portolan: a request to https://api.hwangbogyumin.com/, hop by hop');
    expect(keyframesOf(animated).length).toBeGreaterThan(3);
    expect(exportAnimatedSvg(await source({ trace: null }))).toBeUndefined();
  });

  it('the trace still (for a PNG): packet and last caption placed by attributes, no animation', async () => {
    const still = exportTraceStill(await source())!;
    expect(xmlProblems(still)).toEqual([]);
    expect(still).not.toContain('@keyframes');
    expect(still).toMatch(/<g class="pt-packet" transform="translate\([\d.]+ [\d.]+\)"><circle [^>]*fill="#/);
    expect(still).toContain('Hop 6/6');
    expect(still).not.toContain('Hop 1/6 ·');
    expect(exportTraceStill(await source({ trace: null }))).toBeUndefined();
  });

  it('ids and keyframe names are unique per export, so two can sit inline on one page', async () => {
    const first = exportAnimatedSvg(await source({ idSeed: 'one' }))!;
    const second = exportAnimatedSvg(await source({ idSeed: 'two' }))!;
    const staticOne = exportSvg(await source({ idSeed: 'one' }));
    const all = [first, second, staticOne];
    const ids = all.flatMap(idsOf);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    const keyframes = all.flatMap(keyframesOf);
    expect(new Set(keyframes).size).toBe(keyframes.length);
    // Every url(#…) and aria reference points inside its own picture.
    for (const svg of all) {
      const own = new Set(idsOf(svg));
      for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(own.has(ref!)).toBe(true);
    }
    // Without a seed the ids come from the picture: the same input, the same file.
    expect(exportSvg(await source())).toBe(exportSvg(await source()));
  });

  it('HTML: one self-contained page with the picture, the animated trace and its hops, and no script', async () => {
    const html = exportHtml(await source({ idSeed: 'page' }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(externalReferences(html)).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<li>/g)).toHaveLength(6);
    expect(html).toContain('golang-backend-api-service');
    const ids = idsOf(html);
    expect(new Set(ids).size).toBe(ids.length);
    // Without a trace: the picture alone.
    const still = exportHtml(await source({ trace: null }));
    expect(still.match(/<svg /g)).toHaveLength(1);
    expect(still).not.toContain('<ol');
  });

  it('HTML escapes user text in its title and hop list', async () => {
    const base = await source();
    const html = exportHtml({ ...base, traceUrl: 'https://x/<script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('Mermaid: the flowchart of what is drawn, fenced for Markdown when asked', async () => {
    const mermaid = exportMermaid(await source(), true);
    expect(mermaid).toMatch(/^```mermaid\nflowchart LR\n/);
    expect(mermaid).toContain('golang-backend-api-service');
  });
});
