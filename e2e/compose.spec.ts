import { COMPOSE_IDS } from '../src/testIds';
import { expect, test } from './fixtures';

test.describe('Docker Compose', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('the Go backend: the host with its doors, the network, the DB_SOURCE connection; localhost:8080 ends at api:8080', async ({
    app,
  }) => {
    await app.loadSample('go-backend-compose');
    const host = app.canvas.group('Host');
    await expect(host).toContainText('Docker host');
    await expect(app.canvas.box('Published port', '0.0.0.0:8080')).toContainText('→ api:8080');
    await expect(app.canvas.box('Published port', '0.0.0.0:5432')).toContainText('→ postgres:5432');
    await expect(app.canvas.group('Network')).toContainText('default network');
    expect(await app.canvas.countInside(app.canvas.group('Network'), 'Container')).toBe(2);
    // What api needs of postgres: one arrow that names the variable and the wait.
    const need = app.canvas.edge('talks-to:compose:container/api->compose:container/postgres');
    await expect(need).toBeAttached();
    await expect(need).toContainText('DB_SOURCE');
    await expect(need).toContainText('starts after it');

    await app.trace.run('http://localhost:8080/');
    const hops = app.trace.hops;
    await expect(hops).toHaveCount(4);
    await expect(hops.nth(1)).toContainText('0.0.0.0:8080 to api:8080');
    await expect(hops.nth(2)).toHaveAttribute('data-kind', 'network');
    await expect(hops.last()).toHaveAttribute('data-kind', 'container');
    await expect(hops.last()).toContainText('api');
    await expect(hops.last()).toContainText(':8080');
    await expect(app.trace.failure).toHaveCount(0);
    // The host hop sits on the door it goes through.
    await app.trace.pause();
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('ArrowRight');
    await expect(app.page.locator('.react-flow__node.is-current [data-kind="Published port"]')).toContainText(
      '0.0.0.0:8080',
    );
  });

  test('the portfolio: nginx in front of the client on network frontend; its default.conf routes localhost/ to client:3000', async ({
    app,
  }) => {
    await app.loadSample('portfolio-compose');
    const frontend = app.canvas.group('Network');
    await expect(frontend).toContainText('network frontend');
    expect(await app.canvas.countInside(frontend, 'Container')).toBe(2);
    await expect(app.canvas.box('Container', 'nginx')).toContainText('/ → client:3000');
    await expect(app.canvas.box('Container', 'client')).toContainText(':3000 (inside only)');

    await app.trace.run('http://localhost/');
    const hops = app.trace.hops;
    await expect(hops.last()).toHaveAttribute('data-kind', 'container');
    await expect(hops.last()).toContainText('client');
    await expect(hops.last()).toContainText(':3000');
    await expect(hops.filter({ hasText: 'location /' }).first()).toBeVisible();
    await expect(app.trace.failure).toHaveCount(0);

    // From outside, the client is not published: only nginx's door lets a request in.
    await app.trace.run('http://localhost:3000/');
    await expect(app.trace.failure).toHaveAttribute('data-code', 'TRACE-COMPOSE-NOT-PUBLISHED');
  });

  test('a port clash is an error on the line that publishes the port a second time', async ({ app }) => {
    await app.loadSample('go-backend-compose');
    await app.editFile('docker-compose.yaml', '"5432:5432"', '"8080:5432"');
    const clash = app.editor.problem('COMPOSE-PORT-CLASH');
    await expect(clash).toBeVisible();
    await expect(clash).toContainText('docker-compose.yaml:');
    await clash.click();
    expect(await app.editor.cursorLine()).toBe(15);
    await expect(app.status).toHaveAttribute('data-errors', '1');
  });

  test('the variables panel and the profile toggles write the .env tab, and the picture follows', async ({ app }) => {
    await app.loadSample('go-backend-compose');
    await app.editor.replaceText(
      [
        'services:',
        '  web:',
        '    image: "nginx:${TAG:-1.27}"',
        '    ports: ["${WEB_PORT:?needed}:80"]',
        '  adminer:',
        '    image: adminer',
        '    profiles: [debug]',
        '',
      ].join('\n'),
    );
    await expect(app.editor.problem('COMPOSE-VAR-REQUIRED')).toBeVisible();
    await app.page.getByTestId(COMPOSE_IDS.variablesButton).click();
    await app.page.locator(`[data-testid="${COMPOSE_IDS.variable}"][data-variable="WEB_PORT"]`).fill('8088');
    await expect(app.editor.tab('.env')).toBeVisible();
    await expect(app.editor.problem('COMPOSE-VAR-REQUIRED')).toHaveCount(0);
    await expect(app.canvas.box('Published port', '0.0.0.0:8088')).toBeVisible();

    await expect(app.canvas.box('Container', 'adminer')).toHaveCount(0);
    await app.page.getByTestId(COMPOSE_IDS.profilesButton).click();
    const debug = app.page.locator(`[data-testid="${COMPOSE_IDS.profile}"][data-profile="debug"]`);
    // The toggle shows what the analysis says, so it turns on once the .env tab is read again.
    await debug.click();
    await expect(debug).toBeChecked();
    await expect(app.canvas.box('Container', 'adminer')).toBeVisible();
    await app.editor.openTab('.env');
    expect(await app.editor.text()).toBe('WEB_PORT=8088\nCOMPOSE_PROFILES=debug\n');
  });

  test('the editor and the canvas point at each other: a click shows the service, the cursor lights its box', async ({
    app,
    page,
  }) => {
    await app.loadSample('go-backend-compose');
    await app.canvas.box('Container', 'api').click();
    await expect.poll(() => app.editor.cursorLine()).toBe(10);
    await expect(app.inspector.section('Ports')).toContainText('0.0.0.0:8080 → 8080/tcp');
    await expect(app.inspector.links('Depends on')).toContainText('Container postgres');

    await page.locator('[data-testid="editor"] .cm-line', { hasText: 'POSTGRES_DB' }).click();
    await expect(app.canvas.box('Container', 'postgres')).toHaveClass(/is-cursor/);
    await expect(app.canvas.box('Container', 'api')).not.toHaveClass(/is-cursor/);
  });
});
