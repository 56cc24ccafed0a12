import type { PositionedGraph } from './finishLayout';
import { layoutLayered } from './layered/layeredLayout';
import type { ViewGraph } from './viewGraph';
import { workerClient } from '../workers/workerClient';

/**
 * Lays out a view graph: in a Web Worker when one can run, else on the main thread. A layout
 * still running after 15 s is stopped, and a newer one replaces a layout busy for over a second.
 * The engine is synchronous and small, so the fallback needs no lazy chunk of its own.
 */
export const layoutGraph: (graph: ViewGraph) => Promise<PositionedGraph> = workerClient(
  () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
  async (graph) => layoutLayered(graph),
  { budgetMs: 15_000, supersedeAfterMs: 1000 },
);
