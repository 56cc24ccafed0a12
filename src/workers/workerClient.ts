/**
 * Heavy work behind one async function (style.md): run it in a Web Worker when one can start,
 * on the main thread otherwise (Node, tests, a browser that refuses the worker).
 */

type Message<Request> = { id: number; request: Request };
type Reply<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; error: string };

/** Why a request got no answer: it ran past its budget, or a newer request replaced it. */
export class WorkerStopped extends Error {
  constructor(
    readonly reason: 'budget' | 'superseded',
    readonly budgetMs: number,
  ) {
    super(
      reason === 'budget' ? `did not finish within ${Math.round(budgetMs / 1000)} s` : 'replaced by a newer request',
    );
    this.name = 'WorkerStopped';
  }
}

export type WorkerBudget = {
  /** a request still running after this long is stopped: the worker is ended and a new one started */
  budgetMs?: number;
  /**
   * Only the newest request matters (an analysis of the text as it is now): a new request stops
   * one that has already run this long, instead of queueing behind it.
   */
  supersedeAfterMs?: number;
  /**
   * Only the newest request is worth an answer: the worker holds one request at a time, a newer
   * request drops every older one that has not started (they never reach the worker) and tells
   * the caller of the one running that it was replaced (its late answer is thrown away).
   */
  latestOnly?: boolean;
};

/** A function that runs its requests in a worker; `warm()` starts the worker before the first request. */
export type WorkerFunction<Request, Result> = ((request: Request) => Promise<Result>) & { warm: () => void };

/**
 * A function that runs `request`s in the worker `createWorker` makes, or in `fallback`. With a
 * budget, no request can hang: the worker is terminated and restarted, and the caller told why.
 */
export function workerClient<Request, Result>(
  createWorker: () => Worker,
  fallback: (request: Request) => Promise<Result>,
  budget: WorkerBudget = {},
): WorkerFunction<Request, Result> {
  let worker: Worker | undefined;
  let broken = typeof Worker === 'undefined';
  let nextId = 1;
  type Waiter = {
    request: Request;
    resolve: (r: Result) => void;
    reject: (e: Error) => void;
    started: number;
    timer?: ReturnType<typeof setTimeout>;
  };
  const pending = new Map<number, Waiter>();
  // latestOnly: the request the worker is working on, and the one that waits for it to finish.
  let running: number | undefined;
  let queued: [number, Waiter] | undefined;
  const superseded = () => new WorkerStopped('superseded', budget.supersedeAfterMs ?? 0);

  // The caller hears now that its request was replaced; the worker's late answer goes nowhere.
  const abandon = (waiter: Waiter) => {
    waiter.reject(superseded());
    waiter.resolve = () => {};
    waiter.reject = () => {};
  };

  const settle = (id: number): Waiter | undefined => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (waiter?.timer !== undefined) clearTimeout(waiter.timer);
    return waiter;
  };

  const fail = (reason: string) => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const id of [...pending.keys()]) settle(id)!.reject(new Error(reason));
    running = undefined;
    if (queued) queued[1].reject(new Error(reason));
    queued = undefined;
  };

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<Reply<Result>>) => {
        const waiter = settle(event.data.id);
        if (event.data.id === running) {
          running = undefined;
          postQueued();
        }
        if (!waiter) return;
        if (event.data.ok) waiter.resolve(event.data.result);
        else waiter.reject(new Error(event.data.error));
      };
      // A worker that cannot start (CSP, an old browser): the main thread from now on.
      worker.onerror = () => fail('worker failed');
    } catch {
      broken = true;
      worker = undefined;
    }
    return worker;
  };

  const post = (id: number, waiter: Waiter, target: Worker) => {
    waiter.started = Date.now();
    if (budget.budgetMs !== undefined) {
      const ms = budget.budgetMs;
      waiter.timer = setTimeout(() => stop([id], 'budget', ms), ms);
    }
    pending.set(id, waiter);
    if (budget.latestOnly) running = id;
    target.postMessage({ id, request: waiter.request } satisfies Message<Request>);
  };

  const postQueued = () => {
    if (!queued) return;
    const [id, waiter] = queued;
    queued = undefined;
    const target = start();
    if (target) post(id, waiter, target);
    else waiter.reject(new Error('worker failed'));
  };

  // Ends a busy worker: the requests in `ids` are told why; the others it held go to a fresh
  // worker. The client is not broken: its next request runs again.
  const stop = (ids: readonly number[], reason: WorkerStopped['reason'], ms: number) => {
    worker?.terminate();
    worker = undefined;
    running = undefined;
    const others: [number, Waiter][] = [];
    for (const id of [...pending.keys()]) {
      const waiter = settle(id)!;
      if (ids.includes(id)) waiter.reject(new WorkerStopped(reason, ms));
      else others.push([id, waiter]);
    }
    const fresh = others.length > 0 ? start() : undefined;
    for (const [id, waiter] of others) {
      if (fresh) post(id, waiter, fresh);
      else waiter.reject(new Error('worker failed'));
    }
    postQueued();
  };

  const run = async (request: Request) => {
    if (budget.latestOnly && queued) {
      abandon(queued[1]);
      queued = undefined;
    }
    if (budget.supersedeAfterMs !== undefined && pending.size > 0) {
      const now = Date.now();
      const old = [...pending].filter(([, w]) => now - w.started >= budget.supersedeAfterMs!).map(([id]) => id);
      if (old.length > 0) stop(old, 'superseded', budget.supersedeAfterMs);
    }
    const target = start();
    if (!target) return fallback(request);
    try {
      return await new Promise<Result>((resolve, reject) => {
        const waiter: Waiter = { request, resolve, reject, started: Date.now() };
        const id = nextId++;
        if (budget.latestOnly && running !== undefined) {
          // The running request keeps its budget timer (so a hang is still stopped), but its
          // caller is told at once that a newer request replaced it.
          const busy = pending.get(running);
          if (busy) abandon(busy);
          queued = [id, waiter];
        } else post(id, waiter, target);
      });
    } catch (error) {
      // The work itself failed in the worker (or ran out of time): it fails the same way here.
      if (!broken || error instanceof WorkerStopped) throw error;
      return fallback(request);
    }
  };
  return Object.assign(run, {
    warm: () => {
      start();
    },
  });
}

/** The worker's side: answers each request with `handle`'s result or its error. */
export function serveRequests<Request, Result>(handle: (request: Request) => Result | Promise<Result>): void {
  self.onmessage = async (event: MessageEvent<Message<Request>>) => {
    const { id, request } = event.data;
    let reply: Reply<Result>;
    try {
      reply = { id, ok: true, result: await handle(request) };
    } catch (error) {
      reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(reply);
  };
}
