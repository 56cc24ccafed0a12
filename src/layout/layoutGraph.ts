import type { PositionedGraph } from './elkLayout';
import type { ViewGraph } from './viewGraph';
import { workerClient, type WorkerFunction } from '../workers/workerClient';

// ELK and the layout code are imported only where no worker runs, so the page never fetches
// them at start: ELK ships once, in the worker, unless the worker fails.
let mainThreadLayout: Promise<(graph: ViewGraph) => Promise<PositionedGraph>> | undefined;

async function layoutOnMainThread(graph: ViewGraph): Promise<PositionedGraph> {
  mainThreadLayout ??= Promise.all([import('elkjs/lib/elk.bundled.js'), import('./elkLayout')]).then(
    ([elk, { layoutWithElk }]) => {
      const instance = new elk.default();
      return (g: ViewGraph) => layoutWithElk(instance, g);
    },
  );
  return (await mainThreadLayout)(graph);
}

/**
 * Lays out a view graph: in a Web Worker when one can run, else on the main thread. A layout
 * still running after 15 s is stopped, and a newer one replaces a layout busy for over a second.
 */
export const layoutGraph: WorkerFunction<ViewGraph, PositionedGraph> = workerClient(
  () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
  layoutOnMainThread,
  { budgetMs: 15_000, supersedeAfterMs: 1000, latestOnly: true },
);
