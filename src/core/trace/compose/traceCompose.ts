import { fail } from '../context';
import type { Topology } from '../../model/topology';
import type { Hop, Trace, TraceRequest } from '../types';
import { formatRequestUrl, parseRequestUrl } from '../url';
import { composeContext } from './context';
import { isFromHostItself, traceFromHost } from './fromHost';
import { findCaller, traceFromInside } from './fromInside';

/**
 * Traces a request through a Compose topology. Without `from` the client is the Docker host
 * itself (`localhost`, `127.0.0.1`) or another machine (any other host name); with `from` it is
 * that service's container.
 */
export function traceCompose(topology: Topology, request: TraceRequest): Trace {
  const ctx = composeContext(topology, request);
  const parsed = parseRequestUrl(request.url);
  if (request.from !== undefined) {
    const caller = findCaller(ctx, request.from);
    if (!caller) {
      const hidden = ctx.host?.inactiveServices.find((s) => s.service === request.from);
      const message = hidden
        ? `Service ${request.from} only runs with profile ${hidden.profiles.join(' or ')}, which is not active.`
        : `No service or container named ${request.from} (services: ${[...new Set(ctx.containers.map((c) => c.service))].join(', ') || 'none'}).`;
      return fail([], hidden ? 'TRACE-COMPOSE-INACTIVE-PROFILE' : 'TRACE-BAD-FROM', message, {
        failedHop: { kind: 'client', name: request.from, detail: 'unknown client', caption: message },
      });
    }
    const clientHop: Hop = {
      kind: 'client',
      name: caller.name,
      detail: `container of service ${caller.service}${'error' in parsed ? '' : `, ${formatRequestUrl(parsed)}`}`,
      caption: `Container ${caller.name} sends the request${'error' in parsed ? '' : ` to ${formatRequestUrl(parsed)}`}`,
      objectId: caller.id,
    };
    if ('error' in parsed) return fail([], 'TRACE-BAD-URL', parsed.error, { failedHop: clientHop, status: 400 });
    return traceFromInside(ctx, caller, parsed, clientHop);
  }
  if ('error' in parsed) {
    return fail([], 'TRACE-BAD-URL', parsed.error, {
      failedHop: { kind: 'client', name: 'client', detail: request.url, caption: 'The URL cannot be traced' },
      status: 400,
    });
  }
  const local = isFromHostItself(parsed.host);
  const internet = topology.objects.find((o) => o.role === 'internet');
  const clientHop: Hop = local
    ? {
        kind: 'client',
        name: 'host',
        detail: `${formatRequestUrl(parsed)} from the host itself`,
        caption: `A browser or client on the Docker host requests ${formatRequestUrl(parsed)}`,
        ...(ctx.host ? { objectId: ctx.host.id } : {}),
      }
    : {
        kind: 'client',
        name: 'Internet',
        detail: `${formatRequestUrl(parsed)} from another machine`,
        caption: `A client on another machine requests ${formatRequestUrl(parsed)} (${parsed.host} is taken as the Docker host's address)`,
        ...(internet ? { objectId: internet.id } : {}),
      };
  const service = ctx.containers.find((c) => c.service === parsed.host || c.containerName === parsed.host);
  if (!local && service) {
    return fail(
      [clientHop],
      'TRACE-DNS-NXDOMAIN',
      `"${parsed.host}" is a service name: it resolves only inside the project's networks. Trace from the host with http://localhost:PORT, or from another service with --from (e.g. --from ${ctx.containers.find((c) => c !== service)?.service ?? 'SERVICE'}).`,
      { object: service.id },
    );
  }
  return traceFromHost(ctx, parsed, clientHop);
}
