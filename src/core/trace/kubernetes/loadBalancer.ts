import type { ServiceObj } from '../../model/topology';

/** An address outside clients use to reach a Service without an Ingress. */
export type ExternalServiceAddress = {
  address: string;
  service: ServiceObj;
  /** where the address comes from */
  source: 'loadBalancerIP' | 'externalIP' | 'synthetic';
};

/**
 * The stand-in for the address a cloud load balancer would get: `<service>.<namespace>.lb`.
 * A real cloud reports an IP or a hostname (`a1b2….elb.amazonaws.com`) in
 * `status.loadBalancer.ingress`; manifests do not carry it, so Portolan makes this one up.
 */
function syntheticLoadBalancerHost(service: ServiceObj): string {
  return `${service.name}.${service.namespace ?? 'default'}.lb`;
}

/**
 * The addresses that reach Services from outside, other than node ports: for a LoadBalancer
 * Service its `loadBalancerIP` when set, else the synthetic `<service>.<namespace>.lb`; for any
 * Service each of its `externalIPs`. A request to one of them on a Service port reaches that
 * Service (as `http://frontend-external.default.lb/`).
 */
export function listLoadBalancerAddresses(services: readonly ServiceObj[]): ExternalServiceAddress[] {
  const addresses: ExternalServiceAddress[] = [];
  for (const service of services) {
    if (service.serviceType === 'LoadBalancer') {
      addresses.push(
        service.loadBalancerIP
          ? { address: service.loadBalancerIP, service, source: 'loadBalancerIP' }
          : { address: syntheticLoadBalancerHost(service), service, source: 'synthetic' },
      );
    }
    for (const ip of service.externalIPs) addresses.push({ address: ip, service, source: 'externalIP' });
  }
  return addresses;
}
