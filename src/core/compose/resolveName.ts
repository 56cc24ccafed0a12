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

type NameHit = { container: ComposeContainerObj; via: NameVia };

/**
 * Every name each container answers to, per network and anywhere: built once per container
 * list, so resolving N callers' hostnames costs N lookups, not N × containers × networks.
 */
type NameIndex = {
  /** network → lower-cased name → the containers answering it there, in the list's order */
  onNetwork: Map<string, Map<string, NameHit[]>>;
  /** lower-cased name → the containers that carry it on any network */
  anywhere: Map<string, ComposeContainerObj[]>;
};

// A memo keyed by the container list itself: the same list always gives the same index, and the
// index goes when the list does (the core keeps no other state).
const indexes = new WeakMap<readonly ComposeContainerObj[], NameIndex>();

function nameIndex(all: readonly ComposeContainerObj[]): NameIndex {
  const known = indexes.get(all);
  if (known) return known;
  const byService = new Map<string, ComposeContainerObj>();
  for (const c of all) if (!byService.has(c.service)) byService.set(c.service, c);
  const onNetwork = new Map<string, Map<string, NameHit[]>>();
  const anywhere = new Map<string, ComposeContainerObj[]>();
  for (const candidate of all) {
    const mode = candidate.networkMode;
    let networks = candidate.networks;
    if (mode?.kind === 'service' && mode.target) {
      const owner = byService.get(mode.target);
      networks = owner && owner !== candidate ? effectiveNetworks(owner, []) : [];
    }
    const seenNetworks = new Set<string>();
    for (const attachment of networks) {
      // The first attachment to a network is the one a lookup finds.
      if (seenNetworks.has(attachment.network)) continue;
      seenNetworks.add(attachment.network);
      let names = onNetwork.get(attachment.network);
      if (!names) onNetwork.set(attachment.network, (names = new Map()));
      const seenNames = new Set<string>();
      for (const [name, via] of namesOn(candidate, attachment)) {
        const key = name.toLowerCase();
        if (seenNames.has(key)) continue; // the first way a name is carried is the one reported
        seenNames.add(key);
        const hits = names.get(key);
        if (hits) hits.push({ container: candidate, via });
        else names.set(key, [{ container: candidate, via }]);
      }
    }
    const own = new Set<string>();
    for (const n of [
      candidate.service,
      candidate.containerName,
      candidate.hostname,
      candidate.name,
      ...candidate.networks.flatMap((a) => a.aliases),
    ]) {
      if (n) own.add(n.toLowerCase());
    }
    for (const key of own) {
      const list = anywhere.get(key);
      if (list) list.push(candidate);
      else anywhere.set(key, [candidate]);
    }
  }
  const index = { onNetwork, anywhere };
  indexes.set(all, index);
  return index;
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
  const index = nameIndex(all);
  for (const net of callerNets) {
    const hits = index.onNetwork.get(net.network)?.get(lookFor);
    if (hits && hits.length > 0) {
      return {
        ok: true,
        targets: hits.map((h) => h.container),
        network: net,
        via: link ? 'link' : hits[hits.length - 1]!.via,
      };
    }
  }
  const anywhere = index.anywhere.get(lookFor);
  if (anywhere && anywhere.length > 0) return { ok: false, reason: 'no-shared-network', targets: anywhere };
  return { ok: false, reason: 'unknown' };
}
