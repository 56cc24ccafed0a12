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
};

/**
 * A function that runs `request`s in the worker `createWorker` makes, or in `fallback`. With a
 * budget, no request can hang: the worker is terminated and restarted, and the caller told why.
 */
export function workerClient<Request, Result>(
  createWorker: () => Worker,
  fallback: (request: Request) => Promise<Result>,
  budget: WorkerBudget = {},
): (request: Request) => Promise<Result> {
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
  };

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<Reply<Result>>) => {
        const waiter = settle(event.data.id);
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
    target.postMessage({ id, request: waiter.request } satisfies Message<Request>);
  };

  // Ends a busy worker: the requests in `ids` are told why; the others it held go to a fresh
  // worker. The client is not broken: its next request runs again.
  const stop = (ids: readonly number[], reason: WorkerStopped['reason'], ms: number) => {
    worker?.terminate();
    worker = undefined;
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
  };

  return async (request: Request) => {
    if (budget.supersedeAfterMs !== undefined && pending.size > 0) {
      const now = Date.now();
      const old = [...pending].filter(([, w]) => now - w.started >= budget.supersedeAfterMs!).map(([id]) => id);
      if (old.length > 0) stop(old, 'superseded', budget.supersedeAfterMs);
    }
    const target = start();
    if (!target) return fallback(request);
    try {
      return await new Promise<Result>((resolve, reject) => {
        post(nextId++, { request, resolve, reject, started: Date.now() }, target);
      });
    } catch (error) {
      // The work itself failed in the worker (or ran out of time): it fails the same way here.
      if (!broken || error instanceof WorkerStopped) throw error;
      return fallback(request);
    }
  };
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
