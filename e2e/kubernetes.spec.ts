import { KUBE_IDS } from '../src/testIds';
import { expect, test } from './fixtures';

/** The API server's view: a removed API is rejected at its line and drawn dashed; the version selector re-checks. */
const CRONJOB = `# a nightly backup, written for an old cluster
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: busybox
`;

const FLOW_SCHEMA = `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: catch-all
spec:
  priorityLevelConfiguration:
    name: global-default
`;

test.describe('Kubernetes as the API server sees it', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
    await expect(app.canvas.box('Service', 'golang-backend-api-service')).toBeVisible();
  });

  test('a batch/v1beta1 CronJob is an error at its apiVersion line and a dashed box', async ({ app }) => {
    await app.editor.openTab('deployment.yaml');
    await app.editor.replaceText(CRONJOB);
    const problem = app.editor.problem('K8S-API-REMOVED');
    await expect(problem).toBeVisible();
    await expect(problem).toContainText('CronJob batch/v1beta1 was removed in Kubernetes 1.25');
    await expect(problem).toContainText('deployment.yaml:2:');
    await problem.click();
    await expect.poll(() => app.editor.cursorLine()).toBe(2);

    const box = app.canvas.box('CronJob', 'backup');
    await expect(box).toHaveClass(/is-rejected/);
    await expect(box).toHaveCSS('border-top-style', 'dashed');
    await expect(box.getByTestId(KUBE_IDS.rejected)).toHaveText(
      'rejected: CronJob batch/v1beta1 was removed in Kubernetes 1.25',
    );
  });

  test('the version selector re-checks: FlowSchema v1beta3 is served by 1.30, removed in 1.32', async ({ app }) => {
    const select = app.page.getByTestId(KUBE_IDS.kubeVersion);
    await app.openViewMenu();
    await expect(select).toHaveValue('1.36');
    await app.editor.openTab('deployment.yaml');
    await app.editor.replaceText(FLOW_SCHEMA);
    await expect(app.editor.problem('K8S-API-REMOVED')).toContainText('removed in Kubernetes 1.32');
    await expect(app.canvas.box('FlowSchema', 'catch-all')).toHaveClass(/is-rejected/);

    await app.openViewMenu();
    await select.selectOption('1.30');
    await expect(app.editor.problem('K8S-API-REMOVED')).toHaveCount(0);
    await expect(app.canvas.box('FlowSchema', 'catch-all')).not.toHaveClass(/is-rejected/);

    // Schemas are checked too (each version's own chunk): an unknown field warns.
    await app.editor.replaceText(`${FLOW_SCHEMA}  bogus: 1\n`);
    await expect(app.editor.problem('K8S-SCHEMA-UNKNOWN-FIELD')).toContainText('spec.bogus');

    await app.openViewMenu();
    await select.selectOption('1.32');
    await expect(app.editor.problem('K8S-API-REMOVED')).toBeVisible();

    // The choice is kept with the workspace.
    await app.page.reload();
    await app.openViewMenu();
    await expect(app.page.getByTestId(KUBE_IDS.kubeVersion)).toHaveValue('1.32');
  });
});
