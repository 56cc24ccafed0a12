import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { SAVED_INDEX_KEY, savedFiles } from './pages/savedWorkspace';
import { EmbedFrame, SharePage } from './pages/SharePage';
import { TRACE_IDS } from '../src/testIds';

const API = 'https://api.hwangbogyumin.com/';

/** Every file of the open workspace, as the editor shows it, tab by tab. */
async function editorFiles(app: AppPage): Promise<{ name: string; text: string }[]> {
  const names = await app.editor.tabs.evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-file') ?? ''));
  const files = [];
  for (const name of names) {
    await app.editor.openTab(name);
    files.push({ name, text: await app.editor.text() });
  }
  return files;
}

const hopTexts = (page: Page) => page.getByTestId(TRACE_IDS.hop).allInnerTexts();

test('a share link opened in a fresh browser restores the same files, trace and hop', async ({
  app,
  page,
  browser,
}) => {
  await app.open();
  await expect(app.canvas.box('Service').first()).toBeVisible();
  await app.trace.run(API);
  await app.trace.pause();
  await app.trace.hops.nth(3).click();
  await expect(app.trace.currentHop).toHaveAttribute('data-kind', 'service');
  const hops = await hopTexts(page);
  const files = await savedFiles(page);
  const link = await new SharePage(page).link({ secrets: true });
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s1\.[\w-]+$/);

  const context = await browser.newContext();
  const other = await context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  other.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await other.goto(link);
  const opened = new AppPage(other);
  await expect(new SharePage(other).banner).toContainText('your own workspace is untouched');
  await expect(opened.trace.currentHop).toHaveAttribute('data-kind', 'service');
  expect(await hopTexts(other)).toEqual(hops);
  await expect(opened.trace.url).toHaveValue(API);
  expect(await editorFiles(opened)).toEqual(files);
  // A link opens in memory: nothing is saved in the fresh browser.
  expect(await other.evaluate((key) => localStorage.getItem(key), SAVED_INDEX_KEY)).toBeNull();
  expect(errors).toEqual([]);
  await context.close();
});

test('secrets are replaced in a link unless the toggle includes them', async ({ app, page }) => {
  await app.open();
  await app.loadSample('go-backend-compose');
  await expect(app.canvas.boxes.first()).toBeVisible();
  const share = new SharePage(page);
  const redacted = await share.link();
  const full = await share.link({ secrets: true });

  await page.goto(redacted);
  await expect(share.banner).toBeVisible();
  const text = await app.editor.text();
  expect(text).toContain('POSTGRES_PASSWORD=<redacted>');
  expect(text).toContain('postgresql://root:••••@postgres:5432/simple_bank');
  expect(text).not.toContain('secret');
  expect(text).toContain('# purpose to exposeing ports');

  await page.goto(full);
  await expect(share.banner).toBeVisible();
  const clear = await app.editor.text();
  expect(clear).toContain('POSTGRES_PASSWORD=secret');
  expect(clear).toContain('postgresql://root:secret@postgres');
});

test('an opened link leaves the local workspace intact, and a copy can be kept as new tabs', async ({ app, page }) => {
  await app.open();
  await app.editor.typeAfter('kind: Deployment', ' # my own change');
  await expect.poll(async () => (await savedFiles(page))[0]?.text).toContain('# my own change');

  await page.goto('/?sample=go-backend-compose');
  const share = new SharePage(page);
  await expect(share.banner).toBeVisible();
  await expect(app.editor.tabs).toHaveCount(1);
  await app.editor.typeAfter('services:', ' # typed in the link');
  await page.reload();
  expect(await app.editor.text()).not.toContain('typed in the link');

  await page.getByTestId('link-open-mine').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(share.banner).toHaveCount(0);
  expect(await app.editor.text()).toContain('# my own change');
  await page.goto('/');
  expect(await app.editor.text()).toContain('# my own change');

  await page.goto('/?sample=go-backend-compose');
  await page.getByTestId('link-keep-copy').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(app.editor.tab('docker-compose.yaml')).toBeVisible();
  await expect(app.editor.tabs).toHaveCount(4);
  await app.editor.openTab('deployment.yaml');
  expect(await app.editor.text()).toContain('# my own change');
});

