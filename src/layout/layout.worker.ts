import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutWithElk } from './elkLayout';
import type { ViewGraph } from './viewGraph';
import { serveRequests } from '../workers/workerClient';

const elk = new ELK();

// elk.bundled.js takes over self.onmessage when imported in a worker: ours is set after it.
serveRequests((graph: ViewGraph) => layoutWithElk(elk, graph));
