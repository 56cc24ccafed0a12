import type { ELK } from 'elkjs/lib/elk-api';
import { layoutWithElk, type PositionedGraph } from './elkLayout';
import type { ViewGraph } from './viewGraph';
import { workerClient } from '../workers/workerClient';

let mainThreadElk: Promise<ELK> | undefined;

async function layoutOnMainThread(graph: ViewGraph): Promise<PositionedGraph> {
  mainThreadElk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return layoutWithElk(await mainThreadElk, graph);
}

/**
 * Lays out a view graph: in a Web Worker when one can run, else on the main thread. A layout
 * still running after 15 s is stopped, and a newer one replaces a layout busy for over a second.
 */
export const layoutGraph: (graph: ViewGraph) => Promise<PositionedGraph> = workerClient(
  () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
  layoutOnMainThread,
  { budgetMs: 15_000, supersedeAfterMs: 1000 },
);
