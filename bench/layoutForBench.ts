/** The layout the command line's `render` uses, for the bench to time on its own. */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutWithElk, type PositionedGraph } from '../src/layout/elkLayout';
import type { ViewGraph } from '../src/layout/viewGraph';

const elk = new ELK();

export function layoutForBench(graph: ViewGraph): Promise<PositionedGraph> {
  return layoutWithElk(elk, graph);
}
