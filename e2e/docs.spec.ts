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

test('README screenshot: a trace, paused at the Service hop', async ({ app, page }) => {
  await app.open();
  await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  await page.getByTestId('editor-toggle').click();
  await app.trace.run('https://api.hwangbogyumin.com/');
  await app.trace.pause();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(app.trace.caption).toContainText('Hop 5/6');
  await page.waitForTimeout(400);
  await page.screenshot({ path: out('trace.png') });
});

test('README screenshot: the Go backend on Compose, paused at the network hop', async ({ app, page }) => {
  await app.open();
  await app.loadSample('go-backend-compose');
  await expect(app.canvas.box('Published port', '0.0.0.0:8080')).toBeVisible();
  await page.getByTestId('editor-toggle').click();
  await app.trace.run('http://localhost:8080/');
  await app.trace.pause();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await expect(app.trace.caption).toContainText('Hop 3/4');
  await page.waitForTimeout(900); // the canvas fits itself again beside the hop list
  await page.screenshot({ path: out('compose-trace.png') });
});
