import { layoutLayered } from './layered/layeredLayout';
import type { ViewGraph } from './viewGraph';
import { serveRequests } from '../workers/workerClient';

serveRequests((graph: ViewGraph) => layoutLayered(graph));
