import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { buildViewGraph, type ViewGraph, type ViewOptions } from './viewGraph';

function deployment(name: string, replicas: number, env: Record<string, string> = {}, extra = ''): string {
  const envLines = Object.entries(env)
    .map(([k, v]) => `            - name: ${k}\n              value: "${v}"`)
    .join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:${extra}
      containers:
        - name: ${name}
          image: example/${name}:1
          ports:
            - containerPort: 8080
${envLines ? `          env:\n${envLines}\n` : ''}`;
}

function service(name: string, app: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function view(yaml: string, options: Partial<ViewOptions> = {}, nodes = 3): ViewGraph {
  const analysis = analyze([{ name: 'app.yaml', text: yaml }], { nodes });
  return buildViewGraph(analysis.topology, analysis.diagnostics, options);
}

const byId = (graph: ViewGraph, id: string) => graph.nodes.find((n) => n.id === id);
const idsOf = (graph: ViewGraph, predicate: (n: ViewGraph['nodes'][number]) => boolean) =>
  graph.nodes.filter(predicate).map((n) => n.id);

const WEB_AND_DB = [
  deployment('web', 2, { DB_HOST: 'db:5432' }),
  service('web', 'web'),
  deployment('db', 1),
  service('db', 'db'),
].join('---\n');

describe('buildViewGraph: infrastructure and application views', () => {
  it('infrastructure: pods sit on worker nodes, workloads are not drawn, the control plane is', () => {
    const graph = view(WEB_AND_DB);
    const pods = graph.nodes.filter((n) => n.role === 'pod');
    expect(pods).toHaveLength(3);
    for (const pod of pods) expect(pod.parent).toMatch(/^node\//);
    expect(graph.nodes.some((n) => n.role === 'workload')).toBe(false);
    expect(graph.nodes.some((n) => n.role === 'controlPlane')).toBe(true);
    expect(graph.nodes.filter((n) => n.role === 'node')).toHaveLength(3);
  });

  it('application: namespace → workload group → pods; Services in the namespace; no nodes, no control plane', () => {
    const graph = view(WEB_AND_DB, { mode: 'application' });
    const namespace = byId(graph, 'ns:default');
    expect(namespace).toMatchObject({ group: true, kind: 'Namespace', title: 'default' });
    expect(namespace?.parent).toBeUndefined();
    const web = byId(graph, 'Deployment/default/web');
    expect(web).toMatchObject({ group: true, parent: 'ns:default', subtitle: 'Deployment · 2 replicas' });
    const webPods = graph.nodes.filter((n) => n.role === 'pod' && n.parent === 'Deployment/default/web');
    expect(webPods).toHaveLength(2);
    expect(byId(graph, 'Service/default/web')?.parent).toBe('ns:default');
    expect(graph.nodes.some((n) => n.role === 'node' || n.role === 'controlPlane' || n.role === 'cluster')).toBe(false);
    expect(byId(graph, 'internet')?.parent).toBeUndefined();
    // Ownership is containment here, not an arrow.
    expect(graph.edges.some((e) => e.kind === 'owns')).toBe(false);
  });

  it('application: the subtitle names the HPA; a bare Pod sits in its namespace', () => {
    const yaml = [
      deployment('web', 2),
      `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
`,
      `apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: tools
spec:
  containers:
    - name: sh
      image: busybox
`,
    ].join('---\n');
    const graph = view(yaml, { mode: 'application' });
    expect(byId(graph, 'Deployment/default/web')?.subtitle).toBe('Deployment · 2 replicas · HPA 2–10');
    expect(byId(graph, 'Pod/tools/debug')?.parent).toBe('ns:tools');
    expect(byId(graph, 'ns:tools')?.group).toBe(true);
  });

  it('every parent comes before its children', () => {
    for (const mode of ['infrastructure', 'application'] as const) {
      const graph = view(WEB_AND_DB, { mode });
      const seen = new Set<string>();
      for (const node of graph.nodes) {
        if (node.parent) expect(seen.has(node.parent), `${node.id} after ${node.parent}`).toBe(true);
        seen.add(node.id);
      }
    }
  });
});

describe('buildViewGraph: inferred talks-to', () => {
  it('infrastructure: goes from each pod of the workload to the Service, dashed, labelled with the env var', () => {
    const graph = view(WEB_AND_DB);
    const talks = graph.edges.filter((e) => e.kind === 'talks-to');
    const webPods = idsOf(graph, (n) => n.role === 'pod' && n.title.startsWith('web-'));
    expect(talks.map((e) => e.source).sort()).toEqual([...webPods].sort());
    for (const edge of talks)
      expect(edge).toMatchObject({ target: 'Service/default/db', dashed: true, label: 'DB_HOST' });
  });

  it('application: goes from the workload group to the Service', () => {
    const graph = view(WEB_AND_DB, { mode: 'application' });
    const talks = graph.edges.filter((e) => e.kind === 'talks-to');
    expect(talks).toEqual([
      expect.objectContaining({ source: 'Deployment/default/web', target: 'Service/default/db', label: 'DB_HOST' }),
    ]);
  });
});

describe('buildViewGraph: stacks', () => {
  const TWELVE = [
    deployment('api', 12, {}, ''),
    service('api', 'api'),
    deployment('client', 1, { API: 'http://api:80' }),
  ].join('---\n');

  it('infrastructure: 4+ pods of one owner on one node collapse into a stack', () => {
    const graph = view(TWELVE);
    const stacks = graph.nodes.filter((n) => n.stack);
    expect(stacks.map((s) => s.id).sort()).toEqual([
      'stack:node/node-1:Deployment/default/api',
      'stack:node/node-2:Deployment/default/api',
      'stack:node/node-3:Deployment/default/api',
    ]);
    for (const stack of stacks) {
      expect(stack).toMatchObject({ role: 'pod', kind: 'Pod', title: 'api ×4', lines: ['api :8080'] });
      expect(stack.stack?.pods).toHaveLength(4);
      expect(stack.parent).toBe(stack.id.split(':').slice(1, 2).join(':'));
    }
    expect(graph.nodes.filter((n) => n.role === 'pod' && !n.stack && n.title.startsWith('api-'))).toHaveLength(0);
    // The Service selects each stack once; the client's talks-to reaches the Service once.
    const selects = graph.edges.filter((e) => e.kind === 'selects');
    expect(selects.map((e) => e.target).sort()).toEqual(stacks.map((s) => s.id).sort());
    expect(graph.edges.filter((e) => e.kind === 'talks-to')).toHaveLength(1);
  });

  it('three pods per node stay pods', () => {
    const graph = view(deployment('api', 9));
    expect(graph.nodes.some((n) => n.stack)).toBe(false);
    expect(graph.nodes.filter((n) => n.role === 'pod')).toHaveLength(9);
  });

  it('an expanded stack draws its pods again; the first can fold them back', () => {
    const id = 'stack:node/node-1:Deployment/default/api';
    const graph = view(TWELVE, { expandedStacks: [id] });
    expect(byId(graph, id)).toBeUndefined();
    const onNode1 = graph.nodes.filter((n) => n.parent === 'node/node-1' && n.title.startsWith('api-'));
    expect(onNode1).toHaveLength(4);
    expect(onNode1.map((pod) => pod.collapsibleStack)).toEqual([id, undefined, undefined, undefined]);
    expect(graph.nodes.filter((n) => n.stack)).toHaveLength(2);
    expect(graph.edges.filter((e) => e.kind === 'selects')).toHaveLength(2 + 4);
  });

  it('application: more than 6 pods in a workload collapse into stack:<workloadId>', () => {
    const graph = view(TWELVE, { mode: 'application' });
    const stack = byId(graph, 'stack:Deployment/default/api');
    expect(stack).toMatchObject({ parent: 'Deployment/default/api', title: 'api ×12' });
    const opened = view(TWELVE, { mode: 'application', expandedStacks: ['stack:Deployment/default/api'] });
    expect(opened.nodes.filter((n) => n.parent === 'Deployment/default/api')).toHaveLength(12);
    expect(byId(opened, 'Deployment/default/api')?.collapsibleStack).toBe('stack:Deployment/default/api');
  });
});

describe('buildViewGraph: control plane', () => {
  it('collapsed by default: one box, a one-line subtitle', () => {
    const plane = view(WEB_AND_DB).nodes.find((n) => n.role === 'controlPlane');
    expect(plane?.lines).toEqual([]);
    expect(plane?.subtitle).toBe('API server · scheduler · controller manager · etcd');
  });

  it('expanded: a line per component saying what it does', () => {
    const plane = view(WEB_AND_DB, { controlPlane: 'expanded' }).nodes.find((n) => n.role === 'controlPlane');
    expect(plane?.lines).toEqual([
      'API server — front door of the cluster: every kubectl apply lands here',
      'scheduler — picks a node for each new pod',
      'controller manager — keeps replicas and endpoints as declared',
      "etcd — stores the cluster's state",
    ]);
  });

  it('hidden: not drawn', () => {
    expect(view(WEB_AND_DB, { controlPlane: 'hidden' }).nodes.some((n) => n.role === 'controlPlane')).toBe(false);
  });
});

describe('buildViewGraph: config and storage layer', () => {
  const WITH_CONFIG = [
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LEVEL: debug
`,
    deployment(
      'web',
      2,
      {},
      `
      volumes:
        - name: settings
          configMap:
            name: settings`,
    ),
  ].join('---\n');

  it('is off by default', () => {
    const graph = view(WITH_CONFIG);
    expect(graph.nodes.some((n) => n.role === 'config')).toBe(false);
    expect(graph.edges.some((e) => e.kind === 'uses')).toBe(false);
  });

  it('infrastructure: ConfigMaps in the config group, used by each pod', () => {
    const graph = view(WITH_CONFIG, { showConfig: true });
    expect(byId(graph, 'ConfigMap/default/settings')?.parent).toBe('group:config');
    const uses = graph.edges.filter((e) => e.kind === 'uses');
    expect(uses).toHaveLength(2);
    for (const edge of uses) {
      expect(edge.target).toBe('ConfigMap/default/settings');
      expect(byId(graph, edge.source)?.role).toBe('pod');
      expect(edge.dashed).toBe(true);
    }
  });

  it('application: ConfigMaps in a config group beside their namespace, used by the workload', () => {
    const graph = view(WITH_CONFIG, { showConfig: true, mode: 'application' });
    expect(byId(graph, 'ConfigMap/default/settings')?.parent).toBe('group:config:ns:default');
    expect(byId(graph, 'group:config:ns:default')).toMatchObject({ subtitle: 'namespace default', group: true });
    expect(byId(graph, 'group:config:ns:default')?.parent).toBeUndefined();
    expect(graph.edges.filter((e) => e.kind === 'uses').map((e) => e.source)).toEqual(['Deployment/default/web']);
  });
});

