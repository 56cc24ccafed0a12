import { fail } from '../context';
import { matchProxyRoute } from '../../compose/nginxConfig';
import { resolveComposeName } from '../../compose/resolveName';
import type { ComposeContainerObj } from '../../model/topology';
import type { Hop, Trace } from '../types';
import type { RequestUrl } from '../url';
import { containerHop, networkHop, pickReplica, type ComposeTraceContext } from './context';

/**
 * Follows an HTTP request that reached a reverse-proxy container on `port` through its nginx
 * routes: location match (exact first, then longest prefix), then proxy_pass to the upstream
 * container over a network both join. Without known routes, the trace ends at the proxy.
 */
export function continueThroughProxy(
  ctx: ComposeTraceContext,
  hops: Hop[],
  proxy: ComposeContainerObj,
  port: number,
  url: RequestUrl,
  depth = 0,
): Trace {
  const routes = proxy.proxy?.routes ?? [];
  if (!proxy.proxy || url.scheme === 'tcp' || depth > 3) return { ok: true, hops };
  if (!proxy.proxy.known) {
    const last = hops[hops.length - 1]!;
    hops[hops.length - 1] = {
      ...last,
      warning: [
        last.warning,
        `${proxy.service} is a reverse proxy whose routes are unknown: paste its nginx config as a tab to follow the request further.`,
      ]
        .filter(Boolean)
        .join(' '),
    };
    return { ok: true, hops };
  }
  const route = matchProxyRoute(routes, port, url.host, url.path);
  if (!route) {
    return fail(
      hops,
      'TRACE-NO-RULE',
      `${proxyName(proxy)} has no location for ${url.path} on port ${port} (${proxy.proxy.configFile ?? 'its config'} routes ${routes.map((r) => `${r.listen} ${r.location}`).join(', ') || 'nothing'}); it answers 404.`,
      { object: proxy.id, status: 404 },
    );
  }
  const resolved = resolveComposeName(ctx.containers, proxy, route.upstreamHost);
  const routeHopDetail = `location ${route.exact ? '= ' : ''}${route.location} → proxy_pass ${route.proxyPass}`;
  hops[hops.length - 1] = {
    ...hops[hops.length - 1]!,
    detail: `${hops[hops.length - 1]!.detail}; ${routeHopDetail}`,
    ...(route.span ? { span: route.span } : {}),
  };
  if (!resolved.ok) {
    return fail(
      hops,
      resolved.reason === 'unknown' ? 'TRACE-DNS-NXDOMAIN' : 'TRACE-COMPOSE-NO-SHARED-NETWORK',
      resolved.reason === 'unknown'
        ? `${proxyName(proxy)} proxies ${route.location} to ${route.upstreamHost}, which no service, alias or container_name on its networks answers; it returns 502.`
        : `${proxyName(proxy)} proxies ${route.location} to ${route.upstreamHost}, but they share no network; put both on one network.`,
      { object: proxy.id, status: 502 },
    );
  }
  const target = pickReplica(resolved.targets, ctx.requestIndex);
  const declared = target.exposed.some((e) => e.port === route.upstreamPort);
  hops.push(
    networkHop(
      ctx,
      resolved.network.network,
      resolved.network.name,
      `${proxyName(proxy)} matches location ${route.location} and proxies to ${route.upstreamHost}:${route.upstreamPort} on network ${resolved.network.name}`,
      `${routeHopDetail}, ${route.upstreamHost} on network ${resolved.network.name}`,
    ),
    containerHop(
      target,
      route.upstreamPort,
      `${target.name} answers on port ${route.upstreamPort}`,
      declared
        ? undefined
        : `${target.service} does not declare port ${route.upstreamPort} (ports or expose); it may still listen there.`,
    ),
  );
  return continueThroughProxy(ctx, hops, target, route.upstreamPort, url, depth + 1);
}

/** `nginx` for a container named nginx, `nginx in edge-proxy` for one named otherwise. */
function proxyName(proxy: { name: string }): string {
  return proxy.name === 'nginx' ? 'nginx' : `nginx in ${proxy.name}`;
}
