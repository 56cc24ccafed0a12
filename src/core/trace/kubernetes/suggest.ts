import { suggestionList } from '../suggestionList';
import { objectsOfRole, type PodObj, type ServiceObj, type Topology, type WorkloadObj } from '../../model/topology';
import { podDnsName } from './dns';
import { listLoadBalancerAddresses } from './loadBalancer';
import { tlsCovers } from './ingressRoute';
import type { TraceSuggestion } from '../suggest';

/** Paths that look like regular expressions are not suggested (they are not literal paths). */
const REGEX_LIKE = /[()[\]$^*+?|\\]/;

/** A concrete host for a rule host: `*.foo.com` → `www.foo.com`; no host → `ingress.example`. */
function concreteHost(host: string | undefined): string {
  if (!host) return 'ingress.example';
  return host.startsWith('*.') ? `www.${host.slice(2)}` : host;
}

/** The first workload of a namespace that is not behind the Service (a plausible caller), else any. */
function callerFor(
  service: ServiceObj,
  workloads: readonly WorkloadObj[],
  pods: readonly PodObj[],
): string | undefined {
  const ns = service.namespace ?? 'default';
  const behind = new Set(pods.filter((p) => service.endpoints.includes(p.id)).map((p) => p.owner));
  const inNs = workloads.filter((w) => (w.namespace ?? 'default') === ns && w.pods.length > 0);
  const caller = inNs.find((w) => !behind.has(w.id)) ?? inNs[0];
  if (!caller) return undefined;
  return ns === 'default' ? caller.name : `${ns}/${caller.name}`;
}

/**
 * Requests worth tracing in a topology: every Ingress host and literal path (https when the host
 * is in `tls`), Gateway hostnames and path matches, `http://<first node>:<nodePort>/` for each
 * node port, each LoadBalancer address (see `listLoadBalancerAddresses`), and each Service's
 * DNS name on each port from a workload of its namespace. Deduplicated, in that order.
 */
export function suggestKubernetesUrls(topology: Topology): TraceSuggestion[] {
  const { add, list: out } = suggestionList();
  const services = objectsOfRole(topology, 'service');
  const pods = objectsOfRole(topology, 'pod');
  const workloads = objectsOfRole(topology, 'workload');
  const nodes = objectsOfRole(topology, 'node');

  for (const ingress of objectsOfRole(topology, 'ingress')) {
    for (const rule of ingress.rules) {
      const host = concreteHost(rule.host);
      const scheme = rule.host && tlsCovers(ingress, rule.host) ? 'https' : 'http';
      for (const path of rule.paths) {
        if (REGEX_LIKE.test(path.path)) continue;
        add({
          url: `${scheme}://${host}${path.path.startsWith('/') ? path.path : `/${path.path}`}`,
          label: `Ingress ${ingress.name}`,
          entry: 'ingress',
        });
      }
    }
    if (ingress.defaultBackend && ingress.rules.length === 0) {
      add({ url: 'http://ingress.example/', label: `Ingress ${ingress.name} (defaultBackend)`, entry: 'ingress' });
    }
  }

  const gateways = objectsOfRole(topology, 'gateway');
  for (const route of objectsOfRole(topology, 'httpRoute')) {
    const gateway = gateways.find((g) => route.parentRefs.some((r) => r.name === g.name));
    const listener = gateway?.listeners.find((l) => /^HTTPS?$/i.test(l.protocol));
    if (!listener) continue;
    const scheme = listener.protocol.toUpperCase() === 'HTTPS' ? 'https' : 'http';
    const port = listener.port === (scheme === 'https' ? 443 : 80) ? '' : `:${listener.port}`;
    const host = concreteHost(route.hostnames[0] ?? listener.hostname);
    for (const rule of route.rules) {
      const path = rule.matches.find((m) => m.path && m.path.type !== 'RegularExpression')?.path?.value ?? '/';
      add({ url: `${scheme}://${host}${port}${path}`, label: `HTTPRoute ${route.name}`, entry: 'gateway' });
    }
  }

  const firstNode = nodes[0]?.name ?? 'node-1';
  for (const service of services) {
    if (service.serviceType !== 'NodePort' && service.serviceType !== 'LoadBalancer') continue;
    for (const port of service.servicePorts) {
      if (port.nodePort !== undefined)
        add({ url: `http://${firstNode}:${port.nodePort}/`, label: `NodePort of ${service.name}`, entry: 'nodePort' });
    }
  }
  for (const address of listLoadBalancerAddresses(services)) {
    for (const port of address.service.servicePorts) {
      add({
        url: `http://${address.address}${port.port === 80 ? '' : `:${port.port}`}/`,
        label: `LoadBalancer ${address.service.name}`,
        entry: 'loadBalancer',
      });
    }
  }

  for (const service of services) {
    const from = callerFor(service, workloads, pods);
    if (!from) continue;
    const ns = service.namespace ?? 'default';
    const name = ns === 'default' ? service.name : `${service.name}.${ns}`;
    if (service.headless) {
      for (const pod of pods.filter((p) => service.endpoints.includes(p.id))) {
        const dns = podDnsName(pod, service, workloads);
        const port = service.servicePorts[0]?.port ?? 80;
        if (dns)
          add({
            url: `http://${dns}:${port}/`,
            from,
            label: `pod ${pod.name} via headless ${service.name}`,
            entry: 'inside',
          });
      }
    }
    for (const port of service.servicePorts) {
      add({
        url: `http://${name}:${port.port}/`,
        from,
        label: `Service ${service.name} from ${from}`,
        entry: 'inside',
      });
    }
  }
  return out;
}
