import { TRACE_IDS } from '../src/testIds';
import { expect, test } from './fixtures';

test.beforeEach(async ({ app }) => {
  await app.open();
  await expect(app.canvas.boxes.first()).toBeVisible();
});

test('while the text has a syntax error, the trace bar says it traces the last good version', async ({ app, page }) => {
  const note = page.getByTestId(TRACE_IDS.stale);
  await expect(note).toHaveCount(0);
  await app.editor.openTab('service.yaml');
  await app.editor.typeAfter('kind: Service', '\nbroken: [unclosed');
  await expect(note).toContainText('last good version');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(note).toHaveCount(0);
});

test('a new sample clears the URL field; Enter on it traces the first suggestion', async ({ app, page }) => {
  await app.trace.url.fill('https://api.hwangbogyumin.com/somewhere');
  await app.loadSample('guestbook');
  await expect(app.canvas.box('Service', 'guestbook')).toBeVisible();
  await expect(app.trace.url).toHaveValue('');
  await app.trace.url.press('Enter');
  await expect(app.trace.caption).toBeVisible();
  await expect(app.trace.url).not.toHaveValue('');
  // The keys now step the trace: focus left the field for the canvas.
  await page.keyboard.press(' ');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(app.trace.currentHop).toHaveText(/^2/);
});

test('a targetPort the pods do not declare ends the trace amber', async ({ app, page }) => {
  await app.editFile('service.yaml', 'targetPort: 8080', 'targetPort: 8081');
  await app.trace.run('https://api.hwangbogyumin.com/');
  await app.trace.pause();
  await page.keyboard.press('End');
  await expect(app.trace.hops.last()).toHaveClass(/is-doubt/);
  await expect(app.trace.caption).toHaveClass(/is-doubt/);
  await expect(app.trace.packet).toHaveClass(/is-doubt/);
});
