import { TEST_IDS } from '../src/testIds';
import { expect, test } from './fixtures';
import { PresentPage } from './pages/PresentPage';
import { savedFiles } from './pages/savedWorkspace';

const K8S_LAYERS = ['internet', 'ingress', 'service', 'pods', 'nodes', 'controlPlane'];

test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeEach(async ({ page }) => {
  // Headless Chromium may refuse full screen: count the requests instead.
  await page.addInitScript(() => {
    const counted = window as unknown as { fullscreenRequests: number };
    counted.fullscreenRequests = 0;
    Element.prototype.requestFullscreen = function () {
      counted.fullscreenRequests++;
      return Promise.resolve();
    };
  });
});

const fullscreenRequests = (present: PresentPage) =>
  present.page.evaluate(() => (window as unknown as { fullscreenRequests: number }).fullscreenRequests);

test('presentation mode builds the cluster up layer by layer, then steps the trace hop by hop', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  // Work in progress the presentation must leave alone: an edit, a trace in the bar.
  await app.editFile('service.yaml', 'port: 80 # internal port', 'port: 80 # internal port (kept)');
  await app.trace.url.fill('https://api.hwangbogyumin.com/');
  const savedBefore = await savedFiles(page);

  const present = new PresentPage(page);
  await present.openFromToolbar();
  expect(await fullscreenRequests(present)).toBe(1);
  await expect(present.hint).toHaveClass(/is-shown/);
  // Canvas only: no editor, toolbar or minimap in the presentation.
  await expect(present.root.getByTestId(TEST_IDS.editor)).toHaveCount(0);
  await expect(present.root.locator('.react-flow__minimap, .react-flow__controls')).toHaveCount(0);

  // The build-up: every step reveals more, and says what the layer is.
  let revealed = 0;
  for (const [i, layer] of K8S_LAYERS.entries()) {
    if (i > 0) await present.press(i % 2 ? 'ArrowRight' : 'Space');
    await present.expectLayer(layer);
    await expect.poll(() => present.revealedBoxes.count()).toBeGreaterThan(revealed);
    revealed = await present.revealedBoxes.count();
  }
  await expect(present.note).toContainText('never carries a request');

  // Large type: every box title at 24 px or more on a 1920×1080 screen.
  expect(await present.smallestTitlePx()).toBeGreaterThanOrEqual(24);

  // The trace: hop by hop, the packet travelling between them.
  await present.press('ArrowRight');
  await present.expectHop(0);
  for (let hop = 1; hop <= 5; hop++) {
    await present.press('ArrowRight');
    await present.expectHop(hop);
  }
  await expect(present.note).toContainText('listens on 8080');
  await expect(present.root).toHaveAttribute('data-outcome', 'ok');
  await present.press('ArrowLeft');
  await present.expectHop(4);
  await present.press('Home');
  await present.expectLayer('internet');

  await present.press('f');
  expect(await fullscreenRequests(present)).toBe(2);

  // Esc: back to the workspace exactly as it was.
  await present.press('Escape');
  await expect(present.root).toHaveCount(0);
  await app.editor.openTab('service.yaml');
  expect(await app.editor.text()).toContain('port: 80 # internal port (kept)');
  await expect(app.trace.url).toHaveValue('https://api.hwangbogyumin.com/');
  expect(await savedFiles(page)).toEqual(savedBefore);
});

test('break it: each mistake changes the outcome of the trace, and undo restores it', async ({ app, page }) => {
  await app.open();
  await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  const present = new PresentPage(page);
  await present.openFromToolbar();
  await present.press('End');
  await present.expectHop(5);
  await expect(present.root).toHaveAttribute('data-outcome', 'ok');

  await present.toggleBreak('wrong-target-port');
  await expect(present.root).toHaveAttribute('data-outcome', 'doubt');
  await expect(present.caption).toHaveClass(/is-doubt/);
  await expect(present.note).toContainText(
    /likely refused — golang-backend-api-deployment-\w+-\w+ declares 8080, not 8081/,
  );
  await expect(present.caption).toContainText('targetPort 8080 → 8081');

  await present.toggleBreak('removed-label');
  await expect(present.root).toHaveAttribute('data-outcome', 'failed');
  await present.press('End');
  await expect(present.caption).toContainText('503');

  await present.toggleBreak('deleted-ingress-rule');
  await expect(present.root).toHaveAttribute('data-outcome', 'failed');
  await present.press('End');
  await expect(present.caption).toContainText('404');

  await present.undo();
  await expect(present.root).toHaveAttribute('data-outcome', 'ok');
  await present.press('End');
  await present.expectHop(5);

  // The mistakes were made on the presentation's copy: the workspace never saw them.
  await present.press('Escape');
  await app.editor.openTab('service.yaml');
  expect(await app.editor.text()).toContain('targetPort: 8080');
  await expect(app.status).toHaveAttribute('data-errors', '0');
});

test('?present&sample= presents a Compose sample: host, doors, networks, containers; an unpublished port', async ({
  page,
}) => {
  await page.goto('/?present&sample=go-backend-compose');
  const present = new PresentPage(page);
  await present.waitReady();
  for (const [i, layer] of ['host', 'ports', 'networks', 'containers'].entries()) {
    if (i > 0) await present.press('ArrowRight');
    await present.expectLayer(layer);
  }
  await present.press('ArrowRight');
  await present.expectHop(0);
  await expect(present.root).toHaveAttribute('data-outcome', 'ok');
  await present.toggleBreak('unpublished-port');
  await expect(present.root).toHaveAttribute('data-outcome', 'failed');
  await present.press('End');
  await expect(present.note).toContainText(/publish/i);
  await present.press('u');
  await expect(present.root).toHaveAttribute('data-outcome', 'ok');

  // Leaving opens the workspace.
  await present.press('Escape');
  await expect(page.getByTestId(TEST_IDS.app)).toBeVisible();
  expect(new URL(page.url()).searchParams.has('present')).toBe(false);
});
