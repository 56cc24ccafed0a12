import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze';
import { checkApiKind } from './apiKindCheck';
import { loadKubeSchemas } from './loadKubeSchemas';
import { findRemovedApi, REMOVED_APIS } from './removedApis';
import { KUBE_VERSIONS } from './versions';

const schemas = await loadKubeSchemas('1.36');
const check = (text: string) => analyze([{ name: 'a.yaml', text }], { kubeSchemas: schemas }).diagnostics;

const DEPLOYMENT = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n${spec}`;
const CONTAINER = '      containers:\n        - name: web\n          image: nginx\n';

describe('schema validation (Kubernetes 1.36)', () => {
  it.each([
    { name: 'a valid Deployment', text: DEPLOYMENT(CONTAINER), code: undefined },
    {
      name: 'unknown field (typo)',
      text: DEPLOYMENT(CONTAINER + '          imagePullPolcy: Always\n'),
      code: 'K8S-SCHEMA-UNKNOWN-FIELD',
      severity: 'warning',
      line: 12,
      message: /spec\.template\.spec\.containers\[0\]\.imagePullPolcy.*Did you mean "imagePullPolicy"\?/,
    },
    {
      name: 'integer given as text',
      text: DEPLOYMENT(CONTAINER).replace('spec:\n  selector', 'spec:\n  replicas: "3"\n  selector'),
      code: 'K8S-SCHEMA-TYPE',
      severity: 'error',
      line: 5,
      message: /spec\.replicas must be an integer, not a string \("3"\)/,
    },
    {
      name: 'list given a mapping',
      text: DEPLOYMENT('      containers: {name: web, image: nginx}\n'),
      code: 'K8S-SCHEMA-TYPE',
      severity: 'error',
      message: /containers must be a list, not a mapping/,
    },
    {
      name: 'missing required field',
      text: DEPLOYMENT(CONTAINER + '          ports: [{name: http}]\n'),
      code: 'K8S-SCHEMA-REQUIRED',
      severity: 'error',
      message: /ports\[0\]\.containerPort is required/,
    },
    {
      name: 'quantities may be numbers',
      text: DEPLOYMENT(CONTAINER + '          resources: {limits: {cpu: 1, memory: 512Mi}}\n'),
      code: undefined,
    },
    {
      name: 'int-or-string accepts a name',
      text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: http}]\n',
      code: undefined,
    },
    {
      name: 'a label value must be text',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {replicas: 3}}\n',
      code: 'K8S-SCHEMA-TYPE',
      severity: 'error',
      message: /metadata\.annotations\.replicas must be a string, not the number 3/,
    },
  ])('$name', ({ text, code, severity, line, message }) => {
    const found = check(text).filter((d) => /SCHEMA/.test(d.code));
    if (!code) return expect(found).toEqual([]);
    const first = found.find((d) => d.code === code);
    expect(first).toBeDefined();
    expect(first!.severity).toBe(severity);
    if (line) expect(first!.line).toBe(line);
    if (message) expect(first!.message).toMatch(message);
  });
});

describe('apiVersion and kind', () => {
  it.each([
    { apiVersion: 'apps/v1', kind: 'Deployment', status: 'served' },
    {
      apiVersion: 'v1',
      kind: 'Deployment',
      status: 'unknown-kind',
      suggestion: { apiVersion: 'apps/v1', kind: 'Deployment' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployments',
      status: 'unknown-kind',
      suggestion: { apiVersion: 'apps/v1', kind: 'Deployment' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'deployment',
      status: 'unknown-kind',
      suggestion: { apiVersion: 'apps/v1', kind: 'Deployment' },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingres',
      status: 'unknown-kind',
      suggestion: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
    },
    {
      apiVersion: 'apps/v2',
      kind: 'Deployment',
      status: 'unknown-version',
      suggestion: { apiVersion: 'apps/v1', kind: 'Deployment' },
    },
    { apiVersion: 'batch/v1beta1', kind: 'CronJob', status: 'removed' },
    { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', status: 'custom' },
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', status: 'custom' },
  ])('$apiVersion $kind → $status', ({ apiVersion, kind, status, suggestion }) => {
    const verdict = checkApiKind(apiVersion, kind, '1.36', schemas);
    expect(verdict.status).toBe(status);
    if (suggestion) expect(verdict).toMatchObject({ suggestion });
  });

  it('rejects the object: drawn with its error, no pods', () => {
    const analysis = analyze(
      [{ name: 'a.yaml', text: DEPLOYMENT(CONTAINER).replace('apps/v1', 'extensions/v1beta1') }],
      { kubeSchemas: schemas },
    );
    const deployment = analysis.topology.objects.find((o) => o.kind === 'Deployment');
    expect(deployment?.rejected?.code).toBe('K8S-API-REMOVED');
    expect(analysis.topology.objects.some((o) => o.role === 'pod')).toBe(false);
  });

  it('notes a custom resource once per kind', () => {
    const cr = (name: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}}\n`;
    const found = check(`${cr('a')}---\n${cr('b')}`).filter((d) => d.code === 'K8S-CRD-UNVALIDATED');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
  });
});

