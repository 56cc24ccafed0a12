import type { Page } from '@playwright/test';
import { SAVE_IDS, TEST_IDS } from '../src/testIds';
import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { SAVED_INDEX_KEY, savedFileSizes, savedFiles } from './pages/savedWorkspace';

const HUGE_TAB = 'configmap-big-0.yaml';

/** Pastes about 10 MB of ConfigMaps outside the editor: the text is made in the page, as a clipboard would hand it over. */
async function pasteHugeFile(page: Page): Promise<number> {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  return page.evaluate(() => {
    const docs: string[] = [];
    for (let i = 0; docs.length * 80 < 10_000_000; i++)
      docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-${i}\ndata:\n  key: value-${i}\n---\n`);
    const text = docs.join('');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    return text.length;
  });
}

/** Milliseconds from the start of the page's navigation until the tab `name` is drawn. */
async function msUntilTab(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (name) => document.querySelector(`[data-testid="file-tab"][data-file="${name}"]`) && performance.now(),
    name,
    { polling: 'raf', timeout: 20_000 },
  );
  return (await handle.jsonValue()) as number;
}

test.describe('saved file by file: big files in IndexedDB, small ones in localStorage', () => {
  test('a 10 MB paste and an edit in another tab both survive a reload', async ({ context }) => {
    const first = new AppPage(await context.newPage());
    await first.open();
    const second = new AppPage(await context.newPage());
    await second.open();

    const length = await pasteHugeFile(first.page);
    await expect(first.editor.tab(HUGE_TAB)).toHaveAttribute('aria-selected', 'true');
    // Kept in IndexedDB, not in localStorage; the other files stay where they were.
    await expect
      .poll(async () => (await savedFileSizes(first.page)).find((f) => f.name === HUGE_TAB)?.length, {
        timeout: 20_000,
      })
      .toBe(length);
    expect(await first.page.evaluate((name) => localStorage.getItem(`portolan:file:${name}`), HUGE_TAB)).toBeNull();

    // The other tab hears of the new file, and edits one of its own.
    await expect(second.editor.tab(HUGE_TAB)).toBeVisible({ timeout: 20_000 });
    await second.editor.openTab('service.yaml');
    await second.editor.typeAfter('name: golang-backend-api-service', '\n  # from the second tab');
    await first.editor.openTab('deployment.yaml');
    await first.editor.typeAfter('imagePullPolicy: Always', '\n        # from the first tab');
    await expect
      .poll(async () => {
        const files = await savedFiles(first.page);
        return [
          files.some((f) => f.text.includes('# from the first tab')),
          files.some((f) => f.text.includes('# from the second tab')),
        ];
      })
      .toEqual([true, true]);

    await first.page.reload();
    const restoredMs = await msUntilTab(first.page, HUGE_TAB);
    test.info().annotations.push({ type: 'restore of a 10 MB workspace', description: `${Math.round(restoredMs)} ms` });
    console.log(`restore of a 10 MB workspace: the big tab is drawn ${Math.round(restoredMs)} ms after navigation`);
    await expect(first.page.getByTestId(SAVE_IDS.restoring)).toHaveCount(0);
    await expect(first.editor.tabs).toHaveCount(4);
    await first.editor.openTab('service.yaml');
    await expect(first.editor.content).toContainText('# from the second tab');
    await first.editor.openTab('deployment.yaml');
    await expect(first.editor.content).toContainText('# from the first tab');
    expect((await savedFileSizes(first.page)).find((f) => f.name === HUGE_TAB)?.length).toBe(length);
  });

  test('localStorage full of junk: the edit goes to IndexedDB and survives a reload', async ({ app, page }) => {
    await app.open();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
    const junk = await page.evaluate(() => {
      // Someone else's data fills the site's localStorage to the last byte.
      let count = 0;
      for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2))
        for (;;)
          try {
            localStorage.setItem(`junk-${count}`, 'j'.repeat(size));
            count++;
          } catch {
            break;
          }
      return count;
    });
    expect(junk).toBeGreaterThan(0);

    await app.editor.openTab('service.yaml');
    await app.editor.typeAfter('name: golang-backend-api-service', '\n  # typed while localStorage is full');
    await expect
      .poll(async () => (await savedFiles(page)).some((f) => f.text.includes('# typed while localStorage is full')))
      .toBe(true);
    await expect(page.getByTestId(SAVE_IDS.saveError)).toHaveCount(0);
    // localStorage keeps at most a note that the index is in IndexedDB.
    expect((await page.evaluate((key) => localStorage.getItem(key), SAVED_INDEX_KEY)) ?? '').not.toMatch(/^\{/);

    await page.reload();
    await expect(app.editor.tab('service.yaml')).toBeVisible();
    await app.editor.openTab('service.yaml');
    await expect(app.editor.content).toContainText('# typed while localStorage is full');
    await expect(page.getByTestId(TEST_IDS.tab)).toHaveCount(3);
    // The junk is not ours to remove.
    expect(await page.evaluate(() => localStorage.getItem('junk-0')?.length)).toBe(1 << 20);
  });
});
