import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutWithElk } from './elkLayout';
import type { LayoutRequest, LayoutResponse } from './layoutGraph';

const elk = new ELK();

// elk.bundled.js takes over self.onmessage when imported in a worker: assign ours after it.
self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, ok: true, result: await layoutWithElk(elk, graph) };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
