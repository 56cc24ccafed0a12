import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerClient } from './workerClient';

type Listener = ((event: { data: unknown }) => void) | null;

/** A stand-in Worker: `behave` decides what it does with each message. */
function fakeWorker(behave: (worker: FakeWorker, message: { id: number; request: number }) => void) {
  return class implements FakeWorker {
    onmessage: Listener = null;
    onerror: Listener = null;
    terminated = false;
    postMessage(message: { id: number; request: number }) {
      setTimeout(() => behave(this, message));
    }
    terminate() {
      this.terminated = true;
    }
  };
}
type FakeWorker = { onmessage: Listener; onerror: Listener; terminated: boolean };

describe('workerClient', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs requests in the worker and matches each answer to its request', async () => {
    vi.stubGlobal(
      'Worker',
      fakeWorker((w, { id, request }) => w.onmessage?.({ data: { id, ok: true, result: `worker:${request}` } })),
    );
    const run = workerClient(
      () => new Worker(''),
      async (n: number) => `main:${n}`,
    );
    expect(await Promise.all([run(1), run(2)])).toEqual(['worker:1', 'worker:2']);
  });

  it('passes on an error the work itself raised', async () => {
    vi.stubGlobal(
      'Worker',
      fakeWorker((w, { id }) => w.onmessage?.({ data: { id, ok: false, error: 'bad graph' } })),
    );
    const run = workerClient(
      () => new Worker(''),
      async (n: number) => `main:${n}`,
    );
    await expect(run(1)).rejects.toThrow('bad graph');
  });

  it('falls back to the main thread for good when the worker cannot run', async () => {
    let made = 0;
    vi.stubGlobal(
      'Worker',
      fakeWorker((w) => w.onerror?.({ data: null })),
    );
    const run = workerClient(
      () => {
        made++;
        return new Worker('');
      },
      async (n: number) => `main:${n}`,
    );
    expect(await run(1)).toBe('main:1');
    expect(await run(2)).toBe('main:2');
    expect(made).toBe(1);
  });

  it('uses the main thread where there is no Worker at all (Node)', async () => {
    vi.stubGlobal('Worker', undefined);
    const run = workerClient(
      () => new Worker(''),
      async (n: number) => `main:${n}`,
    );
    expect(await run(3)).toBe('main:3');
  });
});
