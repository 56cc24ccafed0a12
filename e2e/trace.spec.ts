import { expect, test } from './fixtures';

test.describe('tracing a request on Kubernetes', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  });

  test('https://api.hwangbogyumin.com/ ends at container golang-backend-api on port 8080', async ({ app }) => {
    await app.trace.run('https://api.hwangbogyumin.com/');
    const hops = app.trace.hops;
    await expect(hops).toHaveCount(6);
    await expect(hops.nth(2)).toContainText('Rule api.hwangbogyumin.com / (Prefix) → golang-backend-api-service:80');
    await expect(hops.nth(3)).toContainText('Service port 80 → targetPort 8080');
    await expect(hops.nth(4)).toContainText(/kube-proxy picked golang-backend-api-deployment-\w+-\w+ \(1 of 2/);
    await expect(hops.last()).toHaveAttribute('data-kind', 'container');
    await expect(hops.last()).toContainText('container golang-backend-api listens on 8080');
    await expect(hops.last()).toContainText(':8080');
    await expect(app.trace.failure).toHaveCount(0);

    // The animation plays through to the container on its own.
    await expect(app.trace.caption).toContainText('Hop 6/6', { timeout: 15_000 });
    await expect(app.trace.caption).toContainText('container golang-backend-api listens on 8080');
    // The last hop sits on the pod box that answers.
    await expect(app.page.locator('.react-flow__node.is-current [data-kind="Pod"]')).toHaveCount(1);
  });

  test('a path no rule matches shows the red 404 hop and why', async ({ app }) => {
    await app.editor.openTab('ingress.yaml');
    const text = await app.editor.text();
    await app.editor.replaceText(text.replace('path: "/"', 'path: "/v1"'));
    await expect(app.canvas.box('Ingress', 'golang-backend-api-ingress')).toContainText('/v1');

    await app.trace.run('https://api.hwangbogyumin.com/admin');
    await expect(app.trace.failure).toContainText('404');
    await expect(app.trace.failure).toHaveAttribute('data-code', 'TRACE-NO-RULE');
    const failed = app.page.locator('[data-testid="trace-hop"].is-failed');
    await expect(failed).toHaveCount(1);
    await app.trace.pause();
    await app.page.keyboard.press('End');
    await expect(app.trace.caption).toHaveClass(/is-failed/);
    await expect(app.trace.packet).toHaveClass(/is-failed/);
    await expect(app.page.locator('.react-flow__node.is-failed')).toHaveCount(1);
  });

  test('the arrow keys step through the hops and move the highlight on the canvas', async ({ app, page }) => {
    await app.trace.run('https://api.hwangbogyumin.com/');
    await app.trace.pause();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Home');
    await expect(app.trace.currentHop).toHaveAttribute('data-kind', 'client');
    await expect(app.trace.caption).toContainText('Hop 1/6');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(app.trace.currentHop).toHaveAttribute('data-kind', 'service');
    await expect(app.trace.caption).toContainText('Service port 80 → targetPort 8080');
    const serviceNode = page.locator('.react-flow__node', {
      has: app.canvas.box('Service', 'golang-backend-api-service'),
    });
    await expect(serviceNode).toHaveClass(/is-current/);
    // Off the path dims; the Internet box is on it.
    await expect(page.locator('.react-flow__node:not(.on-path)')).not.toHaveCount(0);

    await page.keyboard.press('ArrowLeft');
    await expect(app.trace.currentHop).toHaveAttribute('data-kind', 'ingress');
    await expect(serviceNode).not.toHaveClass(/is-current/);

    // Clicking a box shows its YAML but leaves the keys on the trace.
    await app.canvas.box('Ingress', 'golang-backend-api-ingress').click();
    await expect(app.editor.tab('ingress.yaml')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(app.trace.currentHop).toHaveAttribute('data-kind', 'service');

    // Escape closes the inspector the click opened, then a second one clears the trace.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('inspector')).toHaveCount(0);
    await expect(app.trace.hops).toHaveCount(6);
    await page.keyboard.press('Escape');
    await expect(app.trace.hops).toHaveCount(0);
  });

  test('repeat mode sends requests round robin over both pods', async ({ app, page }) => {
    await app.trace.url.fill('https://api.hwangbogyumin.com/');
    await page.getByTestId('trace-repeat').click();
    await app.trace.pause();
    const panel = page.locator('.trace-panel');
    const picked: string[] = [];
    for (let request = 1; request <= 3; request++) {
      await expect(panel).toContainText(`request ${request} of 5`);
      const podHop = (await app.trace.hops.nth(4).textContent()) ?? '';
      picked.push(podHop.match(/picked (\S+)/)?.[1] ?? '');
      // Past the last hop of a request, → sends the next one of the series.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowRight');
      await app.trace.pause();
    }
    // kube-proxy's round robin: 1st and 3rd on one pod, 2nd on the other.
    expect(picked[0]).not.toBe(picked[1]);
    expect(picked[2]).toBe(picked[0]);
  });
});

test('a call from inside a pod by Service name reaches a pod behind it', async ({ app, page }) => {
  await app.open();
  await app.loadSample('bookinfo');
  await expect(app.canvas.box('Service', 'reviews')).toBeVisible();
  await app.trace.run('http://reviews:9080/', 'productpage-v1');
  await app.trace.pause();
  await expect(app.trace.hops.first()).toContainText('productpage-v1');
  await expect(app.trace.hops.filter({ hasText: 'Service port 9080 → targetPort 9080' })).toHaveCount(1);
  await expect(app.trace.hops.last()).toHaveAttribute('data-kind', 'container');
  await expect(app.trace.hops.last()).toContainText(/reviews\s*:9080/);
  await page.keyboard.press('End');
  await expect(page.locator('.react-flow__node.is-current [data-kind="Pod"]')).toContainText('reviews-v');
});
