import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPipeline } from './pipeline';
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