// Checked against the Kubernetes "Deprecated API Migration Guide", releases 1.16 to 1.32.
describe('removed APIs', () => {
  it.each([
    ['extensions/v1beta1', 'Deployment', '1.16', 'apps/v1'],
    ['apps/v1beta1', 'Deployment', '1.16', 'apps/v1'],
    ['apps/v1beta2', 'StatefulSet', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'DaemonSet', '1.16', 'apps/v1'],
    ['extensions/v1beta1', 'NetworkPolicy', '1.16', 'networking.k8s.io/v1'],
    ['extensions/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'Ingress', '1.22', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'IngressClass', '1.22', 'networking.k8s.io/v1'],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.22', 'rbac.authorization.k8s.io/v1'],
    ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.22', 'apiextensions.k8s.io/v1'],
    [
      'admissionregistration.k8s.io/v1beta1',
      'ValidatingWebhookConfiguration',
      '1.22',
      'admissionregistration.k8s.io/v1',
    ],
    ['storage.k8s.io/v1beta1', 'StorageClass', '1.22', 'storage.k8s.io/v1'],
    ['scheduling.k8s.io/v1beta1', 'PriorityClass', '1.22', 'scheduling.k8s.io/v1'],
    ['batch/v1beta1', 'CronJob', '1.25', 'batch/v1'],
    ['policy/v1beta1', 'PodDisruptionBudget', '1.25', 'policy/v1'],
    ['policy/v1beta1', 'PodSecurityPolicy', '1.25', undefined],
    ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25', 'autoscaling/v2'],
    ['discovery.k8s.io/v1beta1', 'EndpointSlice', '1.25', 'discovery.k8s.io/v1'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26', 'autoscaling/v2'],
    ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.27', 'storage.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
  ])('%s %s: removed in %s → %s', (apiVersion, kind, removedIn, replacement) => {
    const minor = Number(removedIn.slice(2));
    const removal = findRemovedApi(apiVersion, kind, minor);
    expect(removal?.removedIn).toBe(removedIn);
    expect(removal?.replacement).toBe(replacement);
    expect(findRemovedApi(apiVersion, kind, minor - 1)).toBeUndefined();
  });

  it('names the release and the replacement', () => {
    const [error] = check('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\n');
    expect(error).toMatchObject({ code: 'K8S-API-REMOVED', severity: 'error', line: 1 });
    expect(error!.message).toMatch(/removed in Kubernetes 1\.25.*Use apiVersion: batch\/v1/);
  });

  it('no removed API is still served by a version offered', async () => {
    for (const version of KUBE_VERSIONS) {
      const data = await loadKubeSchemas(version);
      for (const entry of REMOVED_APIS.filter((e) => Number(e.removedIn.slice(2)) <= Number(version.slice(2)))) {
        for (const kind of entry.kinds)
          expect(data.kinds[entry.apiVersion]?.[kind], `${version} ${entry.apiVersion} ${kind}`).toBeUndefined();
      }
    }
  });
});

describe('duplicates', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n';
  it('twice in one file is an error', () => {
    expect(check(`${service}---\n${service}`).map((d) => d.code)).toContain('K8S-DUPLICATE-NAME');
  });
  it('across files the second apply updates the first: a warning', () => {
    const diagnostics = analyze([
      { name: 'a.yaml', text: service },
      { name: 'b.yaml', text: service },
    ]).diagnostics.filter((d) => /DUPLICATE/.test(d.code));
    expect(diagnostics).toMatchObject([{ code: 'K8S-DUPLICATE-ACROSS-FILES', severity: 'warning', file: 'b.yaml' }]);
    expect(diagnostics[0]!.message).toMatch(/the second apply updates the first/);
  });
});
