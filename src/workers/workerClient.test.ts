import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerClient, WorkerStopped } from './workerClient';

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

  describe('with a budget', () => {
    // Requests below 100 hang forever (an endless loop); the others answer at once.
    const hangsBelow100 = () => {
      const made: FakeWorker[] = [];
      const Fake = fakeWorker((w, { id, request }) => {
        if (request >= 100 && !w.terminated) w.onmessage?.({ data: { id, ok: true, result: `worker:${request}` } });
      });
      vi.stubGlobal(
        'Worker',
        class extends Fake {
          constructor() {
            super();
            made.push(this);
          }
        },
      );
      return made;
    };

    it('stops a request that runs past its budget, ends that worker, and answers the next in a fresh one', async () => {
      const made = hangsBelow100();
      const run = workerClient(
        () => new Worker(''),
        async (n: number) => `main:${n}`,
        { budgetMs: 50 },
      );
      const started = Date.now();
      const error = await run(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerStopped);
      expect((error as WorkerStopped).reason).toBe('budget');
      expect((error as Error).message).toContain('did not finish within');
      expect(Date.now() - started).toBeLessThan(1000);
      expect(made[0]!.terminated).toBe(true);
      expect(await run(100)).toBe('worker:100');
      expect(made).toHaveLength(2);
    });

    it('re-sends the requests queued behind a stopped one to the fresh worker', async () => {
      hangsBelow100();
      const run = workerClient(
        () => new Worker(''),
        async (n: number) => `main:${n}`,
        { budgetMs: 50 },
      );
      const [first, second] = await Promise.allSettled([run(1), run(101)]);
      expect(first.status).toBe('rejected');
      expect(second).toEqual({ status: 'fulfilled', value: 'worker:101' });
    });

    it('lets a newer request replace one that has run long enough', async () => {
      const made = hangsBelow100();
      const run = workerClient(
        () => new Worker(''),
        async (n: number) => `main:${n}`,
        {
          budgetMs: 10_000,
          supersedeAfterMs: 20,
        },
      );
      const old = run(1).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(await run(102)).toBe('worker:102');
      expect(((await old) as WorkerStopped).reason).toBe('superseded');
      expect(made[0]!.terminated).toBe(true);
    });
  });

  describe('latest only (a newer edit cancels older analysis and layout)', () => {
    /** A worker that answers only when the test says so; it records every request it was sent. */
    const heldWorker = () => {
      const state = { received: [] as number[], made: [] as FakeWorker[], answer: (_n: number) => {} };
      const Fake = fakeWorker((w, { id, request }) => {
        state.received.push(request);
        const answer = state.answer;
        state.answer = (n: number) => {
          if (n === request && !w.terminated) w.onmessage?.({ data: { id, ok: true, result: `worker:${request}` } });
          else answer(n);
        };
      });
      vi.stubGlobal(
        'Worker',
        class extends Fake {
          constructor() {
            super();
            state.made.push(this);
          }
        },
      );
      return state;
    };
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

    it('drops requests that never started, tells the caller of the running one at once, and runs only the newest next', async () => {
      const worker = heldWorker();
      const run = workerClient(
        () => new Worker(''),
        async (n: number) => `main:${n}`,
        { budgetMs: 10_000, supersedeAfterMs: 1000, latestOnly: true },
      );
      const first = run(1).catch((e: unknown) => e);
      await tick();
      const second = run(2).catch((e: unknown) => e);
      const third = run(3);
      // The caller of the running request and of the dropped one hear now, not when the worker is done.
      expect(((await first) as WorkerStopped).reason).toBe('superseded');
      expect(((await second) as WorkerStopped).reason).toBe('superseded');
      expect(worker.received).toEqual([1]);
      // The running request finishes (its answer is thrown away); only then the newest is sent.
      worker.answer(1);
      await tick();
      expect(worker.received).toEqual([1, 3]);
      worker.answer(3);
      expect(await third).toBe('worker:3');
      expect(worker.made).toHaveLength(1);
    });

    it('stops a running request that is older than supersedeAfterMs: the newest runs in a fresh worker', async () => {
      const worker = heldWorker();
      const run = workerClient(
        () => new Worker(''),
        async (n: number) => `main:${n}`,
        { budgetMs: 10_000, supersedeAfterMs: 20, latestOnly: true },
      );
      const old = run(1).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 40));
      const newest = run(2);
      expect(((await old) as WorkerStopped).reason).toBe('superseded');
      expect(worker.made[0]!.terminated).toBe(true);
      await tick();
      worker.answer(2);
      expect(await newest).toBe('worker:2');
      expect(worker.made).toHaveLength(2);
    });

    it('still stops a replaced request that hangs, and then runs the newest', async () => {
      const worker = heldWorker();
      const run = workerClient(
        () => new Worker(''),
        async (n: number) => `main:${n}`,
        { budgetMs: 50, supersedeAfterMs: 1000, latestOnly: true },
      );
      void run(1).catch(() => {});
      await tick();
      const newest = run(2);
      // Request 1 never answers: its budget ends that worker, and 2 goes to a fresh one.
      await vi.waitFor(() => expect(worker.received).toEqual([1, 2]));
      worker.answer(2);
      expect(await newest).toBe('worker:2');
      expect(worker.made[0]!.terminated).toBe(true);
    });
  });
});
