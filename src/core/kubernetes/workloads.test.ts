import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { PodObj, ServiceObj, WorkloadObj } from '../model/topology';

const run = (text: string, nodes = 3) => analyze([{ name: 'w.yaml', text }], { nodes });
const podsOf = (text: string) => run(text).topology.objects.filter((o): o is PodObj => o.role === 'pod');
const container = '{containers: [{name: c, image: busybox, ports: [{containerPort: 80, name: http}]}]}';

describe('workload kinds', () => {
  it('reads a CronJob template under spec.jobTemplate.spec.template and names its pod name-<8 digits>-xxxxx', () => {
    const [pod] = podsOf(`apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {job: backup}}
        spec: ${container}
`);
    expect(pod!.name).toMatch(/^backup-\d{8}-[a-z2-9]{5}$/);
    expect(pod!.template.labels).toEqual({ job: 'backup' });
    expect(pod!.owner).toBe('CronJob/default/backup');
  });

  it('runs min(parallelism, completions) pods of a Job', () => {
    const pods = podsOf(`apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  parallelism: "3"
  completions: 2
  template: {spec: ${container}}
`);
    expect(pods.map((p) => p.name)).toEqual([
      expect.stringMatching(/^migrate-[a-z2-9]{5}$/),
      expect.stringMatching(/^migrate-/),
    ]);
  });

  it('reads replicas written as a string, and defaults them to 1', () => {
    const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  ${replicas}
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: ${container}}
`;
    expect(podsOf(deployment('replicas: "4"'))).toHaveLength(4);
    expect(podsOf(deployment(''))).toHaveLength(1);
    expect(podsOf(deployment('replicas: 0'))).toHaveLength(0);
  });

  it('places a bare Pod on a node as it is, without an owner', () => {
    const topology = run(`apiVersion: v1
kind: Pod
metadata: {name: debug, labels: {app: debug}}
spec: ${container}
`).topology;
    const pods = topology.objects.filter((o): o is PodObj => o.role === 'pod');
    expect(pods).toHaveLength(1);
    expect(pods[0]).toMatchObject({ id: 'Pod/default/debug', parent: 'node/node-1', labels: { app: 'debug' } });
    expect(pods[0]!.owner).toBeUndefined();
    expect(topology.edges.filter((e) => e.kind === 'owns')).toEqual([]);
  });

  it('applies a HorizontalPodAutoscaler to its target', () => {
    const topology = run(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: ${container}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
`).topology;
    const deployment = topology.objects.find((o) => o.id === 'Deployment/default/web') as WorkloadObj;
    expect(deployment.autoscaler).toEqual({ name: 'web', minReplicas: 2, maxReplicas: 10 });
    expect(deployment.pods).toHaveLength(2);
  });

  it('draws other kinds as generic boxes, namespaced or not', () => {
    const topology = run(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio-gw}
`).topology;
    expect(topology.objects.slice(-3)).toEqual([
      expect.objectContaining({ id: 'ClusterRole/reader', role: 'generic' }),
      expect.objectContaining({ id: 'Widget/default/w', role: 'generic', namespace: 'default' }),
      expect.objectContaining({ id: 'Gateway/default/istio-gw', role: 'generic' }),
    ]);
    expect(topology.objects.find((o) => o.id === 'ClusterRole/reader')!.namespace).toBeUndefined();
  });

  it('synthesizes Internet, Cluster, ControlPlane and nodes', () => {
    const objects = run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', 2).topology.objects;
    expect(objects.slice(0, 5).map((o) => [o.id, o.role, o.parent])).toEqual([
      ['internet', 'internet', undefined],
      ['cluster', 'cluster', undefined],
      ['control-plane', 'controlPlane', 'cluster'],
      ['node/node-1', 'node', 'cluster'],
      ['node/node-2', 'node', 'cluster'],
    ]);
  });
});

describe('Services, Endpoints and references', () => {
  it('gives a selector-less Service the pods its Endpoints name', () => {
    const topology = run(`apiVersion: v1
kind: Pod
metadata: {name: db-pod, labels: {x: y}}
spec: ${container}
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{port: 5432}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: db-abc, labels: {kubernetes.io/service-name: db}}
addressType: IPv4
endpoints:
  - addresses: [10.1.2.3]
    targetRef: {kind: Pod, name: db-pod}
  - addresses: [192.168.0.9]
ports: [{port: 5432}]
`).topology;
    const service = topology.objects.find((o) => o.id === 'Service/default/db') as ServiceObj;
    expect(service.endpoints).toEqual(['Pod/default/db-pod']);
    expect(topology.edges).toContainEqual({
      from: service.id,
      to: 'Pod/default/db-pod',
      kind: 'selects',
      label: '5432 → 5432',
    });
  });

  it('links uses edges to ConfigMaps, Secrets, PVCs and ServiceAccounts, keeping only Secret keys', () => {
    const analysis = run(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  selector: {matchLabels: {app: app}}
  template:
    metadata: {labels: {app: app}}
    spec:
      serviceAccountName: app
      volumes:
        - {name: data, persistentVolumeClaim: {claimName: data}}
        - {name: cfg, configMap: {name: cfg}}
      containers:
        - name: c
          image: app
          env: [{name: PW, valueFrom: {secretKeyRef: {name: creds, key: pw}}}]
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {pw: hunter2}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: "1"}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: app}
`);
    const uses = analysis.topology.edges.filter((e) => e.kind === 'uses').map((e) => e.to);
    expect(uses.sort()).toEqual([
      'ConfigMap/default/cfg',
      'PersistentVolumeClaim/default/data',
      'Secret/default/creds',
      'ServiceAccount/default/app',
    ]);
    expect(analysis.diagnostics).toEqual([]);
    expect(JSON.stringify(analysis.topology)).not.toContain('hunter2');
    expect(analysis.topology.objects.find((o) => o.id === 'Secret/default/creds')).toMatchObject({ keys: ['pw'] });
  });
});
