import type { PodObj } from '../../model/topology';
import { externalNameHop } from './backend';
import { fail, succeed } from '../context';
import { namespaceOf, type KubeContext } from './kubeContext';
import { resolveClusterName } from './dns';
import { gatewayClaimsHost } from './gatewayRoute';
import { matchHost } from './hostMatch';
import { listLoadBalancerAddresses } from './loadBalancer';
import { dnsEgress, externalEgress, policyNames, PUBLIC_DESTINATION_IP } from './egress';
import { podPeer } from './networkPolicy';
import { traceFromOutside } from './outsideEntry';
import { arriveAtPod, followService, readyEndpoints, serviceHop, type TrafficSource } from './serviceResolve';
import { CLUSTER_DOMAIN, type Hop, type Trace } from '../types';
import type { RequestUrl } from '../url';

const IP_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether a name is something the world outside the cluster answers for (node, LB, Ingress or Gateway host). */
function answeredOutside(ctx: KubeContext, host: string): boolean {
  return (
    ctx.nodes.some((n) => n.name.toLowerCase() === host) ||
    listLoadBalancerAddresses(ctx.services).some((a) => a.address.toLowerCase() === host) ||
    ctx.ingresses.some((i) => i.rules.some((r) => r.host && matchHost(r.host, host))) ||
    gatewayClaimsHost(ctx.gateways, ctx.httpRoutes, host)
  );
}

/**
 * A request from a pod: cluster DNS first (Service names in all their forms, pods behind headless
 * Services, ExternalName CNAMEs), then names the outside world answers (the request leaves and
 * comes back in through a node, load balancer, Ingress or Gateway), then public names (an
 * `external` hop: resolved by upstream DNS, outside these files). A name that is none of these —
 * a single label, or one under a namespace or `cluster.local` — is NXDOMAIN.
 */
