import { test } from './fixtures';

test('shots', async ({ app, page }) => {
  await app.open();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/z-default.png' });
  await page.getByTestId('editor-toggle').click();
  await app.page.getByTestId('node-count').fill('3');
  await app.editor.openTab; 
  await page.getByTestId('editor-toggle').click();
  await app.editFile('deployment.yaml', 'replicas: 2', 'replicas: 12');
  await page.getByTestId('editor-toggle').click();
  await page.waitForTimeout(1500);
  await app.canvas.stacks.first().getByTestId('stack-expand').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/z-expanded.png' });
  await app.loadSample('online-boutique');
  await app.setViewMode('application');
  await page.getByTestId('show-config').check();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/z-boutique-app-config.png' });
  await app.canvas.box('Service', 'cartservice').click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/z-boutique-inspector.png' });
  await page.locator('html').evaluate((el) => el.setAttribute('data-theme', 'dark'));
  await app.setViewMode('infrastructure');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/z-boutique-infra-dark.png' });
});
