import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze as analyzeNow } from '../core/analyze';
import { WorkerStopped } from '../workers/workerClient';
import { startPipeline, type PipelineSteps } from './pipeline';
import { createAppStore } from './store';

const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`;

const store = createAppStore();

const names = () =>
  store
    .getState()
    .topology.objects.filter((o) => o.kind === 'Service')
    .map((o) => o.name);

describe('the analysis pipeline', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('keeps the last good graph while the text has a syntax error, and updates when it is fixed', async () => {
    store.setState({ files: [{ name: 'svc.yaml', text: service('first') }], activeFile: 'svc.yaml' });
    stop = startPipeline(store);
    await vi.waitFor(() => expect(names()).toEqual(['first']));
    await vi.waitFor(() => expect(store.getState().positioned?.nodes.some((n) => n.title === 'first')).toBe(true), {
      timeout: 10_000,
    });

    store.getState().setFileText('svc.yaml', service('second') + 'broken: [\n');
    await vi.waitFor(() => expect(store.getState().stale).toBe(true));
    expect(store.getState().diagnostics.map((d) => d.code)).toContain('YAML-SYNTAX');
    expect(names()).toEqual(['first']);
    // The text itself is kept exactly as typed.
    expect(store.getState().files[0]!.text).toContain('broken: [');

    store.getState().setFileText('svc.yaml', service('second'));
    await vi.waitFor(() => expect(names()).toEqual(['second']));
    expect(store.getState().stale).toBe(false);
    await vi.waitFor(() => expect(store.getState().positioned?.nodes.some((n) => n.title === 'second')).toBe(true), {
      timeout: 10_000,
    });
  });

  it('checks against the chosen Kubernetes version, and again when it changes', async () => {
    const flow =
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: x}\nspec:\n  priorityLevelConfiguration: {name: global-default}\n';
    const codes = () => store.getState().diagnostics.map((d) => d.code);
    store.setState({ files: [{ name: 'flow.yaml', text: flow }], activeFile: 'flow.yaml', kubeVersion: '1.30' });
    stop = startPipeline(store);
    await vi.waitFor(() => expect(store.getState().topology.objects.some((o) => o.kind === 'FlowSchema')).toBe(true));
    expect(codes()).not.toContain('K8S-API-REMOVED');
    store.getState().setKubeVersion('1.36');
    await vi.waitFor(() => expect(codes()).toContain('K8S-API-REMOVED'));
    expect(store.getState().topology.objects.find((o) => o.kind === 'FlowSchema')?.rejected?.code).toBe(
      'K8S-API-REMOVED',
    );
  });
});

describe('stale results never win', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  /** A layout step that answers only when the test says so, in any order. */
  function slowLayout() {
    const calls: { titles: string[]; resolve: () => void }[] = [];
    const layout: PipelineSteps['layout'] = (graph) =>
      new Promise((resolve) => {
        const positioned = {
          nodes: graph.nodes.map((n) => ({ ...n, x: 0, y: 0 })),
          edges: graph.edges,
          width: 100,
          height: 100,
        };
        calls.push({ titles: graph.nodes.map((n) => n.title), resolve: () => resolve(positioned) });
      });
    return { calls, layout };
  }
  const analyze: PipelineSteps['analyze'] = async ({ files, options }) => {
    const { topology, diagnostics } = analyzeNow(files, options);
    return { topology, diagnostics };
  };
  const titles = (s: ReturnType<typeof createAppStore>) => s.getState().positioned?.nodes.map((n) => n.title) ?? [];

  it('an older layout that lands after a same-shape redraw of newer text is dropped', async () => {
    const own = createAppStore();
    const { calls, layout } = slowLayout();
    own.setState({ files: [{ name: 'svc.yaml', text: service('first') }], activeFile: 'svc.yaml' });
    stop = startPipeline(own, { steps: { analyze, layout } });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    calls[0]!.resolve();
    await vi.waitFor(() => expect(titles(own)).toContain('first'));

    // An edit with another shape: its layout is slow.
    own.getState().setFileText('svc.yaml', service('first') + '---\n' + service('extra'));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    // The edit is undone: the same shape as the last layout, redrawn at once without a layout.
    own.getState().setFileText('svc.yaml', service('first'));
    await vi.waitFor(() => expect(own.getState().topology.objects.some((o) => o.name === 'extra')).toBe(false));
    // Now the slow layout of the text the editor no longer holds lands.
    calls[1]!.resolve();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(titles(own)).toContain('first');
    expect(titles(own)).not.toContain('extra');
  });

  it('a same-shape redraw keeps the routes the layout drew around the boxes', async () => {
    const own = createAppStore();
    const route = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    const layout: PipelineSteps['layout'] = async (graph) => ({
      nodes: graph.nodes.map((n) => ({ ...n, x: 0, y: 0 })),
      edges: graph.edges.map((e) => ({ ...e, points: route })),
      width: 100,
      height: 100,
    });
    const text = ['deployment.yaml', 'service.yaml'].map((name) => ({
      name,
      text: readFileSync(new URL(`../samples/go-backend-k8s/${name}`, import.meta.url), 'utf8'),
    }));
    own.setState({ files: text, activeFile: 'service.yaml' });
    stop = startPipeline(own, { steps: { analyze, layout } });
    await vi.waitFor(() => expect(own.getState().positioned?.edges.length).toBeGreaterThan(0));
    // An edit that changes no box (a comment): redrawn without a layout, arrows still routed.
    own.getState().setFileText('service.yaml', text[1]!.text + '# a comment\n');
    await vi.waitFor(() => expect(own.getState().files[1]!.text).toContain('# a comment'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(own.getState().positioned!.edges.every((e) => e.points === route)).toBe(true);
  });

  it('an analysis that ran out of its budget names the file, and a later edit is analysed again', async () => {
    const own = createAppStore();
    const { calls, layout } = slowLayout();
    let budgetSpent = true;
    const stopped: PipelineSteps['analyze'] = async (request) => {
      if (budgetSpent) throw new WorkerStopped('budget', 10_000);
      return analyze(request);
    };
    own.setState({ files: [{ name: 'big.yaml', text: service('slow') }], activeFile: 'big.yaml' });
    stop = startPipeline(own, { steps: { analyze: stopped, layout } });
    await vi.waitFor(() => expect(own.getState().analysisError).toBeDefined());
    expect(own.getState().analysisError).toContain('big.yaml');
    expect(own.getState().analysisError).toContain('did not finish within 10 s');
    budgetSpent = false;
    own.getState().setFileText('big.yaml', service('fixed'));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(own.getState().analysisError).toBeUndefined();
    expect(own.getState().files[0]!.text).toContain('fixed');
  });
});

describe('an edit that changes no structure does not run the layout again', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  const sample = ['deployment.yaml', 'service.yaml', 'ingress.yaml'].map((name) => ({
    name,
    text: readFileSync(new URL(`../samples/go-backend-k8s/${name}`, import.meta.url), 'utf8'),
  }));
  const analyze: PipelineSteps['analyze'] = async ({ files, options }) => {
    const { topology, diagnostics } = analyzeNow(files, options);
    return { topology, diagnostics };
  };

  // [what the edit is, the deployment's text after it, whether it may lay the picture out again]
  const deployment = sample[0]!.text;
  const edits: [string, string, boolean][] = [
    ['a comment at the end', `${deployment}\n# reviewed\n`, false],
    [
      'a comment after a value',
      deployment.replace('imagePullPolicy: Always', 'imagePullPolicy: Always # each start'),
      false,
    ],
    ['an env value', deployment.replace('sslmode=disable', 'sslmode=require&connect_timeout=5'), false],
    ['a blank line', deployment.replace('spec:\n', 'spec:\n\n'), false],
    ['one more replica', deployment.replace('replicas: 2', 'replicas: 3'), true],
  ];

  it.each(edits)('%s', async (_what, edited, relayout) => {
    const own = createAppStore();
    let layouts = 0;
    const layout: PipelineSteps['layout'] = async (graph) => {
      layouts++;
      return { nodes: graph.nodes.map((n) => ({ ...n, x: 0, y: 0 })), edges: graph.edges, width: 100, height: 100 };
    };
    own.setState({ files: sample.map((f) => ({ ...f })), activeFile: 'deployment.yaml' });
    stop = startPipeline(own, { steps: { analyze, layout } });
    await vi.waitFor(() => expect(own.getState().positioned).not.toBeNull());
    const before = own.getState().topology;
    expect(layouts).toBe(1);

    own.getState().setFileText('deployment.yaml', edited);
    // The edit is analysed (a new topology), then drawn.
    await vi.waitFor(() => expect(own.getState().topology).not.toBe(before));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(layouts).toBe(relayout ? 2 : 1);
  });
});