export function traceFromInside(
  ctx: KubeContext,
  hops: Hop[],
  url: RequestUrl,
  client: PodObj,
  clientIp?: string,
): Trace {
  const namespace = namespaceOf(client);
  const source: TrafficSource = {
    peer: podPeer(client),
    clientPod: client,
    affinityKey: clientIp ?? `pod:${client.id}`,
  };
  // Every name is looked up first: an egress policy that does not allow DNS stops it here.
  const dns = IP_LITERAL.test(url.host) ? undefined : dnsEgress(ctx, client);
  if (dns && !dns.allowed) {
    return fail(
      hops,
      'TRACE-POLICY-DENIED',
      `DNS lookup of ${url.host} timed out: the egress NetworkPolicy ${policyNames(dns)} of client pod ${client.name} ` +
        'does not allow UDP port 53 to cluster DNS (kube-dns in kube-system), so no name resolves. Add an egress rule ' +
        'to namespace kube-system on port 53 (UDP and TCP).',
      { object: dns.selecting[0]!.id },
    );
  }
  const answer = resolveClusterName(url.host, namespace, ctx, url.absolute);

  if (answer.kind === 'service') {
    const service = answer.service;
    if (service.serviceType === 'ExternalName' && service.externalName) {
      return succeed([...hops, externalNameHop(service.name, service.externalName, service.id, url.port)]);
    }
    if (service.headless) {
      const { ready } = readyEndpoints(ctx, service);
      const dnsHop: Hop = {
        kind: 'service',
        name: service.name,
        namespace: namespaceOf(service),
        port: url.port,
        detail: `headless: DNS returns ${ready.length} pod address(es)`,
        caption: `${answer.fqdn} is a headless Service: DNS answers with the pods' own addresses (no cluster IP, no kube-proxy), and the client connects straight to port ${url.port}`,
        objectId: service.id,
      };
      if (ready.length === 0) {
        return fail(
          [...hops, dnsHop],
          'TRACE-NO-ENDPOINTS',
          `DNS: headless Service ${service.name} has no ready pods, so ${url.host} has no addresses. Make its selector match a workload's pod labels.`,
          { object: service.id, status: 503 },
        );
      }
      // DNS servers rotate the A records; the client takes the first, so successive requests spread.
      const index = ctx.requestIndex % ready.length;
      const pod = ready[index]!;
      return arriveAtPod(
        ctx,
        [...hops, dnsHop],
        pod,
        url.port,
        'TCP',
        source,
        `DNS answered ${pod.name} first (${index + 1} of ${ready.length})`,
        undefined,
        undefined,
      );
    }
    const port = service.servicePorts.find((p) => p.port === url.port);
    if (!port) {
      const ports = service.servicePorts.map((p) => p.port).join(', ') || 'none';
      return fail(
        [
          ...hops,
          {
            kind: 'service',
            name: service.name,
            namespace: namespaceOf(service),
            port: url.port,
            detail: `no port ${url.port}`,
            caption: `${answer.fqdn} resolves to the cluster IP of Service ${service.name}, which does not expose port ${url.port}`,
            objectId: service.id,
          },
        ],
        'TRACE-PORT-NOT-ON-SERVICE',
        `Connection refused: Service ${service.name} exposes port(s) ${ports}, not ${url.port}. Call it on a Service port (the Service maps it to the targetPort), e.g. ${url.scheme}://${url.host}:${service.servicePorts[0]?.port ?? 80}.`,
        { object: service.id },
      );
    }
    return followService(ctx, hops, service, port, source);
  }

  if (answer.kind === 'pod') {
    const dnsHop: Hop = {
      ...serviceHop(answer.service, { port: url.port, targetPort: url.port, protocol: 'TCP' }),
      detail: `headless: ${answer.fqdn} is pod ${answer.pod.name}`,
      caption: `${answer.fqdn} names one pod of headless Service ${answer.service.name}; the client connects to it directly`,
    };
    return arriveAtPod(
      ctx,
      [...hops, dnsHop],
      answer.pod,
      url.port,
      'TCP',
      source,
      `DNS answered pod ${answer.pod.name}`,
      undefined,
      undefined,
    );
  }

  if (answeredOutside(ctx, url.host)) {
    const [first, ...rest] = hops;
    const note = `${url.host} is not a cluster name; it resolves outside, so the request leaves the cluster and comes back in`;
    return traceFromOutside(
      ctx,
      first ? [{ ...first, caption: `${first.caption}; ${note}` }, ...rest] : hops,
      url,
      source,
    );
  }

  const labels = url.host.split('.');
  const namespaces = new Set(ctx.objects.map((o) => o.namespace).filter((n): n is string => !!n));
  // A dotted name is public unless one of its later labels is a namespace, a Service of the
  // client's namespace (`db-7.db`: a pod of headless Service db) or part of the cluster domain.
  const serviceNames = new Set(ctx.services.filter((s) => namespaceOf(s) === namespace).map((s) => s.name));
  const looksPublic =
    labels.length >= 2 &&
    !url.host.endsWith(CLUSTER_DOMAIN) &&
    labels.slice(1).every((label) => !namespaces.has(label) && !serviceNames.has(label) && label !== 'svc');
  if (looksPublic || IP_LITERAL.test(url.host)) {
    const ip = IP_LITERAL.test(url.host) ? url.host : PUBLIC_DESTINATION_IP;
    const egress = externalEgress(ctx, client, ip, url.port);
    const dnsNote = dns ? ' (DNS itself was allowed)' : '';
    if (!egress.allowed) {
      return fail(
        hops,
        'TRACE-POLICY-DENIED',
        `Connection to ${url.host}:${url.port} timed out: the egress NetworkPolicy ${policyNames(egress)} of client pod ` +
          `${client.name} allows no traffic to addresses outside the cluster on port ${url.port}${dnsNote}. Add an ` +
          'egress rule with an ipBlock (e.g. 0.0.0.0/0 except the cluster ranges) and the port.',
        {
          object: egress.selecting[0]!.id,
          failedHop: {
            kind: 'external',
            name: url.host,
            port: url.port,
            detail: `egress denied by ${policyNames(egress)}`,
            caption: `${url.host} is outside the cluster, and the egress policy ${policyNames(egress)} of ${client.name} drops the packets${dnsNote}`,
            objectId: egress.selecting[0]!.id,
          },
        },
      );
    }
    return succeed([
      ...hops,
      {
        kind: 'external',
        name: url.host,
        port: url.port,
        detail: 'outside the cluster',
        caption: `${url.host} is not a cluster name; upstream DNS resolves it and the request leaves the cluster`,
        warning: `Nothing in these files answers for ${url.host}; Portolan cannot follow it further.`,
      },
    ]);
  }
  return fail(
    hops,
    'TRACE-DNS-NXDOMAIN',
    `DNS: ${url.host} does not resolve (tried ${answer.tried.join(', ')}). No Service named ${labels[0]} exists in namespace ${labels[1] && namespaces.has(labels[1]) ? labels[1] : namespace}: add one, or fix the name.`,
  );
}
