import { fail } from '../context';
import { isLoopback } from '../../compose/ports';
import type { ComposeContainerObj, ComposePublishedPort, Protocol } from '../../model/topology';
import type { Hop, Trace } from '../types';
import { formatRequestUrl, type RequestUrl } from '../url';
import { containerHop, networkHop, pickReplica, type ComposeTraceContext } from './context';
import { continueThroughProxy } from './throughProxy';

/**
 * Who sends a request from outside the containers: a URL naming `localhost`, a loopback address
 * or `0.0.0.0` comes from the Docker host itself; any other name or address (the host's LAN name,
 * `host`, a public IP) comes from another machine, so loopback-bound ports do not answer it.
 */
export function isFromHostItself(host: string): boolean {
  return host === 'localhost' || isLoopback(host) || host === '0.0.0.0' || host === '[::1]';
}

function hostIpLabel(p: ComposePublishedPort): string {
  if (p.hostIp === undefined) return '0.0.0.0';
  return p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp;
}

function publishedLabel(p: ComposePublishedPort): string {
  return p.publishedEnd !== undefined ? `${p.published}-${p.publishedEnd}` : String(p.published);
}

type Hit = { container: ComposeContainerObj; binding: ComposePublishedPort };

function bindingsFor(ctx: ComposeTraceContext, port: number, protocol: Protocol): Hit[] {
  const hits: Hit[] = [];
  for (const container of ctx.containers) {
    if (container.networkMode?.kind === 'host') continue;
    for (const binding of container.published) {
      if (binding.protocol !== protocol || binding.published === undefined) continue;
      const end = binding.publishedEnd ?? binding.published;
      if (port >= binding.published && port <= end) hits.push({ container, binding });
    }
  }
  return hits;
}

