import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SharePage } from './pages/SharePage';
import { ScalePage } from './pages/ScalePage';
import { TEST_IDS } from '../src/testIds';
import { LEGACY_WORKSPACE_KEY } from './pages/savedWorkspace';

const SERVICE = 'Service/default/golang-backend-api-service';

/** Online Boutique copied into `copies` namespaces (`shop-0`, `shop-1`…), one file: 35 objects each. */
function boutiqueCopies(copies: number): string {
  const boutique = readFileSync(
    new URL('../src/samples/online-boutique/kubernetes-manifests.yaml', import.meta.url),
    'utf8',
  );
  return Array.from({ length: copies }, (_, i) =>
    boutique.replace(/^metadata:\n/gm, `metadata:\n  namespace: shop-${i}\n`),
  ).join('\n---\n');
}

/** About 1,000 objects (1,300 with pods). */
function thousandObjects(): string {
  return boutiqueCopies(28);
}

test.describe('closing groups', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await expect(app.canvas.box('Service').first()).toBeVisible();
  });

  test('a worker node closes into one box that the Service’s arrow ends at, and opens again', async ({ app, page }) => {
    const scale = new ScalePage(page);
    await scale.close('node/node-1');
    await expect(scale.closedGroup('node/node-1')).toContainText('closed · 1 object');
    await expect(scale.closedGroup('node/node-1')).toContainText('1 Pod');
    await expect(app.canvas.edge(`selects:${SERVICE}->node/node-1`)).toBeAttached();
    await expect(app.canvas.box('Pod')).toHaveCount(1);
    await scale.open('node/node-1');
    await expect(app.canvas.box('Pod')).toHaveCount(2);
  });

  test('a namespace closes in the application view, and stays closed after a reload and in a share link', async ({
    app,
    page,
    browser,
  }) => {
    const scale = new ScalePage(page);
    await app.setViewMode('application');
    await page.keyboard.press('Escape');
    await scale.close('ns:default');
    await expect(scale.closedGroup('ns:default')).toContainText(/closed · \d+ objects/);
    await expect(app.canvas.box('Service')).toHaveCount(0);

    await page.reload();
    await expect(scale.closedGroup('ns:default')).toBeVisible();

    const link = await new SharePage(page).link();
    const other = await browser.newPage();
    await other.goto(link);
    await expect(new ScalePage(other).closedGroup('ns:default')).toBeVisible();
    await other.close();

    await scale.open('ns:default');
    await expect(app.canvas.box('Service').first()).toBeVisible();
  });

  test('a trace through a closed node lights the node’s box', async ({ app, page }) => {
    const scale = new ScalePage(page);
    await scale.close('node/node-1');
    await scale.close('node/node-2');
    await app.trace.run('https://api.hwangbogyumin.com/');
    await app.trace.pause();
    await page.keyboard.press('End');
    await expect(page.locator('.react-flow__node.is-current [data-folded]')).toHaveCount(1);
  });
});

test.describe('search', () => {
  test('finds a box by name, flies there and dims the rest; Esc clears', async ({ app, page }) => {
    const scale = new ScalePage(page);
    await app.open();
    await expect(app.canvas.box('Service').first()).toBeVisible();
    const before = await scale.viewport();

    // `/` from the canvas jumps to the search field.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(scale.search).toBeFocused();
    await page.keyboard.type('api-serv');
    await expect(scale.search).toHaveAttribute('aria-expanded', 'true');
    await expect(scale.options.first()).toHaveAttribute('data-id', SERVICE);
    await page.keyboard.press('Enter');

    await expect(scale.focusing).toBeVisible();
    await expect(scale.focused).toHaveCount(1);
    await expect(scale.focused.getByTestId(TEST_IDS.node)).toHaveAttribute('data-object-id', SERVICE);
    await expect.poll(() => scale.viewport()).not.toBe(before);

    await page.keyboard.press('Escape');
    await expect(scale.focusing).toHaveCount(0);
    await expect(scale.search).toHaveValue('');
  });

  test('at 1,000 objects most namespaces start closed; a match in a closed one opens it', async ({ app, page }) => {
    test.setTimeout(90_000);
    const scale = new ScalePage(page);
    await app.open();
    await expect(app.canvas.box('Service').first()).toBeVisible();
    await scale.pasteAsNewTab(thousandObjects());
    await expect(scale.foldStatus).toContainText('namespaces closed', { timeout: 60_000 });
    await expect(scale.closedGroup('ns:shop-20')).toBeAttached({ timeout: 30_000 });
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(300);

    // Ctrl+K from anywhere but the editor.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    await expect(scale.search).toBeFocused();
    // The infrastructure view keeps a large input's Services in a box per namespace.
    await scale.find('checkoutservice shop-20', 'Service/shop-20/checkoutservice');
    await expect(scale.openGroup('ns:shop-20')).toBeAttached({ timeout: 30_000 });
    await expect(scale.focused.locator('[data-object-id="Service/shop-20/checkoutservice"]')).toBeVisible();
    await expect(scale.foldStatus).toContainText('namespaces closed');
  });
});

