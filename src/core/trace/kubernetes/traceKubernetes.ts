import type { Topology } from '../../model/topology';
import { resolveClientPod } from './clients';
import { continueThroughController } from './controllerEntry';
import { fail } from '../context';
import { kubeContext, namespaceOf } from './kubeContext';
import { traceFromInside } from './insideEntry';
import { traceFromOutside } from './outsideEntry';
import { EXTERNAL_CLIENT_IP, type Hop, type Trace, type TraceRequest } from '../types';
import { formatRequestUrl, parseRequestUrl } from '../url';

/**
 * Traces a request through a Kubernetes topology. Without `from` the client is on the Internet
 * (address `EXTERNAL_CLIENT_IP` unless `clientIp` says otherwise); with `from` it is the first pod
 * of that workload (or that pod, or the first pod behind that Service).
 */
export function traceKubernetes(topology: Topology, request: TraceRequest): Trace {
  const ctx = kubeContext(topology, request);
  const parsed = parseRequestUrl(request.url);
  const internet = topology.objects.find((o) => o.role === 'internet');

  if (request.from !== undefined) {
    const client = resolveClientPod(ctx, request.from);
    if ('error' in client) {
      return fail([], 'TRACE-BAD-FROM', client.error, {
        failedHop: { kind: 'client', name: request.from, detail: 'unknown client', caption: client.error },
      });
    }
    const owner = client.owner ? ctx.byId.get(client.owner) : undefined;
    const clientHop: Hop = {
      kind: 'client',
      name: client.name,
      namespace: namespaceOf(client),
      detail: `pod${owner ? ` of ${owner.kind} ${owner.name}` : ''}${'error' in parsed ? '' : `, ${formatRequestUrl(parsed)}`}`,
      caption: `Pod ${client.name}${owner ? ` (${owner.kind} ${owner.name})` : ''} sends the request`,
      objectId: client.id,
    };
    if ('error' in parsed) return fail([], 'TRACE-BAD-URL', parsed.error, { failedHop: clientHop, status: 400 });
    clientHop.caption += ` to ${formatRequestUrl(parsed)}`;
    const inside = traceFromInside(ctx, [clientHop], parsed, client, request.clientIp);
    return continueThroughController(ctx, inside, parsed, request.clientIp ?? `pod:${client.id}`);
  }

  const ip = request.clientIp ?? EXTERNAL_CLIENT_IP;
  const clientHop: Hop = {
    kind: 'client',
    name: 'Internet',
    detail: 'error' in parsed ? `from ${ip}` : `${formatRequestUrl(parsed)} from ${ip}`,
    caption:
      'error' in parsed
        ? `A client on the Internet (${ip})`
        : `A client on the Internet (${ip}) requests ${formatRequestUrl(parsed)}`,
    ...(internet ? { objectId: internet.id } : {}),
  };
  if ('error' in parsed) return fail([], 'TRACE-BAD-URL', parsed.error, { failedHop: clientHop, status: 400 });
  const outside = traceFromOutside(ctx, [clientHop], parsed, { peer: { kind: 'external', ip }, affinityKey: ip });
  return continueThroughController(ctx, outside, parsed, ip);
}
