import { fail } from '../context';
import { effectiveNetworks, resolveComposeName, type NameVia } from '../../compose/resolveName';
import type { ComposeContainerObj } from '../../model/topology';
import type { Hop, Trace } from '../types';
import type { RequestUrl } from '../url';
import { containerHop, networkHop, pickReplica, type ComposeTraceContext } from './context';
import { continueThroughProxy } from './throughProxy';

const VIA_WORDS: Record<NameVia, string> = {
  service: 'its service name',
  alias: 'a network alias',
  container_name: 'its container_name',
  hostname: 'its hostname',
  link: 'a links alias',
};

/** The container a `from` names: a service (its first replica), a container name, or a replica (`web-2`). */
export function findCaller(ctx: ComposeTraceContext, from: string): ComposeContainerObj | undefined {
  const name = from.toLowerCase();
  return (
    ctx.containers.find((c) => c.name.toLowerCase() === name) ??
    ctx.containers.find((c) => c.service.toLowerCase() === name) ??
    ctx.containers.find((c) => c.containerName?.toLowerCase() === name)
  );
}

/**
 * Traces a request from inside a container: the hostname resolves through Docker's embedded DNS
 * on the caller's networks (service name, alias, container_name), then any port of the target
 * answers (inside a network nothing needs publishing; an undeclared port gets a note).
 */
export function traceFromInside(
  ctx: ComposeTraceContext,
  caller: ComposeContainerObj,
  url: RequestUrl,
  clientHop: Hop,
): Trace {
  const hops: Hop[] = [clientHop];
  if (url.host === 'localhost' || url.host.startsWith('127.') || url.host === caller.service) {
    if (url.host !== caller.service || effectiveNetworks(caller, ctx.containers).length === 0) {
      hops.push(
        containerHop(
          caller,
          url.port,
          `${caller.name} calls itself on port ${url.port} (localhost is the container, not the host)`,
        ),
      );
      return { ok: true, hops };
    }
  }
  const networks = effectiveNetworks(caller, ctx.containers);
  if (networks.length === 0) {
    return fail(
      hops,
      'TRACE-COMPOSE-NO-SHARED-NETWORK',
      caller.networkMode?.kind === 'host'
        ? `${caller.service} uses network_mode: host; it reaches other services only through their published ports (http://localhost:PORT).`
        : `${caller.service} has no network (network_mode: ${caller.networkMode?.kind ?? 'none'}), so it cannot reach ${url.host}.`,
      { object: caller.id },
    );
  }
  const resolved = resolveComposeName(ctx.containers, caller, url.host);
  if (!resolved.ok) {
    const hidden = ctx.host?.inactiveServices.find((s) => s.service.toLowerCase() === url.host);
    if (hidden) {
      return fail(
        hops,
        'TRACE-COMPOSE-INACTIVE-PROFILE',
        `${url.host} only runs with profile ${hidden.profiles.join(' or ')}, which is not active; activate it (docker compose --profile ${hidden.profiles[0]} up) to reach it.`,
        ctx.host ? { object: ctx.host.id } : {},
      );
    }
    if (resolved.reason === 'no-shared-network') {
      const target = resolved.targets[0]!;
      return fail(
        hops,
        'TRACE-COMPOSE-NO-SHARED-NETWORK',
        `${caller.service} (networks ${networks.map((n) => n.name).join(', ')}) and ${target.service} (networks ${target.networks.map((n) => n.name).join(', ') || 'none'}) share no network, so "${url.host}" does not resolve from ${caller.service}. Put both on one network.`,
        { object: target.id },
      );
    }
    return fail(
      hops,
      'TRACE-DNS-NXDOMAIN',
      `"${url.host}" does not resolve from ${caller.service}: no service, network alias or container_name of that name is on its networks (${networks.map((n) => n.name).join(', ')}).`,
      { object: caller.id },
    );
  }
  const target = pickReplica(resolved.targets, ctx.requestIndex);
  const asName =
    url.host === target.service && resolved.via === 'service'
      ? `'${url.host}'`
      : `'${url.host}' (${VIA_WORDS[resolved.via]})`;
  hops.push(
    networkHop(
      ctx,
      resolved.network.network,
      resolved.network.name,
      `${caller.service} reaches ${target.service} as ${asName} on network ${resolved.network.name}`,
      `${url.host} → ${target.name} on network ${resolved.network.name}${resolved.targets.length > 1 ? ` (${resolved.targets.length} replicas, DNS round robin)` : ''}`,
    ),
  );
  const declared = target.exposed.some((e) => e.port === url.port);
  hops.push(
    containerHop(
      target,
      url.port,
      `${target.name} answers on port ${url.port}; inside a network no port needs publishing`,
      declared
        ? undefined
        : `${target.service} does not declare port ${url.port} (ports or expose); inside a network it is reachable if the process listens there.`,
    ),
  );
  return continueThroughProxy(ctx, hops, target, url.port, url);
}
