/** The layout the app and the command line's `render` use, for the bench to time on its own. */
import type { PositionedGraph } from '../src/layout/finishLayout';
import { layoutLayered } from '../src/layout/layered/layeredLayout';
import type { ViewGraph } from '../src/layout/viewGraph';

export function layoutForBench(graph: ViewGraph): PositionedGraph {
  return layoutLayered(graph);
}
