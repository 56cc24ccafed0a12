import { describe, expect, it } from 'vitest';
import type { PositionedGraph } from '../layout/finishLayout';
import { DWELL_MS, TRAVEL_MS } from '../layout/tracePlan';
import { renderFiles } from './renderFiles';
import { renderSvg } from './svg';
import { END_PAUSE_MS } from './traceAnimation';
import { xmlProblems } from './xmlWellFormed.testkit';

const SEED = Object.entries(
  import.meta.glob<string>('../core/kubernetes/fixtures/seed__*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).map(([path, text]) => ({ name: path.split('/').pop()!, text }));

const HOST = 'api.hwangbogyumin.com';

/** The text of the caption group of hop `i` ("Hop 3/6 · …"), tags stripped. */
function captionOf(svg: string, i: number): string {
  const match = new RegExp(`<g class="pt-cap pt-cap-${i}">(.*?)</g>`).exec(svg);
  return match ? match[1]!.replace(/<[^>]+>/g, (tag) => (tag.startsWith('</text') ? ' ' : '')).trim() : '';
}

/** The picture's scope: its root id, which starts every other id and keyframe name. */
function scopeOf(svg: string): string {
  return /^<svg [^>]*\bid="([^"]+)"/.exec(svg)?.[1] ?? '';
}

/** The top-level rules of the picture's stylesheet, one per line as the renderer writes them. */
function styleRules(svg: string): string[] {
  const css = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
  return css.split('\n').filter((line) => line.trim());
}

/** The markup with all text content and the SVG namespace removed: what could load something. */
function markupOnly(svg: string): string {
  return svg.replace(/>[^<]*</g, '><').replace(' xmlns="http://www.w3.org/2000/svg"', '');
}

function expectSelfContained(svg: string) {
  expect(xmlProblems(svg)).toEqual([]);
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/foreignObject|<image|@import|@font-face/i);
  expect(svg).not.toMatch(/\bhref=/);
  expect(svg.match(/url\([^)]*\)/g)?.every((u) => u.startsWith('url(#')) ?? true).toBe(true);
  expect(markupOnly(svg)).not.toMatch(/https?:\/\//);
}

