import { expect, test } from './fixtures';

test.describe('the live workspace', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('a sample loads as a workspace and its objects appear on the canvas', async ({ app }) => {
    await app.loadSample('bookinfo');
    await expect(app.editor.tabs).toHaveCount(1);
    await expect(app.editor.tab('bookinfo.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(app.canvas.box('Service', 'productpage')).toBeVisible();
    await expect(app.canvas.box('Service', 'reviews')).toBeVisible();

    await app.loadSample('go-backend-k8s');
    await expect(app.editor.tabs).toHaveCount(3);
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
    await expect(app.canvas.box('Ingress', 'golang-backend-api-ingress')).toBeVisible();
    await expect(app.canvas.box('Service', 'productpage')).toHaveCount(0);
  });

  test('a syntax error shows as a problem while the last good graph stays; fixing it updates the graph', async ({
    app,
  }) => {
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
    await app.editor.openTab('service.yaml');
    await app.editor.typeAfter('name: golang-backend-api-service', '\nbroken: [');

    await expect(app.editor.problem('YAML-SYNTAX')).toBeVisible();
    await expect(app.editor.problem('YAML-SYNTAX')).toContainText('service.yaml:');
    await expect(app.staleBanner).toBeVisible();
    await expect(app.status).not.toHaveAttribute('data-errors', '0');
    await expect(app.editor.tab('service.yaml').getByTestId('file-tab-problems')).toHaveText('1');
    // The graph from before the error is still drawn.
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
    await expect(app.page.locator('.cm-lint-marker-error')).toHaveCount(1);

    const fixed = (await app.editor.text())
      .replace(/\n\s*broken: \[/, '')
      .replace('name: golang-backend-api-service', 'name: renamed-service');
    await app.editor.replaceText(fixed);

    await expect(app.canvas.box('Service', 'renamed-service')).toBeVisible();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toHaveCount(0);
    await expect(app.staleBanner).toHaveCount(0);
    await expect(app.editor.problem('YAML-SYNTAX')).toHaveCount(0);
  });

  test('an edit that changes no box’s size keeps every box in its place', async ({ app, page }) => {
    const service = app.canvas.box('Service', 'golang-backend-api-service');
    const pod = app.canvas.box('Pod').first();
    await expect(pod).toBeVisible();
    await page.waitForTimeout(400); // let the first fit settle
    const before = [await service.boundingBox(), await pod.boundingBox()];
    await app.editor.openTab('deployment.yaml');
    await app.editor.typeAfter('imagePullPolicy: Always', '\n        # a comment changes nothing drawn');
    // The same text, another number: the box says so, and stays where it was.
    await app.editor.openTab('service.yaml');
    const text = await app.editor.text();
    await app.editor.replaceText(text.replace('targetPort: 8080', 'targetPort: 8081'));
    await expect(service).toContainText('80 → 8081');
    await page.waitForTimeout(600);
    expect([await service.boundingBox(), await pod.boundingBox()]).toEqual(before);
  });

  test('the workspace survives a reload: text, tabs and the active tab', async ({ app, page }) => {
    await app.editor.openTab('ingress.yaml');
    await app.editor.typeAfter('secretName: hwangbogyumin-api.cert', '\n# kept across reloads');
    await page.getByTestId('new-file').click();
    await app.editor.replaceText('# my notes\n');
    await expect(app.editor.tabs).toHaveCount(4);

    await page.reload();
    await expect(app.editor.tabs).toHaveCount(4);
    await expect(app.editor.tab('untitled.yaml')).toHaveAttribute('aria-selected', 'true');
    expect(await app.editor.text()).toContain('# my notes');
    await app.editor.openTab('ingress.yaml');
    expect(await app.editor.text()).toContain('# kept across reloads');
  });

  test('dropping files from the desktop opens each as a new tab', async ({ app }) => {
    await app.dropFiles([
      {
        name: 'redis.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: redis-cache\nspec:\n  ports:\n  - port: 6379\n',
      },
      { name: 'notes.yml', text: '# nothing yet\n' },
    ]);
    await expect(app.editor.tabs).toHaveCount(5);
    await expect(app.editor.tab('redis.yaml')).toBeVisible();
    await expect(app.editor.tab('notes.yml')).toHaveAttribute('aria-selected', 'true');
    await expect(app.canvas.box('Service', 'redis-cache')).toBeVisible();
  });

  test('Open… adds the chosen files as tabs, and text pasted outside the editor opens a new tab', async ({
    app,
    page,
  }) => {
    await page.getByTestId('open-input').setInputFiles([
      {
        name: 'cache.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: opened-cache\nspec:\n  ports:\n  - port: 6379\n',
        ),
      },
    ]);
    await expect(app.editor.tab('cache.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(app.canvas.box('Service', 'opened-cache')).toBeVisible();

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        'text/plain',
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: pasted-svc\nspec:\n  ports:\n  - port: 81\n',
      );
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    // Named after the first object: its kind and name.
    await expect(app.editor.tab('service-pasted-svc.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(app.canvas.box('Service', 'pasted-svc')).toBeVisible();
  });

  test('select all and paste a whole file inside the editor only edits the editor', async ({ app, page }) => {
    const tabs = await app.editor.tabs.count();
    await app.editor.content.click();
    await page.keyboard.press('ControlOrMeta+a');
    // A real paste aimed at a line of the text, which the paste replaces (and so detaches).
    await page
      .locator('[data-testid="editor"] .cm-line')
      .nth(2)
      .evaluate((line) => {
        const data = new DataTransfer();
        data.setData(
          'text/plain',
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: replaced\nspec:\n  ports:\n  - port: 82\n',
        );
        line.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
    await expect(app.canvas.box('Service', 'replaced')).toBeVisible();
    await expect(app.editor.tabs).toHaveCount(tabs);
    expect(await app.editor.text()).toContain('name: replaced');
  });

  test('clicking a box selects its YAML document in the editor', async ({ app }) => {
    await expect(app.editor.tab('deployment.yaml')).toHaveAttribute('aria-selected', 'true');
    await app.canvas.box('Ingress', 'golang-backend-api-ingress').click();
    await expect(app.editor.tab('ingress.yaml')).toHaveAttribute('aria-selected', 'true');
    // The Ingress is the second document of ingress.yaml; its first line is line 8.
    await expect.poll(() => app.editor.cursorLine()).toBe(8);
    await expect(app.canvas.box('Ingress', 'golang-backend-api-ingress')).toHaveClass(/is-selected/);
  });

  test('a box focused with the keyboard opens with Enter', async ({ app, page }) => {
    const service = page.locator('.react-flow__node', { has: app.canvas.box('Service', 'golang-backend-api-service') });
    await service.focus();
    await page.keyboard.press('Enter');
    await expect(app.editor.tab('service.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toHaveClass(/is-selected/);
  });

  test('moving the cursor into a document highlights its box', async ({ app, page }) => {
    await app.editor.openTab('service.yaml');
    await page.locator('[data-testid="editor"] .cm-line', { hasText: 'targetPort' }).click();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toHaveClass(/is-cursor/);
    await expect(app.canvas.box('Ingress', 'golang-backend-api-ingress')).not.toHaveClass(/is-cursor/);
  });

  test('tabs can be added, renamed and closed; problems jump to their line', async ({ app, page }) => {
    await page.getByTestId('new-file').click();
    await expect(app.editor.tab('untitled.yaml')).toHaveAttribute('aria-selected', 'true');
    await app.editor.tab('untitled.yaml').dblclick();
    const input = page.getByTestId('file-tab-rename');
    await input.fill('service.yaml');
    await input.press('Enter');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill('extra.yaml');
    await input.press('Enter');
    await expect(app.editor.tab('extra.yaml')).toBeVisible();

    await app.editor.replaceText('a: 1\nb: 2\nc: [oops\n');
    await expect(app.editor.problem('YAML-SYNTAX')).toBeVisible();
    await app.editor.openTab('deployment.yaml');
    await app.editor.problem('YAML-SYNTAX').click();
    await expect(app.editor.tab('extra.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => app.editor.cursorLine()).toBeGreaterThanOrEqual(3);

    page.once('dialog', (dialog) => void dialog.accept());
    await app.editor.tab('extra.yaml').getByTestId('file-tab-close').click();
    await expect(app.editor.tab('extra.yaml')).toHaveCount(0);
    await expect(app.editor.problem('YAML-SYNTAX')).toHaveCount(0);
  });

  test('Helm templates and kustomizations get a clear error that says how to render them', async ({ app }) => {
    await app.dropFiles([
      { name: 'chart.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n' },
      { name: 'kustomization.yaml', text: 'resources:\n- deployment.yaml\n' },
    ]);
    await expect(app.editor.problem('INPUT-HELM-TEMPLATE')).toContainText('helm template');
    await expect(app.editor.problem('INPUT-KUSTOMIZATION')).toContainText('kubectl kustomize');
  });

  test('the editor collapses so the canvas takes the window, and the theme follows the toggle', async ({
    app,
    page,
  }) => {
    const canvas = page.getByTestId('canvas');
    const before = (await canvas.boundingBox())!.width;
    await page.getByTestId('editor-toggle').click();
    await expect(page.getByTestId('editor-pane')).toBeHidden();
    await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(before + 300);

    const toggle = page.getByTestId('theme-toggle');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('editor-pane')).toBeHidden();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  });
});