describe('buildViewGraph: problems on the boxes', () => {
  const yaml = deployment('api', 5, { DB_SOURCE: 'postgresql://u:p@postgres:5432/db' });

  it('shows a workload’s problems on each of its pods in the infrastructure view', () => {
    const pods = view(yaml, {}, 5).nodes.filter((n) => n.kind === 'Pod');
    expect(pods).toHaveLength(5);
    for (const pod of pods) expect(pod.problems).toMatchObject({ warning: 1 });
  });

  it('shows them once on a stack, and on the workload itself in the application view', () => {
    const stacked = view(yaml, {}, 1).nodes.filter((n) => n.kind === 'Pod');
    expect(stacked).toHaveLength(1);
    expect(stacked[0]!.stack?.pods).toHaveLength(5);
    expect(stacked[0]!.problems).toMatchObject({ warning: 1 });

    const app = view(yaml, { mode: 'application' });
    expect(app.nodes.find((n) => n.kind === 'Deployment')!.problems).toMatchObject({ warning: 1 });
    expect(app.nodes.filter((n) => n.kind === 'Pod').every((n) => n.problems.warning === 0)).toBe(true);
  });
});

describe('buildViewGraph: the images layer', () => {
  const yaml = [deployment('web', 2), deployment('db', 1)].join('---\n');

  it('draws nothing of it unless asked', () => {
    expect(view(yaml).nodes.some((n) => n.role === 'registry')).toBe(false);
  });

  it('draws each registry with its images, and an arrow to each node that pulls from it', () => {
    const graph = view(yaml, { showImages: true });
    const registry = byId(graph, 'registry:docker.io');
    expect(registry).toMatchObject({ parent: 'group:registries', title: 'docker.io' });
    expect(registry!.lines).toEqual(['example/db:1', 'example/web:1']);
    const pulls = graph.edges.filter((e) => e.kind === 'pulls').map((e) => e.target);
    const nodesWithPods = new Set(graph.nodes.filter((n) => n.kind === 'Pod').map((n) => n.parent));
    expect(new Set(pulls)).toEqual(nodesWithPods);
    expect(graph.edges.filter((e) => e.kind === 'pulls').every((e) => e.dashed)).toBe(true);
  });

  it('is not part of the application view', () => {
    expect(view(yaml, { showImages: true, mode: 'application' }).nodes.some((n) => n.role === 'registry')).toBe(false);
  });
});
