import { test } from './fixtures';

test('shots', async ({ app, page }) => {
  await app.open();
  await page.getByTestId('editor-toggle').click();
  await app.loadSample('online-boutique');
  await app.setViewMode('application');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/y-boutique-app.png' });
  await page.getByTestId('show-config').check();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/y-boutique-app-config.png' });
  await app.loadSample('bookinfo');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/y-bookinfo-app.png' });
});