test('a garbage link says so and opens the local workspace; bad parameters are ignored', async ({ app, page }) => {
  for (const hash of ['#s1.not-a-real-link', '#s1.%3Cscript%3E', '#whatever']) {
    await page.goto(`/?nodes=abc&view=sideways&theme=purple${hash}`);
    await expect(new SharePage(page).notice).toContainText('could not be opened');
    await expect(app.canvas.box('Service').first()).toBeVisible();
  }
  await page.goto('/?sample=guestbook&nodes=5&view=infrastructure&theme=dark');
  await expect(app.canvas.group('Node')).toHaveCount(5);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a long link warns and offers a workspace file, which the app opens', async ({ app, page, browser }) => {
  await app.open();
  // Random text does not compress: 16 KB of it makes a link far past 8 KB.
  const blob = Array.from({ length: 2000 }, () => Math.random().toString(36).slice(2, 10)).join('');
  await app.dropFiles([
    { name: 'big.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ${blob}\n` },
  ]);
  await expect(app.editor.tab('big.yaml')).toBeVisible();
  await page.getByTestId('share-button').click();
  const share = new SharePage(page);
  await expect(share.longWarning).toContainText('8 KB');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.portolan\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(text).version).toBe(3);

  const context = await browser.newContext();
  const fresh = new AppPage(await context.newPage());
  await fresh.open();
  await fresh.dropFiles([{ name: download.suggestedFilename(), text }]);
  await expect(fresh.editor.tab('big.yaml')).toBeVisible();
  // Identical files are not added twice; the deployment differs (its password was redacted), so it
  // comes in beside the local one, which keeps its text.
  await expect(fresh.editor.tab('service-2.yaml')).toHaveCount(0);
  await expect(fresh.editor.tab('deployment-2.yaml')).toBeVisible();
  await expect(fresh.editor.tabs).toHaveCount(5);
  await fresh.editor.openTab('deployment.yaml');
  expect(await fresh.editor.text()).toContain('postgresql://root:secret@');
  await context.close();
});

test('the embed fits a 600×400 iframe on another page, has no editor and plays the trace', async ({
  page,
  baseURL,
}) => {
  const src = `${baseURL}/?embed&sample=go-backend-k8s&theme=dark&trace=${encodeURIComponent(API)}`;
  await page.setContent(`<h1>My post</h1><iframe src="${src}" width="600" height="400"></iframe>`);
  const embed = new EmbedFrame(page);
  await expect(embed.root).toBeVisible();
  await expect(embed.boxes.first()).toBeVisible();
  await expect(embed.editor).toHaveCount(0);
  await expect(embed.frame.getByTestId('share-button')).toHaveCount(0);
  await expect(embed.frame.locator('html')).toHaveAttribute('data-theme', 'dark');

  // Fitted: every box lies inside the frame.
  const frame = (await page.locator('iframe').boundingBox())!;
  await expect
    .poll(async () => {
      const boxes = await embed.boxes.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return [r.left, r.top, r.right, r.bottom];
        }),
      );
      return boxes.every(([l, t, r, b]) => l! >= 0 && t! >= 0 && r! <= frame.width && b! <= frame.height);
    })
    .toBe(true);

  await expect(embed.caption).toContainText('Hop 1/');
  await embed.play.click();
  await expect(embed.caption).not.toContainText('Hop 1/', { timeout: 15_000 });
  await embed.fit.click();
  await expect(embed.open).toHaveAttribute('href', /#s1\.[\w-]+$/);
  await expect(embed.open).toHaveAttribute('target', '_blank');
});

test('the example page embeds the app and autoplays; an embed with a broken link shows why, with no dialog', async ({
  page,
  baseURL,
}) => {
  await page.goto('/embed-example.html');
  const embed = new EmbedFrame(page, '#portolan');
  await expect(embed.boxes.first()).toBeVisible();
  await expect(embed.caption).not.toContainText('Hop 1/', { timeout: 15_000 });

  page.on('dialog', () => {
    throw new Error('an embed may never prompt');
  });
  await page.setContent(`<iframe src="${baseURL}/?embed#s1.garbage" width="600" height="400"></iframe>`);
  await expect(new EmbedFrame(page).frame.getByTestId('embed-error')).toContainText('could not be opened');
});

test('the built site uses relative asset URLs and works from a sub-path', async ({ page, baseURL }) => {
  const dist = join(process.cwd(), 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  expect(html).toContain('href="./favicon.svg"');
  expect(html).toContain('content="./social.png"');

  // Serve dist under /blog/tools/portolan/ on the same origin, as a blog's own server would.
  const prefix = `${baseURL}/blog/tools/portolan/`;
  await page.context().route(`${prefix}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace('/blog/tools/portolan/', '') || 'index.html';
    await route.fulfill({ path: join(dist, path) });
  });
  const app = new AppPage(page);
  await page.goto(prefix);
  await expect(app.canvas.box('Service').first()).toBeVisible();
  const link = await new SharePage(page).link();
  expect(link.startsWith(prefix + '#s1.')).toBe(true);
});
