/**
 * Heavy work behind one async function (style.md): run it in a Web Worker when one can start,
 * on the main thread otherwise (Node, tests, a browser that refuses the worker).
 */

type Message<Request> = { id: number; request: Request };
type Reply<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; error: string };

/** A function that runs `request`s in the worker `createWorker` makes, or in `fallback`. */
export function workerClient<Request, Result>(
  createWorker: () => Worker,
  fallback: (request: Request) => Promise<Result>,
): (request: Request) => Promise<Result> {
  let worker: Worker | undefined;
  let broken = typeof Worker === 'undefined';
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();

  const fail = (reason: string) => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const [id, waiter] of pending) {
      pending.delete(id);
      waiter.reject(new Error(reason));
    }
  };

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<Reply<Result>>) => {
        const waiter = pending.get(event.data.id);
        pending.delete(event.data.id);
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

  return async (request: Request) => {
    const target = start();
    if (!target) return fallback(request);
    const id = nextId++;
    try {
      return await new Promise<Result>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, request } satisfies Message<Request>);
      });
    } catch (error) {
      // The work itself failed in the worker: it fails the same way here, with its message.
      if (!broken) throw error;
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