test.describe('a pasted picture of many boxes', () => {
  test('comes in whole and framed: every namespace drawn, all of it in view', async ({ app, page }) => {
    const scale = new ScalePage(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.open();
    await app.setViewMode('application');
    await page.keyboard.press('Escape');
    await expect(app.canvas.box('Service').first()).toBeVisible();
    // Six namespaces of Online Boutique: some 220 boxes (fewer than draw most groups closed), more
    // than the canvas puts in the page in one frame, and a column taller than it shows at zoom 0.1.
    const copies = 6;
    await scale.pasteAsNewTab(boutiqueCopies(copies));
    const canvas = (await page.getByTestId(TEST_IDS.canvas).boundingBox())!;
    for (let i = 0; i < copies; i++) {
      const frontend = page.locator(`[data-testid="${TEST_IDS.node}"][data-object-id="Service/shop-${i}/frontend"]`);
      await expect(frontend).toBeVisible({ timeout: 30_000 });
      // Framed from the whole picture, not from the part of it drawn first.
      const box = (await frontend.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(canvas.x);
      expect(box.y).toBeGreaterThanOrEqual(canvas.y);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    // Drawn whole: the canvas no longer says it is busy (it is while the slices come).
    await expect(page.getByRole('group', { name: 'Architecture diagram' })).toHaveAttribute('aria-busy', 'false');
  });
});

test.describe('a picture of 1,000 boxes', () => {
  test('with every namespace open: the minimap draws the namespaces, and the overview paints shapes, not names or arrows', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const scale = new ScalePage(page);
    const namespaces = Array.from({ length: 28 }, (_, i) => `ns:shop-${i}`);
    // A workspace saved by an earlier Portolan, in the `.portolan.json` format: its view has
    // every namespace opened by hand.
    const saved = JSON.stringify({
      version: 3,
      files: [{ name: 'shop.yaml', text: thousandObjects() }],
      activeFile: 'shop.yaml',
      view: { viewMode: 'application', openedGroups: namespaces },
    });
    await page.addInitScript(
      ([key, text]) => {
        if (!localStorage.getItem('portolan:workspace:index')) localStorage.setItem(key!, text!);
      },
      [LEGACY_WORKSPACE_KEY, saved],
    );
    await page.goto('/');
    // Drawn open (only the namespaces in view are in the page: the picture is taller than the canvas).
    await expect(
      page.locator(`[data-testid="${TEST_IDS.groupNode}"][data-object-id^="ns:shop-"]`).first(),
    ).toBeAttached({
      timeout: 60_000,
    });
    await expect(page.locator('footer.statusbar')).toContainText('1322 objects');

    // The minimap: one shape per namespace (and the cluster-wide group), not a thousand specks.
    const landmarks = page.locator('.react-flow__minimap-node');
    await expect.poll(() => landmarks.count()).toBeGreaterThanOrEqual(28);
    expect(await landmarks.count()).toBeLessThan(40);

    // Fitted, the picture is far below a readable zoom: boxes keep their shape and colour, no name.
    await expect(page.locator('.canvas-fill.zoom-tiny')).toBeAttached({ timeout: 30_000 });
    const shown = page.getByTestId(TEST_IDS.node);
    await expect.poll(() => shown.count()).toBeGreaterThan(50);
    await expect(shown.first()).toBeVisible();
    await expect(shown.first().locator('.box-title')).toBeHidden();
    // Nor arrows: at this zoom an arrow would be a tenth of a pixel wide.
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);

    // The search flies to a box: close enough to read, the names are back.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    await scale.find('checkoutservice shop-20', 'Service/shop-20/checkoutservice');
    await expect(page.locator('.canvas-fill.zoom-tiny')).toHaveCount(0, { timeout: 15_000 });
    const box = page.locator('[data-object-id="Service/shop-20/checkoutservice"]');
    await expect(box.locator('.box-title')).toBeVisible();
    await expect(box.locator('.box-title')).toHaveText('checkoutservice');
    await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  });
});
