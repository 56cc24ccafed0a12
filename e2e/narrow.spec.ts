import { TEST_IDS } from '../src/testIds';
import { expect, test } from './fixtures';

// Any window: at 800 px the editor is a drawer and nothing scrolls sideways; on a phone the app
// is view-first (the picture, the trace bar and the hop list; the editor a tap away).

const sidewaysScroll = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const { width, height } of [
  { width: 800, height: 700 },
  { width: 390, height: 800 },
]) {
  test.describe(`a ${width} px window`, () => {
    test.use({ viewport: { width, height } });

    test('opens view-first with nothing scrolling sideways; the editor is a drawer; a trace works', async ({
      app,
      page,
    }) => {
      await app.open();
      await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
      await expect(page.getByTestId(TEST_IDS.editorPane)).toBeHidden();
      expect(await sidewaysScroll(page)).toBe(0);

      // The drawer opens over the canvas and closes again; the canvas keeps its width.
      const canvas = page.getByTestId(TEST_IDS.canvas);
      const before = (await canvas.boundingBox())!.width;
      await page.getByTestId(TEST_IDS.editorToggle).click();
      await expect(page.getByTestId(TEST_IDS.editorPane)).toBeVisible();
      expect((await canvas.boundingBox())!.width).toBe(before);
      expect(await sidewaysScroll(page)).toBe(0);
      await page.getByTestId(TEST_IDS.editorToggle).click();
      await expect(page.getByTestId(TEST_IDS.editorPane)).toBeHidden();

      await app.trace.run('https://api.hwangbogyumin.com/');
      await expect(app.trace.hops.last()).toHaveAttribute('data-kind', 'container');
      await expect(app.trace.hops.first()).toBeVisible();
      expect(await sidewaysScroll(page)).toBe(0);
    });
  });
}

test.describe('a 1024 px window', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the toolbar fits on one line, every control in view', async ({ app, page }) => {
    await app.open();
    const toolbar = page.locator('.toolbar');
    const overflow = await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect((await toolbar.boundingBox())!.height).toBeLessThan(56);
    await expect(page.getByTestId(TEST_IDS.themeToggle)).toBeInViewport();
    expect(await sidewaysScroll(page)).toBe(0);
  });
});

test('a 10,000-character name wraps or is cut with a tooltip, and never widens the page', async ({ app, page }) => {
  await app.open();
  const name = 'a'.repeat(10_000);
  await app.editor.openTab('service.yaml');
  await app.editor.replaceText(
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: x}\n  ports: [{port: 80}]\n`,
  );
  const box = app.canvas.box('Service').filter({ hasText: 'aaaaaaaa' });
  await expect(box).toBeVisible();
  expect((await box.boundingBox())!.width).toBeLessThan(600);
  await box.click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await expect(app.editor.problem('K8S-SVC-NO-ENDPOINTS').first()).toBeVisible();
  expect(await sidewaysScroll(page)).toBe(0);
  for (const panel of ['editor-pane', 'inspector', 'problems']) {
    const overflow = await page.getByTestId(panel).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, panel).toBeLessThanOrEqual(1);
  }
});
