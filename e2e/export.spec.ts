import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExportPage } from './pages/ExportPage';

const SERVICE = 'golang-backend-api-service';

/** What the browser's XML parser says of a document: its root's name, or the parser's error. */
async function parseXml(page: Page, text: string): Promise<{ root: string; error: string | null }> {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return { root: doc.documentElement.nodeName, error: error ? error.textContent : null };
  }, text);
}

/** Anything in a document that could load from elsewhere. */
function externalReferences(text: string): string[] {
  const markup = text.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '');
  return [
    ...(markup.match(/\b(?:href|src)\s*=\s*"(?!#)[^"]*"/gi) ?? []),
    ...(markup.match(/url\(\s*['"]?(?!#)[^)]*\)/gi) ?? []),
    ...(markup.match(/@import|<script|<link\b|<image\b|<iframe\b/gi) ?? []),
  ];
}

/** The width and height a PNG's header gives. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('exports', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await expect(app.canvas.box('Service', SERVICE)).toBeVisible();
  });

  test('the SVG parses as XML, refers to nothing outside, names the services and follows the theme', async ({
    app,
    page,
  }) => {
    const exports = new ExportPage(page);
    const { name, text } = await exports.downloadText('svg');
    expect(name).toBe('portolan.svg');
    expect(await parseXml(page, text)).toEqual({ root: 'svg', error: null });
    expect(externalReferences(text)).toEqual([]);
    expect(text).toContain(SERVICE);
    expect(text).toContain('golang-backend-api-ingress');
    expect(text).toContain('#fbfcfd'); // the light canvas

    // The dark theme and the application view, as the canvas shows them.
    await page.getByTestId('theme-toggle').click(); // system → light
    await page.getByTestId('theme-toggle').click(); // light → dark
    await app.setViewMode('application');
    await expect(app.canvas.group('Namespace')).toHaveCount(1);
    const dark = (await exports.downloadText('svg')).text;
    expect(dark).toContain('#171a20');
    expect(dark).toContain('Deployment · 2 replicas'); // the workload group of the application view
  });

  test('the PNG is the picture at twice its size', async ({ page }) => {
    const exports = new ExportPage(page);
    const svg = (await exports.downloadText('svg')).text;
    const [, width, height] = /^<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const { download, bytes } = await exports.download('png');
    expect(download.suggestedFilename()).toBe('portolan.png');
    expect(pngSize(bytes)).toEqual({ width: Math.round(2 * Number(width)), height: Math.round(2 * Number(height)) });
    await expect(exports.status).toContainText('Saved portolan.png');
  });

  test('two animated SVGs of the trace sit inline on one page and both animate', async ({ app, page }) => {
    const exports = new ExportPage(page);
    await exports.open();
    await expect(exports.item('animatedSvg')).toBeDisabled();
    await exports.button.click();

    await app.trace.run('https://api.hwangbogyumin.com/');
    await expect(app.trace.hops).toHaveCount(6);
    const first = (await exports.downloadText('animatedSvg')).text;
    const second = (await exports.downloadText('animatedSvg')).text;
    expect(first).toContain('@keyframes');
    expect(externalReferences(first)).toEqual([]);
    expect(await parseXml(page, first)).toEqual({ root: 'svg', error: null });
    const idOf = (svg: string) => /^<svg [^>]*?\bid="([^"]+)"/.exec(svg)![1]!;
    expect(idOf(first)).not.toBe(idOf(second));

    // A page of its own, as a blog post would be (the app's page keeps running its canvas otherwise).
    await page.goto('data:text/html;charset=utf-8,' + encodeURIComponent('<!doctype html><title>post</title>'));
    await page.setContent(`<!doctype html><html><body>${first}${second}</body></html>`);
    const sample = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('svg')].map((svg) => {
          const packet = svg.querySelector('.pt-packet')!;
          return {
            id: svg.id,
            transform: getComputedStyle(packet).transform,
            animations: packet.getAnimations().map((a) => (a as CSSAnimation).animationName),
          };
        }),
      );
    const before = await sample();
    expect(before).toHaveLength(2);
    // Each packet runs its own picture's keyframes, not the other's.
    for (const svg of before) expect(svg.animations).toContain(`${svg.id}-move`);
    // The packet dwells 1.1 s at a hop and travels 0.7 s: 1.5 s later it has moved.
    await page.waitForTimeout(1500);
    const after = await sample();
    for (const [i, svg] of after.entries()) {
      expect(svg.transform, `packet ${i + 1} moves`).not.toBe(before[i]!.transform);
    }
  });

  test('the HTML file has the picture, the animated trace and its hops, with no script', async ({ app, page }) => {
    await app.trace.run('https://api.hwangbogyumin.com/');
    await expect(app.trace.hops).toHaveCount(6);
    const { name, text } = await new ExportPage(page).downloadText('html');
    expect(name).toBe('portolan.html');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(externalReferences(text)).toEqual([]);
    expect(text.match(/<svg /g)).toHaveLength(2);
    // Opened on its own, it shows both pictures and the hops (and, per the fixture, asks for nothing).
    await page.goto('data:text/html;charset=utf-8,' + encodeURIComponent(text));
    await expect(page.locator('svg')).toHaveCount(2);
    await expect(page.locator('ol.hops li')).toHaveCount(6);
  });

  test('Copy as Mermaid puts a flowchart on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await new ExportPage(page).copyMermaid();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^```mermaid\nflowchart LR\n/);
    expect(text).toContain(SERVICE);
    expect(text).toMatch(/n\d+ -->\|"api\.hwangbogyumin\.com\/"\| n\d+/);
  });
});
