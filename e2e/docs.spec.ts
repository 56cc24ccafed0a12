import { expect, test } from './fixtures';

// The README's pictures come from here. They are written to docs/ when UPDATE_DOCS=1, and
// to test-results/ otherwise, so a plain test run leaves the work tree clean.
const out = (name: string) => (process.env.UPDATE_DOCS ? `docs/${name}` : `test-results/docs/${name}`);

test('README screenshot: the Kubernetes seed sample as a cluster', async ({ app, page }) => {
  await app.open();
  await expect(app.canvas.box('Ingress', 'golang-backend-api-ingress')).toBeVisible();
  await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  await page.waitForTimeout(600); // let the fit-view animation settle
  await page.screenshot({ path: out('screenshot.png') });
});
