import type { ELK } from 'elkjs/lib/elk-api';
import { layoutWithElk, type PositionedGraph } from './elkLayout';
import type { ViewGraph } from './viewGraph';

export type LayoutRequest = { id: number; graph: ViewGraph };
export type LayoutResponse =
  { id: number; ok: true; result: PositionedGraph } | { id: number; ok: false; error: string };

type Pending = { resolve: (graph: PositionedGraph) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();
let mainThreadElk: Promise<ELK> | undefined;

function startWorker(): Worker | undefined {
  if (worker || workerBroken || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const waiter = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (!waiter) return;
      if (event.data.ok) waiter.resolve(event.data.result);
      else waiter.reject(new Error(event.data.error));
    };
    worker.onerror = () => {
      // A worker that cannot start (CSP, old browser): fall back to the main thread for good.
      workerBroken = true;
      worker?.terminate();
      worker = undefined;
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new Error('layout worker failed'));
      }
    };
  } catch {
    workerBroken = true;
    worker = undefined;
  }
  return worker;
}

async function layoutOnMainThread(graph: ViewGraph): Promise<PositionedGraph> {
  mainThreadElk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return layoutWithElk(await mainThreadElk, graph);
}

/** Lays out a view graph: in a Web Worker when one can run, else on the main thread. */
export async function layoutGraph(graph: ViewGraph): Promise<PositionedGraph> {
  const target = startWorker();
  if (!target) return layoutOnMainThread(graph);
  const id = nextId++;
  try {
    return await new Promise<PositionedGraph>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      target.postMessage({ id, graph } satisfies LayoutRequest);
    });
  } catch {
    return layoutOnMainThread(graph);
  }
}
