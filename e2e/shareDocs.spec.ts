import { expect, test } from './fixtures';
import { EmbedFrame } from './pages/SharePage';

// The social preview (public/social.png) and the README's embed picture (docs/embed.png) come
// from here: written in place when UPDATE_DOCS=1, to test-results/ otherwise.
const out = (path: string) => (process.env.UPDATE_DOCS ? path : `test-results/docs/${path.split('/').pop()}`);

test('social preview: the seed mid-trace at 1200×630', async ({ app, page }) => {
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.goto('/?theme=light');
  await expect(app.canvas.box('Service').first()).toBeVisible();
  await page.getByTestId('editor-toggle').click();
  await app.trace.run('https://api.hwangbogyumin.com/');
  await app.trace.pause();
  await app.trace.hops.nth(4).click();
  await expect(app.trace.caption).toContainText('Hop 5/6');
  await page.waitForTimeout(1200); // the fit-view after the editor closed
  await page.screenshot({ path: out('public/social.png') });
});

test('README picture: the example page with the embed playing', async ({ page }) => {
  await page.setViewportSize({ width: 760, height: 660 });
  await page.goto('/embed-example.html');
  const embed = new EmbedFrame(page, '#portolan');
  await expect(embed.boxes.first()).toBeVisible();
  await expect(embed.caption).not.toContainText('Hop 1/', { timeout: 15_000 });
  await page.screenshot({ path: out('docs/embed.png'), clip: { x: 0, y: 0, width: 760, height: 640 } });
});
