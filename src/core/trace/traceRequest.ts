import type { Topology } from '../model/topology';
import { fail } from './context';
import { traceCompose } from './compose/traceCompose';
import { traceKubernetes } from './kubernetes/traceKubernetes';
import type { Trace, TraceRequest } from './types';

/**
 * Traces one request through a topology, from the client to the container port that answers it
 * (or to where it stops). Dispatches on the topology's world; each world has its own tracer and
 * all return the same `Trace`.
 */
export function traceRequest(topology: Topology, request: TraceRequest): Trace {
  switch (topology.world) {
    case 'kubernetes':
      return traceKubernetes(topology, request);
    case 'compose':
      return traceCompose(topology, request);
    case 'empty':
      return fail(
        [],
        'TRACE-UNSUPPORTED-WORLD',
        'There is nothing to trace: the files hold no Kubernetes or Compose objects.',
        {
          failedHop: {
            kind: 'client',
            name: request.from ?? 'Internet',
            detail: 'empty workspace',
            caption: 'Nothing to trace',
          },
        },
      );
  }
}
