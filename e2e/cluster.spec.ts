import { expect, test } from './fixtures';

const SERVICE = 'Service/default/golang-backend-api-service';
const INGRESS = 'Ingress/default/golang-backend-api-ingress';

test.describe('the cluster picture (Kubernetes seed sample)', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  });

  test('two pods on worker nodes, behind the Service, behind the Ingress that names the host', async ({ app }) => {
    const ingress = app.canvas.box('Ingress', 'golang-backend-api-ingress');
    await expect(ingress).toContainText('api.hwangbogyumin.com');
    await expect(app.canvas.box('Pod')).toHaveCount(2);
    await expect.poll(async () => (await app.canvas.podsPerNode()).reduce((a, b) => a + b, 0)).toBe(2);
    // Through the ingress controller's box.
    await expect(app.canvas.edge('routes:internet->view:ingress-controller')).toHaveCount(1);
    await expect(app.canvas.edge(`routes:view:ingress-controller->${INGRESS}`)).toHaveCount(1);
    await expect(app.canvas.edge(`routes:${INGRESS}->${SERVICE}`)).toHaveCount(1);
    for (const pod of await app.canvas.box('Pod').all()) {
      const id = await pod.getAttribute('data-object-id');
      await expect(app.canvas.edge(`selects:${SERVICE}->${id}`)).toHaveCount(1);
    }
  });

  test('five replicas spread over three nodes, 2/2/1', async ({ app }) => {
    await app.editFile('deployment.yaml', 'replicas: 2', 'replicas: 5');
    await expect(app.canvas.box('Pod')).toHaveCount(5);
    await expect.poll(async () => (await app.canvas.podsPerNode()).sort()).toEqual([1, 2, 2]);
  });

  test('a Service whose selector matches nothing gets a red badge and a problem', async ({ app }) => {
    await expect(app.page.locator('[data-testid^="rf__edge-selects:"]')).toHaveCount(2);
    await app.editFile('service.yaml', 'app: golang-backend-api', 'app: nothing');
    await expect(app.editor.problem('K8S-SVC-NO-ENDPOINTS')).toBeVisible();
    await expect(app.editor.problem('K8S-SVC-NO-ENDPOINTS')).toHaveAttribute('data-severity', 'error');
    await expect(app.editor.problem('K8S-SVC-NO-ENDPOINTS')).toContainText('app=golang-backend-api');
    const service = app.canvas.box('Service', 'golang-backend-api-service');
    await expect(service.locator('.badge-error')).toHaveText('1');
    await expect(service).toHaveClass(/has-error/);
    // The Service no longer points at the pods.
    await expect(app.page.locator('[data-testid^="rf__edge-selects:"]')).toHaveCount(0);
  });

  test('the worker nodes field draws that many nodes', async ({ app }) => {
    await app.setWorkerNodes(5);
    await expect(app.canvas.group('Node')).toHaveCount(5);
    for (let i = 1; i <= 5; i++) await expect(app.canvas.group('Node', `node-${i}`)).toBeVisible();
  });

  test('the application view: namespace → Deployment → its two pods', async ({ app }) => {
    await app.setViewMode('application');
    const namespace = app.canvas.group('Namespace', 'default');
    const workload = app.canvas.group('Deployment', 'golang-backend-api-deployment');
    await expect(namespace).toBeVisible();
    await expect(workload).toBeVisible();
    await expect(workload).toContainText('Deployment · 2 replicas');
    await expect(app.canvas.group('Node')).toHaveCount(0);
    await expect(app.canvas.box('ControlPlane')).toHaveCount(0);
    await expect.poll(() => app.canvas.countInside(workload, 'Pod')).toBe(2);
    await expect.poll(() => app.canvas.countInside(namespace, 'Service')).toBe(1);
  });

  test('the inspector lists the Service endpoints and the Ingress rule; a pod link selects the pod', async ({
    app,
  }) => {
    await app.canvas.box('Service', 'golang-backend-api-service').click();
    await expect(app.inspector.panel).toHaveAttribute('data-selected', SERVICE);
    await expect(app.inspector.links('Endpoints')).toHaveCount(2);
    await expect(app.inspector.section('Reached from')).toContainText('Ingress golang-backend-api-ingress');
    await expect(app.inspector.section('Reached from')).toContainText('api.hwangbogyumin.com/ (Prefix)');

    const pod = app.inspector.links('Endpoints').first();
    const podId = await pod.getAttribute('data-id');
    await pod.click();
    await expect(app.inspector.panel).toHaveAttribute('data-selected', podId!);
    await expect(app.canvas.box('Pod').and(app.page.locator(`[data-object-id="${podId}"]`))).toHaveClass(/is-selected/);
    await expect(app.inspector.section('Placement')).toContainText('Deployment golang-backend-api-deployment');
    await expect(app.editor.tab('deployment.yaml')).toHaveAttribute('aria-selected', 'true');

    await app.page.keyboard.press('Escape');
    await expect(app.inspector.panel).toHaveCount(0);
  });

  test('twelve replicas on three nodes stack as ×4; a click opens one stack', async ({ app }) => {
    await app.editFile('deployment.yaml', 'replicas: 2', 'replicas: 12');
    await expect(app.canvas.stacks).toHaveCount(3);
    for (const stack of await app.canvas.stacks.all()) {
      await expect(stack).toHaveAttribute('data-stack', '4');
      await expect(stack.locator('.box-title')).toHaveText('golang-backend-api-deployment ×4');
    }
    await expect(app.canvas.box('Pod')).toHaveCount(3);

    await app.canvas.stacks.first().getByTestId('stack-expand').click();
    await expect(app.canvas.stacks).toHaveCount(2);
    await expect(app.canvas.box('Pod')).toHaveCount(2 + 4);
    // The button opens the stack without selecting it.
    await expect(app.inspector.panel).toHaveCount(0);

    await app.canvas.box('Pod').getByTestId('stack-collapse').first().click();
    await expect(app.canvas.stacks).toHaveCount(3);
  });
});

test('the control plane can be expanded or hidden; config and storage appear on demand', async ({ app, page }) => {
  await app.open();
  const plane = app.canvas.box('ControlPlane');
  await expect(plane).toBeVisible();
  await app.openViewMenu();
  await page.getByTestId('control-plane-mode').selectOption('expanded');
  await expect(plane).toContainText('front door of the cluster');
  await page.getByTestId('control-plane-mode').selectOption('hidden');
  await expect(plane).toHaveCount(0);

  await app.loadSample('online-boutique');
  await expect(app.canvas.box('ServiceAccount')).toHaveCount(0);
  await app.openViewMenu();
  await page.getByTestId('show-config').check();
  await expect(app.canvas.box('ServiceAccount', 'frontend')).toBeVisible();

  await page.reload();
  await expect(app.canvas.box('ServiceAccount', 'frontend')).toBeVisible();
  await expect(app.canvas.box('ControlPlane')).toHaveCount(0);
});

test('the images layer shows the registry and the nodes whose runtime pulls from it', async ({ app, page }) => {
  await app.open();
  await expect(app.canvas.box('Registry')).toHaveCount(0);
  await app.openViewMenu();
  await page.getByTestId('show-images').check();
  const registry = app.canvas.box('Registry', 'docker.io');
  await expect(registry).toBeVisible();
  await expect(registry).toContainText('ghkdqhrbals/simplebank:latest');
  // Two pods on two nodes: two pulls.
  await expect(page.locator('[data-testid^="rf__edge-pulls:registry:docker.io->node/"]')).toHaveCount(2);
  await page.getByTestId('show-images').uncheck();
  await expect(app.canvas.box('Registry')).toHaveCount(0);
});