describe('renderSvg: the cluster picture', () => {
  it('draws the seed sample: service, pods, the Ingress host, standalone and well formed', async () => {
    expect(SEED).toHaveLength(3);
    const { svg } = await renderFiles(SEED);
    expectSelfContained(svg);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/,
    );
    const scope = scopeOf(svg);
    expect(scope).toMatch(/^pt-[0-9a-f]{8}$/);
    expect(svg).toContain(`<title id="${scope}-title">`);
    expect(svg).toContain(`<desc id="${scope}-desc">`);
    expect(svg).toContain('golang-backend-api-service');
    expect(svg.match(/golang-backend-api-deployment-[a-z0-9]+-[a-z0-9]+/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain(HOST);
    expect(svg).toContain('node-3');
    expect(svg).not.toContain('@keyframes');
    expect(svg).toContain(`marker-end="url(#${scope}-arrow)"`);
    // Every style rule sits under the root's id, so the picture can be inlined next to another.
    expect(styleRules(svg).every((rule) => rule.startsWith(`#${scope} `) || rule.startsWith('@'))).toBe(true);
  });

  it('escapes every string from the input', () => {
    const evil = '<script>alert(1)</script>';
    const graph: PositionedGraph = {
      width: 400,
      height: 300,
      nodes: [
        box('a', { title: evil, subtitle: `"><foo`, lines: [`it's & <b>`], kind: `<k>` }),
        box('b', { title: `b"'`, x: 260, problems: { error: 2, warning: 1, info: 0 } }),
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', kind: 'routes', label: '<x>', dashed: true }],
    };
    const svg = renderSvg(graph, { title: `</title><script>` });
    expectSelfContained(svg);
    expect(svg).not.toContain('<foo');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<k>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;&gt;&lt;foo');
    expect(svg).toContain('it&#39;s &amp; &lt;b&gt;');
    expect(svg).toContain('stroke-dasharray="6 5"');
    // Problem badges: one red with 2, one orange with 1.
    expect(svg).toMatch(/pt-badge-error.*?>2<\/text>/);
    expect(svg).toMatch(/pt-badge-warning.*?>1<\/text>/);
  });

  it('cuts text that does not fit its box with an ellipsis', () => {
    const long = 'a-very-long-pod-name-that-could-never-fit-in-a-box-this-narrow-0123456789';
    const svg = renderSvg({ width: 300, height: 200, nodes: [box('a', { title: long, width: 160 })], edges: [] });
    expect(svg).not.toContain(`>${long}<`);
    expect(svg).toMatch(/>a-very-long-[a-z-]*…</);
    // The full name stays available as the box's tooltip.
    expect(svg).toContain(long);
  });

  it('draws the dark theme', async () => {
    const { svg } = await renderFiles(SEED, { theme: 'dark' });
    expect(svg).toContain('#171a20');
    expect(svg).not.toContain('#fbfcfd');
  });
});

describe('renderSvg: the animated trace', () => {
  it('plays a successful trace hop by hop, with captions in order, and no script', async () => {
    const { svg, trace } = await renderFiles(SEED, { traceUrl: `https://${HOST}/` });
    expectSelfContained(svg);
    expect(trace?.ok).toBe(true);
    const scope = scopeOf(svg);
    expect(svg).toContain(`@keyframes ${scope}-move`);
    expect(svg).toMatch(new RegExp(`animation: ${scope}-move \\d+ms linear infinite`));
    expect(svg).toContain('@media (prefers-reduced-motion: reduce)');
    const hops = trace!.hops;
    expect(hops).toHaveLength(6);
    const captions = hops.map((_, i) => captionOf(svg, i));
    expect(captions[0]).toMatch(/^Hop 1\/6 · A client on the Internet/);
    expect(captions[3]).toMatch(/^Hop 4\/6 · Service port 80 → targetPort 8080; ClusterIP/);
    expect(captions[5]).toMatch(/^Hop 6\/6 · container golang-backend-api listens on 8080/);
    // Each caption shows when the packet arrives: hop i at i × (travel + dwell) of the loop.
    const cycle = 5 * (TRAVEL_MS + DWELL_MS) + DWELL_MS + END_PAUSE_MS;
    const at = (ms: number) => `${Math.round((ms / cycle) * 10000) / 100}%`;
    expect(svg).toContain(`animation: ${scope}-move ${cycle}ms`);
    expect(svg).toMatch(new RegExp(`@keyframes ${scope}-cap-3 \\{[^\\n]*${at(3 * (TRAVEL_MS + DWELL_MS))}, `));
    expect(svg).toContain(`#${scope} .pt-cap-3 { animation: ${scope}-cap-3 `);
    // The path glows, the rest dims; no red anywhere in a successful trace.
    expect(svg).toContain(`marker-end="url(#${scope}-arrow-path)"`);
    expect(svg).toContain('pt-box pt-dim');
    expect(svg).not.toContain('pt-fail-ring');
    expect(svg).not.toContain('#d0342c');
  });

  it('shows a failing trace in red with its failure message', async () => {
    const { svg, trace } = await renderFiles(SEED, { traceUrl: 'https://nope.example/' });
    expectSelfContained(svg);
    expect(trace?.ok).toBe(false);
    expect(trace?.failure?.code).toBe('TRACE-NO-RULE');
    const last = captionOf(svg, trace!.hops.length - 1);
    expect(last).toMatch(/^Hop 2\/2 ✗ · 404 Not Found: no Ingress rule names host nope\.example/);
    expect(svg).toMatch(new RegExp(`@keyframes ${scopeOf(svg)}-dot \\{[^\\n]*fill: #d0342c`));
    expect(svg).toContain('class="pt-fail-ring"');
    expect(svg).toMatch(/<rect [^>]*stroke="#d0342c"[^>]*class="pt-fail-ring"/);
  });
});

function box(id: string, over: Partial<PositionedGraph['nodes'][number]>): PositionedGraph['nodes'][number] {
  return {
    id,
    role: 'service',
    kind: 'Service',
    title: id,
    lines: [],
    group: false,
    width: 200,
    height: 90,
    problems: { error: 0, warning: 0, info: 0 },
    x: 16,
    y: 16,
    ...over,
  };
}
