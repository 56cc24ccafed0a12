import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutWithElk } from './elkLayout';
import type { ViewGraph } from './viewGraph';
import { serveRequests } from '../workers/workerClient';

const elk = new ELK();

// A small layout as the worker boots, while the text is still being analysed: ELK's code is
// compiled and warm by the time the first real graph arrives (it halves the first layout).
void elk
  .layout({
    id: 'warm-up',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: [
      { id: 'outside', width: 40, height: 20 },
      {
        id: 'group',
        children: [
          { id: 'a', width: 40, height: 20 },
          { id: 'b', width: 40, height: 20 },
        ],
        edges: [{ id: 'a-b', sources: ['a'], targets: ['b'] }],
      },
    ],
    edges: [{ id: 'outside-a', sources: ['outside'], targets: ['a'] }],
  })
  .catch(() => {});

// elk.bundled.js takes over self.onmessage when imported in a worker: ours is set after it.
serveRequests((graph: ViewGraph) => layoutWithElk(elk, graph));
