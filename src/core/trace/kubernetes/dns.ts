import type { PodObj, ServiceObj, WorkloadObj } from '../../model/topology';
import { CLUSTER_DOMAIN } from '../types';

/** What cluster DNS answers for a name. */
export type DnsAnswer =
  | { kind: 'service'; service: ServiceObj; fqdn: string }
  | { kind: 'pod'; pod: PodObj; service: ServiceObj; fqdn: string }
  | { kind: 'none'; tried: string[] };

/** What the resolver needs to know of the cluster. */
export type DnsZone = {
  services: readonly ServiceObj[];
  pods: readonly PodObj[];
  workloads: readonly WorkloadObj[];
};

const SERVICE_SUFFIX = `.svc.${CLUSTER_DOMAIN}`;

/**
 * The names a pod's resolver tries for a host, in order: with `ndots: 5` (the kubelet default)
 * a short name goes through the search list `<ns>.svc.cluster.local svc.cluster.local
 * cluster.local` before being tried as is; an absolute name (trailing dot) is tried alone.
 */
function searchCandidates(host: string, clientNamespace: string | undefined, absolute = false): string[] {
  if (absolute || host.endsWith(`.${CLUSTER_DOMAIN}`)) return [host];
  const search = [
    ...(clientNamespace ? [`${clientNamespace}${SERVICE_SUFFIX}`] : []),
    `svc.${CLUSTER_DOMAIN}`,
    CLUSTER_DOMAIN,
  ];
  return [...search.map((domain) => `${host}.${domain}`), host];
}

/** The hostname and subdomain a pod's DNS record uses (StatefulSet pods: pod name and serviceName). */
function podDnsIdentity(pod: PodObj, workloads: readonly WorkloadObj[]): { hostname: string; subdomain?: string } {
  const owner = pod.owner ? workloads.find((w) => w.id === pod.owner) : undefined;
  const subdomain = pod.template.subdomain ?? (owner?.kind === 'StatefulSet' ? owner.serviceName : undefined);
  return { hostname: pod.template.hostname ?? pod.name, ...(subdomain ? { subdomain } : {}) };
}

/** Answers one fully qualified name under `svc.cluster.local`. */
function answer(fqdn: string, zone: DnsZone): DnsAnswer | undefined {
  if (!fqdn.endsWith(SERVICE_SUFFIX)) return undefined;
  const labels = fqdn.slice(0, -SERVICE_SUFFIX.length).split('.');
  if (labels.length === 2) {
    const [name, namespace] = labels as [string, string];
    const service = zone.services.find((s) => s.name === name && (s.namespace ?? 'default') === namespace);
    return service ? { kind: 'service', service, fqdn } : undefined;
  }
  if (labels.length === 3) {
    // <hostname>.<subdomain>.<ns>.svc: a pod behind a headless Service (StatefulSet members).
    const [hostname, subdomain, namespace] = labels as [string, string, string];
    const service = zone.services.find(
      (s) => s.name === subdomain && (s.namespace ?? 'default') === namespace && s.headless,
    );
    if (!service) return undefined;
    const pod = zone.pods.find((p) => {
      if ((p.namespace ?? 'default') !== namespace) return false;
      const identity = podDnsIdentity(p, zone.workloads);
      return identity.hostname === hostname && identity.subdomain === subdomain;
    });
    return pod ? { kind: 'pod', pod, service, fqdn } : undefined;
  }
  return undefined;
}

/**
 * Resolves a host name as cluster DNS would for a pod in `clientNamespace`: `cart` (same
 * namespace), `cart.shop`, `cart.shop.svc`, `cart.shop.svc.cluster.local`, and pod names behind
 * a headless Service (`db-0.db`, `db-0.db.shop.svc.cluster.local`). Names outside the cluster
 * domain are not answered here.
 */
export function resolveClusterName(
  host: string,
  clientNamespace: string | undefined,
  zone: DnsZone,
  absolute = false,
): DnsAnswer {
  const tried = searchCandidates(host.toLowerCase(), clientNamespace, absolute);
  for (const fqdn of tried) {
    const found = answer(fqdn, zone);
    if (found) return found;
  }
  return { kind: 'none', tried };
}

/** The DNS name of a pod behind a headless Service (`db-0.db.shop`), when it has one. */
export function podDnsName(pod: PodObj, service: ServiceObj, workloads: readonly WorkloadObj[]): string | undefined {
  const identity = podDnsIdentity(pod, workloads);
  if (!service.headless || identity.subdomain !== service.name) return undefined;
  return `${identity.hostname}.${service.name}.${service.namespace ?? 'default'}`;
}
