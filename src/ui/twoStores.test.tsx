import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLES } from '../samples';
import type { Clock } from '../state/environment';
import { startPipeline } from '../state/pipeline';
import { createAppStore, type AppStore } from '../state/store';
import { StoreProvider, useAppStore } from '../state/StoreProvider';
import { FileTabs } from './FileTabs';
import { loadTraceEngine } from '../state/traceEngine';

const nodePort = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, nodePort: 30080}]
`;

/** A clock that moves only when told: the pipeline's debounce waits for `flush()`. */
function manualClock(): Clock & { flush: () => void; pending: () => number } {
  let timers: { callback: () => void; handle: number }[] = [];
  let next = 1;
  return {
    now: () => 0,
    setTimeout: (callback) => {
      timers.push({ callback, handle: next });
      return next++;
    },
    clearTimeout: (handle) => void (timers = timers.filter((t) => t.handle !== handle)),
    flush: () => {
      const due = timers;
      timers = [];
      for (const t of due) t.callback();
    },
    pending: () => timers.length,
  };
}

const reducedMotion = (query: string) => ({ matches: query.includes('reduced-motion') });
const names = (store: AppStore) => store.getState().topology.objects.map((o) => o.name);

describe('two stores on one page', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('each has its own files, analysis, trace, reveal counter and clock', async () => {
    const k8s = SAMPLES.find((s) => s.id === 'go-backend-k8s')!;
    const a = createAppStore();
    const clock = manualClock();
    const b = createAppStore({ clock, matchMedia: reducedMotion });
    a.getState().replaceWorkspace(k8s.files);
    b.getState().replaceWorkspace([{ name: 'web.yaml', text: nodePort }]);
    stops.push(startPipeline(a), startPipeline(b));

    await vi.waitFor(() => expect(names(a)).toContain('golang-backend-api-service'));
    await vi.waitFor(() => expect(names(b)).toContain('web'));
    expect(names(b)).not.toContain('golang-backend-api-service');
    expect(names(a)).not.toContain('web');
    await vi.waitFor(() => expect(a.getState().positioned).not.toBeNull(), { timeout: 10_000 });
    // b's picture is built on b's clock too (after its analysis, in a task of its own).
    await vi.waitFor(
      () => {
        clock.flush();
        expect(b.getState().positioned).not.toBeNull();
      },
      { timeout: 10_000 },
    );

    // The trace core loads after the first graph in the page; here, before tracing.
    await loadTraceEngine();
    a.getState().setTraceUrl('https://api.hwangbogyumin.com/');
    a.getState().runTrace();
    b.getState().setTraceUrl('http://node-1:30080/');
    b.getState().runTrace();
    const traceA = a.getState().trace!;
    const traceB = b.getState().trace!;
    expect(traceA.ok).toBe(true);
    expect(traceB.ok).toBe(true);
    expect(traceA.hops.some((h) => h.kind === 'ingress')).toBe(true);
    expect(traceB.hops.some((h) => h.kind === 'ingress')).toBe(false);
    // Only b's environment asks for reduced motion: its trace starts paused.
    expect(a.getState().tracePlaying).toBe(true);
    expect(b.getState().tracePlaying).toBe(false);

    a.getState().stepTrace(1);
    expect(a.getState().traceStep).toBe(1);
    expect(b.getState().traceStep).toBe(0);
    a.getState().clearTrace();
    expect(b.getState().trace).toBe(traceB);

    a.getState().revealInEditor('deployment.yaml', 0);
    a.getState().revealInEditor('deployment.yaml', 5);
    b.getState().revealInEditor('web.yaml', 0);
    expect(a.getState().reveal?.nonce).toBe(2);
    expect(b.getState().reveal?.nonce).toBe(1);

    // An edit in b waits for b's clock; a, on the host's timers, is not touched.
    b.getState().setFileText('web.yaml', nodePort.replaceAll('web', 'shop'));
    expect(clock.pending()).toBe(1);
    expect(names(b)).toContain('web');
    clock.flush();
    await vi.waitFor(() => expect(names(b)).toContain('shop'));
    expect(names(a)).toContain('golang-backend-api-service');
    expect(a.getState().files.map((f) => f.name)).toEqual(['deployment.yaml', 'service.yaml', 'ingress.yaml']);
  });

  it('renders each tree from its own store', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().replaceWorkspace([{ name: 'alpha.yaml', text: '' }]);
    b.getState().replaceWorkspace([
      { name: 'beta.yaml', text: '' },
      { name: 'gamma.yaml', text: '' },
    ]);
    const html = renderToStaticMarkup(
      <>
        <div id="a">
          <StoreProvider store={a}>
            <FileTabs />
          </StoreProvider>
        </div>
        <div id="b">
          <StoreProvider store={b}>
            <FileTabs />
          </StoreProvider>
        </div>
      </>,
    );
    const [first, second] = html.split('<div id="b">');
    expect(first).toContain('data-file="alpha.yaml"');
    expect(first).not.toContain('beta.yaml');
    expect(second).toContain('data-file="beta.yaml"');
    expect(second).toContain('data-file="gamma.yaml"');
    expect(second).not.toContain('alpha.yaml');
  });

  it('tells a component outside a provider what is missing', () => {
    function Orphan() {
      return <span>{useAppStore((s) => s.files.length)}</span>;
    }
    expect(() => renderToStaticMarkup(<Orphan />)).toThrow(/no <StoreProvider/);
  });
});