/** Traces a request from the host (or another machine) to a published port, then into the container. */
export function traceFromHost(ctx: ComposeTraceContext, url: RequestUrl, clientHop: Hop): Trace {
  const local = isFromHostItself(url.host);
  const hops: Hop[] = [clientHop];
  const hostId = ctx.host?.id;
  const hits = bindingsFor(ctx, url.port, 'TCP');
  const reachable = hits.filter((h) => local || !h.binding.localOnly);
  const addressed = reachable.filter(
    (h) => local || h.binding.hostIp === undefined || ALL.has(h.binding.hostIp) || h.binding.hostIp === url.host,
  );
  const hit = addressed.find((h) => h.binding.publishedEnd === undefined) ?? addressed[0];

  if (!hit) {
    const hostMode = ctx.containers.filter((c) => c.networkMode?.kind === 'host');
    const declared = hostMode.find((c) => c.exposed.some((e) => e.port === url.port));
    const onHost = declared ?? (hostMode.length === 1 ? hostMode[0] : undefined);
    if (onHost) {
      hops.push({
        kind: 'host',
        name: 'host',
        port: url.port,
        detail: `${url.port} on the host's own network (network_mode: host)`,
        caption: `${onHost.service} uses the host's network stack: port ${url.port} on the host is its own port`,
        ...(hostId ? { objectId: hostId } : {}),
        ...(onHost.networkMode?.span ? { span: onHost.networkMode.span } : {}),
      });
      hops.push(
        containerHop(
          onHost,
          url.port,
          `${onHost.name} listens on port ${url.port} directly on the host`,
          declared
            ? undefined
            : `${onHost.service} declares no port ${url.port}; with network_mode: host it listens wherever its process binds.`,
        ),
      );
      return { ok: true, hops };
    }
    const localOnly = hits.find((h) => h.binding.localOnly);
    if (localOnly) {
      return fail(
        hops,
        'TRACE-COMPOSE-LOCAL-ONLY',
        `${localOnly.container.service} publishes ${url.port} on ${hostIpLabel(localOnly.binding)} only: it answers requests from the host itself (http://localhost:${url.port}), not from other machines. Publish on 0.0.0.0 ("${url.port}:${localOnly.binding.target}") to open it.`,
        {
          object: localOnly.container.id,
          failedHop: {
            kind: 'host',
            name: 'host',
            port: url.port,
            detail: `${hostIpLabel(localOnly.binding)}:${url.port} → ${localOnly.container.service}:${localOnly.binding.target} (local only)`,
            caption: `Port ${url.port} is bound to ${hostIpLabel(localOnly.binding)}: only the host itself can connect`,
            ...(hostId ? { objectId: hostId } : {}),
            ...(localOnly.binding.span ? { span: localOnly.binding.span } : {}),
          },
        },
      );
    }
    const inside = ctx.containers.find((c) => c.exposed.some((e) => e.port === url.port));
    const message = inside
      ? `Nothing on the host listens on ${url.port}: ${inside.service} uses port ${url.port} inside its network but does not publish it` +
        `${inside.published.some((p) => p.target === url.port && p.published === undefined) ? ' on a fixed host port (the engine picks a random one)' : ''}. ` +
        `Add ports: ["${url.port}:${url.port}"] to ${inside.service}, or trace from another service with --from.`
      : `Nothing on the host listens on ${url.port}: no service publishes it (published: ${publishedList(ctx) || 'none'}).`;
    return fail(hops, 'TRACE-COMPOSE-NOT-PUBLISHED', message, {
      ...(inside ? { object: inside.id } : hostId ? { object: hostId } : {}),
      failedHop: {
        kind: 'host',
        name: 'host',
        port: url.port,
        detail: `no published port ${url.port}`,
        caption: `The host has no published port ${url.port}`,
        ...(hostId ? { objectId: hostId } : {}),
      },
    });
  }

  // Replicas sharing a published range each hold one port of it; a fixed port belongs to one.
  const sameService = addressed.filter(
    (h) => h.container.service === hit.container.service && h.binding.publishedEnd !== undefined,
  );
  const container =
    sameService.length > 1
      ? pickReplica(
          sameService.map((h) => h.container),
          ctx.requestIndex,
        )
      : hit.container;
  const { binding } = hit;
  const target = binding.publishedEnd === undefined ? binding.target + (url.port - binding.published!) : binding.target;
  const door = `${hostIpLabel(binding)}:${publishedLabel(binding)} → ${container.service}:${binding.target}`;
  hops.push({
    kind: 'host',
    name: 'host',
    port: url.port,
    detail: `${door} (published${binding.localOnly ? ', local only' : ''})`,
    caption:
      binding.publishedEnd !== undefined
        ? `The host forwards port ${url.port} to ${container.name}:${target}: the engine binds one free port of ${publishedLabel(binding)}`
        : `The host forwards ${hostIpLabel(binding)}:${url.port} to ${container.name}:${target} (published port)`,
    ...(hostId ? { objectId: hostId } : {}),
    ...(binding.span ? { span: binding.span } : {}),
    ...(binding.publishedEnd !== undefined
      ? {
          warning: `${publishedLabel(binding)} is a range: Docker picks which free port of it ${container.service} gets, so ${url.port} is only one possibility.`,
        }
      : {}),
  });
  const network = container.networks[0];
  if (network) {
    hops.push(
      networkHop(
        ctx,
        network.network,
        network.name,
        `Docker's port forwarding delivers the packet to ${container.name} on network ${network.name}`,
        `to ${container.name} on network ${network.name}`,
      ),
    );
  }
  hops.push(containerHop(container, target, `${container.name} answers on port ${target}${formatUrlTail(url)}`));
  return continueThroughProxy(ctx, hops, container, target, url);
}

const ALL = new Set(['0.0.0.0', '::']);

function formatUrlTail(url: RequestUrl): string {
  return url.scheme === 'tcp' ? '' : ` (${formatRequestUrl(url)})`;
}

function publishedList(ctx: ComposeTraceContext): string {
  return ctx.containers
    .flatMap((c) =>
      c.published.filter((p) => p.published !== undefined).map((p) => `${publishedLabel(p)}→${c.service}`),
    )
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(', ');
}
