import type { ComposeContainerObj, ComposeNetworkAttachment } from '../model/topology';

/** How a caller's hostname led to a container: its service name, a network alias, its container_name, its hostname, or a link alias. */
export type NameVia = 'service' | 'alias' | 'container_name' | 'hostname' | 'link';

export type NameResolution =
  | { ok: true; targets: ComposeContainerObj[]; network: ComposeNetworkAttachment; via: NameVia }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'no-shared-network'; targets: ComposeContainerObj[] };

/** The networks a container is on, following `network_mode: service:x` to x's networks. */
export function effectiveNetworks(
  container: ComposeContainerObj,
  all: readonly ComposeContainerObj[],
): ComposeNetworkAttachment[] {
  const mode = container.networkMode;
  if (mode?.kind === 'service' && mode.target) {
    const owner = all.find((c) => c.service === mode.target);
    return owner && owner !== container ? effectiveNetworks(owner, []) : [];
  }
  return container.networks;
}

function namesOn(container: ComposeContainerObj, attachment: ComposeNetworkAttachment): [string, NameVia][] {
  const names: [string, NameVia][] = [[container.service, 'service']];
  if (container.containerName) names.push([container.containerName, 'container_name']);
  if (container.replicas > 1) names.push([container.name, 'container_name']);
  if (container.hostname) names.push([container.hostname, 'hostname']);
  for (const alias of attachment.aliases) names.push([alias, 'alias']);
  return names;
}

/**
 * Resolves a hostname the way Docker's embedded DNS does for `caller`: a service name, a network
 * alias or a container name, only on a network the caller joins; `links` aliases too. Replicas
 * of one service all answer its name (DNS round robin).
 */
export function resolveComposeName(
  all: readonly ComposeContainerObj[],
  caller: ComposeContainerObj,
  hostname: string,
): NameResolution {
  const host = hostname.toLowerCase();
  const callerNets = effectiveNetworks(caller, all);
  const link = caller.links.find((l) => l.alias.toLowerCase() === host || l.service.toLowerCase() === host);
  const lookFor = link ? link.service.toLowerCase() : host;
  for (const net of callerNets) {
    const matches: ComposeContainerObj[] = [];
    let via: NameVia = 'service';
    for (const candidate of all) {
      const attachment = effectiveNetworks(candidate, all).find((a) => a.network === net.network);
      if (!attachment) continue;
      const hit = namesOn(candidate, attachment).find(([n]) => n.toLowerCase() === lookFor);
      if (hit) {
        matches.push(candidate);
        via = link ? 'link' : hit[1];
      }
    }
    if (matches.length > 0) return { ok: true, targets: matches, network: net, via };
  }
  const anywhere = all.filter((c) =>
    [c.service, c.containerName, c.hostname, c.name, ...c.networks.flatMap((a) => a.aliases)].some(
      (n) => n?.toLowerCase() === lookFor,
    ),
  );
  if (anywhere.length > 0) return { ok: false, reason: 'no-shared-network', targets: anywhere };
  return { ok: false, reason: 'unknown' };
}
