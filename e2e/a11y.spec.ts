import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { EXPORT_IDS, SEARCH_IDS, TEST_IDS, TRACE_IDS, VIEW_IDS } from '../src/testIds';
import { expect, test } from './fixtures';

/**
 * Waits until the page has not changed for `quietMs` (at most `maxMs`): axe reads the page in
 * several passes, and a page still changing under it (the editor arriving after the first graph,
 * lint marks drawn a task after the analysis) breaks its own bookkeeping, which says nothing
 * about accessibility.
 */
async function pageAtRest(page: Page, quietMs = 300, maxMs = 5000): Promise<void> {
  await page.evaluate(
    ([quiet, max]) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quiet);
        const giveUp = setTimeout(done, max);
        const watch = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        function done() {
          watch.disconnect();
          clearTimeout(timer);
          clearTimeout(giveUp);
          resolve();
        }
      }),
    [quietMs, maxMs] as const,
  );
}

/** Serious and critical axe violations on the page at rest, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await pageAtRest(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test('the main view has no serious or critical violations', async ({ app, page }) => {
      await app.open();
      await expect(app.canvas.boxes.first()).toBeVisible();
      await page.waitForTimeout(600); // the first fit and the theme's colour transitions settle
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a trace has no serious or critical violations', async ({ app, page }) => {
      await app.open();
      await app.trace.run('https://api.hwangbogyumin.com/');
      await app.trace.pause();
      await expect(app.trace.caption).toBeVisible();
      await page.waitForTimeout(700); // the camera settles on the hop
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the search, its list and its focus have no serious or critical violations', async ({ app, page }) => {
      await app.open();
      await expect(app.canvas.boxes.first()).toBeVisible();
      await page.getByTestId(SEARCH_IDS.input).fill('golang');
      await expect(page.getByTestId(SEARCH_IDS.option).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.locator('.react-flow.is-focusing')).toBeVisible();
      await page.waitForTimeout(600); // the camera settles on the box found
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('keyboard only: open a sample, trace, step, open the inspector, switch tabs', async ({ app, page }) => {
  await app.open();
  // Open a sample from the menu.
  await page.getByTestId(TEST_IDS.samplesButton).focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="${TEST_IDS.sample}"][data-sample="guestbook"]`).focus();
  await page.keyboard.press('Enter');
  await expect(app.canvas.box('Service', 'guestbook')).toBeVisible();

  // Trace: Enter on the empty URL field traces the first suggestion; then ←/→ step.
  await expect(app.trace.url).toHaveValue('');
  await app.trace.url.focus();
  await page.keyboard.press('Enter');
  await expect(app.trace.caption).toBeVisible();
  await page.keyboard.press(' '); // pause
  await page.keyboard.press('Home');
  await expect(app.trace.currentHop).toHaveText(/^1/);
  await page.keyboard.press('ArrowRight');
  await expect(app.trace.currentHop).toHaveText(/^2/);
  await page.keyboard.press('Escape'); // ends the trace
  await expect(app.trace.caption).toHaveCount(0);

  // Boxes: Tab reaches them; Enter opens the inspector.
  const service = page.locator('.react-flow__node', { has: app.canvas.box('Service', 'guestbook') });
  await service.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(VIEW_IDS.inspector)).toBeVisible();

  // Tabs: arrow keys switch the file.
  const first = app.editor.tabs.first();
  await first.click();
  await page.keyboard.press('ArrowRight');
  await expect(app.editor.tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(app.editor.tabs.nth(1)).toBeFocused();
});

test('Esc then Tab leaves the editor, and a hint says so', async ({ app, page }) => {
  await app.open();
  await app.editor.content.click();
  await expect(page.locator('.editor-hint')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(app.editor.content).not.toBeFocused();
  await expect(page.locator('.editor-hint')).toBeHidden();
});

test('boxes take the focus in reading order: left to right, top to bottom', async ({ app, page }) => {
  await app.open();
  await expect(app.canvas.boxes.first()).toBeVisible();
  const tops = await page
    .locator('.react-flow__node:has([data-testid="graph-node"])')
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.left, y: r.top })));
  // Each box starts a row below the previous one, or stands right of it in the same row.
  for (let i = 1; i < tops.length; i++) {
    const [a, b] = [tops[i - 1]!, tops[i]!];
    expect(b.y > a.y - 40 && (b.y > a.y + 1 || b.x > a.x)).toBe(true);
  }
  void TRACE_IDS;
});

test('every toolbar menu closes on Esc, giving the focus back to its button, and on a click outside', async ({
  app,
  page,
}) => {
  await app.open();
  await expect(app.canvas.boxes.first()).toBeVisible();
  for (const button of [TEST_IDS.samplesButton, EXPORT_IDS.button, VIEW_IDS.viewMenu]) {
    const opener = page.getByTestId(button);
    const list = page.locator('.menu', { has: opener }).locator('.menu-list');
    await opener.click();
    await expect(list).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    await expect(opener).toBeFocused();
    await opener.click();
    await expect(list).toBeVisible();
    await page.locator('footer.statusbar').click();
    await expect(list).toHaveCount(0);
  }
});
