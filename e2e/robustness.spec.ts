import { readFileSync } from 'node:fs';
import { SAVE_IDS, TEST_IDS } from '../src/testIds';
import { expect, test } from './fixtures';
import { AppPage } from './pages/AppPage';
import { savedFiles } from './pages/savedWorkspace';

const service = (name: string, type = 'ClusterIP') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n`;

test.describe('nothing typed is lost, nothing hangs', () => {
  test('full storage: a lasting warning, and the workspace downloads as .portolan.json', async ({ app, page }) => {
    // Both places are full: localStorage, and IndexedDB where big files (and the overflow) go.
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await app.open();
    await app.editor.openTab('service.yaml');
    await app.editor.typeAfter('name: golang-backend-api-service', '\n  # typed while storage is full');
    const warning = page.getByTestId(SAVE_IDS.saveError);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('storage is full');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(SAVE_IDS.downloadWorkspace).click(),
    ]);
    expect(download.suggestedFilename()).toBe('workspace.portolan.json');
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      version: number;
      files: { text: string }[];
    };
    expect(saved.version).toBeGreaterThanOrEqual(3);
    expect(saved.files.some((f) => f.text.includes('# typed while storage is full'))).toBe(true);
    // The warning stays while saving still fails.
    await app.editor.typeAfter('typed while storage is full', ' and more');
    await expect(warning).toBeVisible();
  });

  test('two tabs editing different files: no edit is lost', async ({ context }) => {
    const first = new AppPage(await context.newPage());
    await first.open();
    const second = new AppPage(await context.newPage());
    await second.open();

    await first.editor.openTab('service.yaml');
    await first.editor.typeAfter('name: golang-backend-api-service', '\n  # from the first tab');
    await second.editor.openTab('deployment.yaml');
    await second.editor.typeAfter('imagePullPolicy: Always', '\n        # from the second tab');
    await first.editor.openTab('service.yaml');
    await first.editor.typeAfter('# from the first tab', ', again');

    for (const tab of [first, second]) {
      await expect
        .poll(async () => {
          const files = await savedFiles(tab.page);
          return [
            files.some((f) => f.text.includes('# from the first tab, again')),
            files.some((f) => f.text.includes('# from the second tab')),
          ];
        })
        .toEqual([true, true]);
    }
    // Each tab shows both edits.
    await second.editor.openTab('service.yaml');
    await expect(second.editor.content).toContainText('# from the first tab, again');
    await first.editor.openTab('deployment.yaml');
    await expect(first.editor.content).toContainText('# from the second tab');
  });

  test('closing every tab leaves an empty tab whose typing is saved', async ({ app, page }) => {
    await app.open();
    page.on('dialog', (dialog) => void dialog.accept());
    for (let i = 0; i < 3; i++) await app.editor.tabs.first().getByTestId(TEST_IDS.tabClose).click();
    await expect(app.editor.tabs).toHaveCount(1);
    await expect(app.editor.tab('untitled.yaml')).toHaveAttribute('aria-selected', 'true');
    await app.editor.content.click();
    await page.keyboard.insertText(service('typed-after-closing'));
    await expect(app.canvas.box('Service', 'typed-after-closing')).toBeVisible();
    await page.reload();
    await expect(app.editor.tab('untitled.yaml')).toBeVisible();
    await expect(app.editor.content).toContainText('typed-after-closing');
  });

  test('the NodePort-exhaustion file: a diagnostic within the budget, and editing goes on', async ({ app }) => {
    await app.open();
    const ports = Array.from({ length: 3000 }, (_, i) => `    - name: p${i}\n      port: ${1000 + i}\n`).join('');
    const text = service('many', 'NodePort').replace('  ports:\n    - port: 80\n', `  ports:\n${ports}`);
    await app.dropFiles([{ name: 'nodeports.yaml', text }]);
    await expect(app.editor.problem('K8S-NODEPORT-EXHAUSTED').first()).toBeVisible({ timeout: 10_000 });
    await app.editor.openTab('service.yaml');
    await app.editor.typeAfter('name: golang-backend-api-service', '-renamed');
    await expect(app.canvas.box('Service', 'golang-backend-api-service-renamed')).toBeVisible();
  });

  test('a slow layout followed by an edit: the canvas shows the latest text', async ({ app, page }) => {
    await app.open();
    // Hundreds of Services take the layout a while; the edit right after must win.
    const many = Array.from({ length: 400 }, (_, i) => service(`bulk-${i}`)).join('---\n');
    await app.dropFiles([{ name: 'bulk.yaml', text: many }]);
    await expect(app.editor.tab('bulk.yaml')).toHaveAttribute('aria-selected', 'true');
    await app.editor.replaceText(service('latest'));
    await expect(app.canvas.box('Service', 'latest')).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(2000);
    await expect(app.canvas.box('Service', 'latest')).toBeVisible();
    await expect(app.canvas.box('Service', /^bulk-/)).toHaveCount(0);
  });
});
