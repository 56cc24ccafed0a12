import type { PositionedGraph } from './finishLayout';
import type { ViewGraph } from './viewGraph';
import { workerClient, type WorkerFunction } from '../workers/workerClient';

/**
 * Lays out a view graph: in a Web Worker when one can run, else on the main thread. A layout
 * still running after 15 s is stopped, and a newer one replaces a layout busy for over a second.
 */
export const layoutGraph: WorkerFunction<ViewGraph, PositionedGraph> = workerClient(
  () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
  // The layout code loads on the main thread only where no worker runs: the page starts without it.
  async (graph) => (await import('./layered/layeredLayout')).layoutLayered(graph),
  { budgetMs: 15_000, supersedeAfterMs: 1000, latestOnly: true },
);
