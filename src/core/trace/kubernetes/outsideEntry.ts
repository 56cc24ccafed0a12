import type { IngressBackend, IngressObj, NodeObj, PodObj, Protocol } from '../../model/topology';
import { fail } from '../context';
import { namespaceOf, type KubeContext } from './kubeContext';
import { followBackendService } from './backend';
import { gatewayPeer } from './clients';
import { ingressControllerPeer, isIngressNginx } from './ingressController';
import { describeHttpRouteMatch, gatewayClaimsHost, routeGateway } from './gatewayRoute';
import { pickWeighted } from './endpointPick';
import { matchHost } from './hostMatch';
import { describeController, routeIngress, type IngressRoute } from './ingressRoute';
import { listLoadBalancerAddresses } from './loadBalancer';
import { isReadyEndpoint } from './endpointPick';
import { arriveAtPod, followService, type TrafficSource } from './serviceResolve';
import type { Hop, Trace } from '../types';
import type { RequestUrl } from '../url';

/**
 * A request from the Internet, by the host it names: a node (`node-2:31001`, NodePort), a
 * LoadBalancer address, a host a Gateway claims, else the Ingress controller (which answers 404
 * for hosts no rule names). With none of those, DNS has no answer.
 */
export function traceFromOutside(ctx: KubeContext, hops: Hop[], url: RequestUrl, source: TrafficSource): Trace {
  const node = ctx.nodes.find((n) => n.name.toLowerCase() === url.host);
  if (node) return viaNodePort(ctx, hops, url, node, source);

  const lb = listLoadBalancerAddresses(ctx.services).find((a) => a.address.toLowerCase() === url.host);
  if (lb) {
    const port = lb.service.servicePorts.find((p) => p.port === url.port);
    const lbHop: Hop = {
      kind: 'loadbalancer',
      name: lb.address,
      port: url.port,
      detail: `${lb.source === 'externalIP' ? 'externalIP' : 'load balancer'} of Service ${lb.service.name}`,
      caption:
        lb.source === 'externalIP'
          ? `${lb.address} is an externalIP of Service ${lb.service.name}: routed to a node, where kube-proxy takes it`
          : `The cloud load balancer of Service ${lb.service.name} (${lb.address}) forwards port ${url.port} to the nodes, where kube-proxy takes it`,
      objectId: lb.service.id,
    };
    if (!port) {
      return fail(
        [...hops, lbHop],
        'TRACE-PORT-NOT-ON-SERVICE',
        `Connection refused: ${lb.address} listens on the ports of Service ${lb.service.name} (${lb.service.servicePorts.map((p) => p.port).join(', ')}), not on ${url.port}.`,
        { object: lb.service.id },
      );
    }
    return followService(ctx, [...hops, lbHop], lb.service, port, source);
  }

  const gatewayFirst = gatewayClaimsHost(ctx.gateways, ctx.httpRoutes, url.host);
  const ingressHostMatch = ctx.ingresses.some((i) => i.rules.some((r) => r.host && matchHost(r.host, url.host)));
  if (ctx.gateways.length > 0 && ((gatewayFirst && !ingressHostMatch) || ctx.ingresses.length === 0)) {
    return viaGateway(ctx, hops, url, source);
  }
  if (ctx.ingresses.length > 0) return viaIngress(ctx, hops, url, source);

  const nodeLike = /^node-\d+$/.test(url.host);
  const hint = nodeLike
    ? ` The simulated nodes are ${ctx.nodes.map((n) => n.name).join(', ') || 'none'}.`
    : ctx.services.some((s) => s.name === url.host.split('.')[0])
      ? ` ${url.host.split('.')[0]} is a Service, reachable by that name only from inside the cluster: trace it with --from WORKLOAD.`
      : ' From outside, use an Ingress host, http://NODE:NODEPORT/ or a LoadBalancer address.';
  return fail(hops, 'TRACE-DNS-NXDOMAIN', `DNS: ${url.host} resolves to nothing these files define.${hint}`);
}

function viaNodePort(ctx: KubeContext, hops: Hop[], url: RequestUrl, node: NodeObj, source: TrafficSource): Trace {
  const match = ctx.services
    .filter((s) => s.serviceType === 'NodePort' || s.serviceType === 'LoadBalancer')
    .flatMap((service) =>
      service.servicePorts.filter((p) => p.nodePort === url.port).map((port) => ({ service, port })),
    )[0];
  const nodeHop: Hop = {
    kind: 'node',
    name: node.name,
    port: url.port,
    detail: match ? `nodePort ${url.port} → Service ${match.service.name}:${match.port.port}` : `nodePort ${url.port}`,
    caption: match
      ? `Every node opens nodePort ${url.port} for Service ${match.service.name}; kube-proxy on ${node.name} takes the request` +
        (match.port.nodePortAllocated
          ? ' (the files name no nodePort: the cluster picks one at apply time; Portolan picked this one the same way)'
          : '')
      : `Nothing listens on ${node.name}:${url.port}`,
    objectId: node.id,
    ...(match?.port.span ? { span: match.port.span } : {}),
  };
  if (!match) {
    const host = viaHostPort(ctx, [...hops], url, node, source);
    if (host) return host;
    const open = ctx.services.flatMap((s) =>
      s.servicePorts.filter((p) => p.nodePort !== undefined).map((p) => `${p.nodePort} (${s.name})`),
    );
    return fail(
      [...hops, nodeHop],
      'TRACE-NODEPORT-CLOSED',
      `Connection refused: no NodePort or LoadBalancer Service has nodePort ${url.port}. ${open.length > 0 ? `Open node ports: ${open.join(', ')}.` : 'No Service here has a nodePort; set type: NodePort (nodePort 30000–32767).'}`,
      { object: node.id },
    );
  }
  return followService(ctx, [...hops, nodeHop], match.service, match.port, source, node);
}

/** A container port a node forwards to its pod: `hostPort`, or any port of a `hostNetwork` pod. */
type HostBinding = { pod: PodObj; containerPort: number; protocol: Protocol; how: 'hostPort' | 'hostNetwork' };

function hostBindings(ctx: KubeContext, port: number): HostBinding[] {
  return ctx.pods.flatMap((pod) =>
    pod.template.containers.flatMap((c) =>
      c.ports
        .filter((p) => (pod.template.hostNetwork ? p.containerPort === port : p.hostPort === port))
        .map((p) => ({
          pod,
          containerPort: p.containerPort,
          protocol: p.protocol,
          how: pod.template.hostNetwork ? ('hostNetwork' as const) : ('hostPort' as const),
        })),
    ),
  );
}

/**
 * A node port no Service opens may still answer: a container's `hostPort` (the CNI's portmap
 * forwards the node's port to that pod), or a `hostNetwork` pod listening on the node itself.
 * Only the node that runs the pod answers. Undefined when no pod binds the port anywhere.
 */
function viaHostPort(
  ctx: KubeContext,
  hops: Hop[],
  url: RequestUrl,
  node: NodeObj,
  source: TrafficSource,
): Trace | undefined {
  const bindings = hostBindings(ctx, url.port).filter((b) => b.protocol === 'TCP');
  if (bindings.length === 0) return undefined;
  const here = bindings.find((b) => b.pod.node === node.id && isReadyEndpoint(b.pod));
  const describe = (b: HostBinding) =>
    b.how === 'hostPort'
      ? `hostPort ${url.port} → containerPort ${b.containerPort} of pod ${b.pod.name}`
      : `pod ${b.pod.name} (hostNetwork) listens on port ${url.port}`;
  if (!here) {
    const elsewhere = [
      ...new Set(bindings.filter((b) => isReadyEndpoint(b.pod)).map((b) => ctx.byId.get(b.pod.node!)?.name ?? '?')),
    ];
    const failedHop: Hop = {
      kind: 'node',
      name: node.name,
      port: url.port,
      detail: `no pod binds port ${url.port} here`,
      caption: `Nothing listens on ${node.name}:${url.port}: ${describe(bindings[0]!)}, which does not run on ${node.name}`,
      objectId: node.id,
    };
    return fail(
      hops,
      'TRACE-NODEPORT-CLOSED',
      `Connection refused: port ${url.port} is a hostPort/hostNetwork port, open only on the nodes that run its pod ` +
        `(${elsewhere.length > 0 ? elsewhere.join(', ') : 'none: the pods are not ready'}), not on ${node.name}.` +
        (elsewhere.length > 0 ? ` Send the request to ${elsewhere[0]}.` : ''),
      { object: node.id, failedHop },
    );
  }
  const nodeHop: Hop = {
    kind: 'node',
    name: node.name,
    port: url.port,
    detail: describe(here),
    caption:
      here.how === 'hostPort'
        ? `Pod ${here.pod.name} asks for hostPort ${url.port}: the node forwards its port ${url.port} to the pod's containerPort ${here.containerPort} (no Service, no kube-proxy)`
        : `Pod ${here.pod.name} uses the node's network (hostNetwork): it listens on ${node.name}:${url.port} itself`,
    objectId: node.id,
  };
  return arriveAtPod(
    ctx,
    [...hops, nodeHop],
    here.pod,
    here.containerPort,
    'TCP',
    source,
    `${node.name}:${url.port} is pod ${here.pod.name}'s ${here.how}`,
    undefined,
    undefined,
  );
}

function viaIngress(ctx: KubeContext, hops: Hop[], url: RequestUrl, client: TrafficSource): Trace {
  const route = routeIngress(ctx.ingresses, ctx.ingressClasses, { host: url.host, path: url.path })!;
  const controller = route.controller;
  const controllerName = controller.className ? `${controller.className} ingress controller` : 'ingress controller';
  const entry: Hop = {
    kind: 'loadbalancer',
    name: controllerName,
    port: url.port,
    detail: `${describeController(controller)}, ${url.scheme} :${url.port}`,
    caption: `${url.host} points at the Ingress controller's load balancer; ${describeController(controller)} reads the Ingress rules to choose a Service`,
    ...(controller.ingressClass ? { objectId: controller.ingressClass.id } : {}),
  };
  if (route.notes.length > 0) entry.caption += `. ${route.notes.join(' ')}`;
  const expected = url.scheme === 'https' ? 443 : 80;
  if (url.port !== expected) {
    return fail(
      [...hops, entry],
      'TRACE-NO-LISTENER',
      `Connection refused: Ingress controllers listen on 80 (http) and 443 (https), not on ${url.port}. Drop the port from the URL, or reach a Service directly with http://NODE:NODEPORT/.`,
    );
  }
  return throughIngressRules(ctx, [...hops, entry], route, url, client);
}

/**
 * From the Ingress controller on: the rule that matched (or 404), ingress-nginx's 308 redirect of
 * plain http for TLS hosts (the client follows it: the trace carries on with https), then the
 * backend Service. `hops` end at the controller (its load balancer, or its pod); `url.host` is the
 * Host header the controller routes by.
 */
export function throughIngressRules(
  ctx: KubeContext,
  hops: Hop[],
  route: IngressRoute,
  url: RequestUrl,
  client: TrafficSource,
  hostHint = '',
): Trace {
  const controller = route.controller;
  if (route.kind === 'no-rule') {
    const hosts = [
      ...new Set(ctx.ingresses.flatMap((i) => i.rules.map((r) => r.host).filter((h): h is string => !!h))),
    ];
    const where = route.hostIngress
      ? `Ingress ${route.hostIngress.name} has rules for host ${url.host}, but none of their paths matches ${url.path}, and no defaultBackend is set`
      : `no Ingress rule names host ${url.host}${hosts.length > 0 ? ` (hosts: ${hosts.join(', ')})` : ''} and no defaultBackend is set`;
    const failedHop: Hop | undefined = route.hostIngress
      ? {
          kind: 'ingress',
          name: route.hostIngress.name,
          namespace: namespaceOf(route.hostIngress),
          port: url.port,
          detail: `no path matches ${url.path}`,
          caption: `Ingress ${route.hostIngress.name} has host ${url.host}, but no path matches ${url.path}`,
          objectId: route.hostIngress.id,
        }
      : undefined;
    return fail(
      hops,
      'TRACE-NO-RULE',
      `404 Not Found: ${where}. Add a rule (host and path) or spec.defaultBackend.${hostHint}`,
      {
        status: 404,
        ...(route.hostIngress
          ? { object: route.hostIngress.id }
          : controller.ingressClass
            ? { object: controller.ingressClass.id }
            : {}),
        ...(failedHop ? { failedHop } : {}),
      },
    );
  }

  const ingress = route.ingress;
  const backend = route.backend;
  const target = describeBackend(backend);
  const ruleText = route.path
    ? `Rule ${route.rule?.host ?? '(any host)'} ${route.path.path} (${route.path.pathType}) → ${target}`
    : `defaultBackend → ${target}`;
  const ingressHop: Hop = {
    kind: 'ingress',
    name: ingress.name,
    namespace: namespaceOf(ingress),
    port: url.port,
    detail: ruleText,
    caption: route.path ? `${ruleText}: ${whyRuleMatched(route.rule?.host, route.path, url)}` : ruleText,
    objectId: ingress.id,
  };
  const span = route.path?.span ?? route.rule?.span ?? backend.span;
  if (span) ingressHop.span = span;
  if (route.path?.pathType === 'ImplementationSpecific') {
    ingressHop.caption +=
      ' — ImplementationSpecific: matched like Prefix here; the real behaviour depends on the controller';
  }
  if (!route.path) ingressHop.caption += ` — no rule's path matched ${url.path}, so the defaultBackend answers`;

  const redirect = url.scheme === 'http' && redirectsToHttps(ingress, controller, route.tls);
  if (redirect) {
    const location = `https://${url.host}${url.path}${url.query.length > 0 ? `?${new URLSearchParams(url.query).toString()}` : ''}`;
    ingressHop.detail = `${ruleText}; 308 Permanent Redirect → ${location}`;
    ingressHop.caption +=
      (redirect === 'force'
        ? `; force-ssl-redirect is set on Ingress ${ingress.name}`
        : `; ${url.host} is in spec.tls of Ingress ${ingress.name}`) +
      `, so ingress-nginx answers plain http with 308 Permanent Redirect to ${location}, and the client follows it`;
    const https: RequestUrl = { ...url, scheme: 'https', written: 'https', port: 443, explicitPort: false };
    return traceFromOutside(ctx, [...hops, ingressHop], https, client);
  }

  if (url.scheme === 'https' && !route.tls) {
    ingressHop.warning = `https to ${url.host}, which is in no spec.tls of Ingress ${ingress.name}: the controller answers with its default (self-signed) certificate. Add the host to spec.tls.`;
  } else if (url.scheme === 'https') {
    ingressHop.caption += '; TLS ends here (spec.tls lists the host)';
  }
  const withIngress = [...hops, ingressHop];
  if (!backend.service) {
    return fail(
      withIngress,
      'TRACE-BACKEND-NOT-SERVICE',
      `The matching backend of Ingress ${ingress.name} is a resource (${backend.resource?.kind ?? '?'} ${backend.resource?.name ?? ''}), not a Service; Portolan follows Service backends only.`,
      { object: ingress.id },
    );
  }
  // The Service sees the controller's pod as the sender; ClientIP affinity keeps keying on the
  // original client (ingress-nginx balances by itself, so kube-proxy's choice is a stand-in).
  const source: TrafficSource = { ...client, peer: ingressControllerPeer(ctx, controller) };
  return followBackendService(
    ctx,
    withIngress,
    { name: backend.service.name, namespace: namespaceOf(ingress), port: backend.service.port },
    source,
    { what: `Ingress ${ingress.name}`, id: ingress.id },
  );
}

/**
 * Whether ingress-nginx redirects plain http for this Ingress: hosts in its `tls` (ssl-redirect,
 * on by default) or every host with force-ssl-redirect. Other controllers are not assumed to.
 */
function redirectsToHttps(
  ingress: IngressObj,
  controller: IngressRoute['controller'],
  tls: boolean,
): 'tls' | 'force' | undefined {
  if (!isIngressNginx(controller)) return undefined;
  if (ingress.sslRedirect === 'force') return 'force';
  return tls && ingress.sslRedirect !== 'off' ? 'tls' : undefined;
}

function describeBackend(backend: IngressBackend): string {
  if (backend.service) {
    const port = backend.service.port.number ?? backend.service.port.name ?? '?';
    return `${backend.service.name}:${port}`;
  }
  return backend.resource ? `${backend.resource.kind} ${backend.resource.name}` : '(no backend)';
}

function viaGateway(ctx: KubeContext, hops: Hop[], url: RequestUrl, client: TrafficSource): Trace {
  const request = {
    scheme: url.scheme,
    host: url.host,
    port: url.port,
    path: url.path,
    method: ctx.method,
    headers: ctx.headers,
    query: url.query,
  };
  const route = routeGateway(ctx.gateways, ctx.httpRoutes, request, ctx.labelsOfNamespace)!;
  const gateway = route.gateway;
  const listener = route.kind === 'no-listener' ? undefined : route.listener;
  const gatewayHop: Hop = {
    kind: 'loadbalancer',
    name: gateway.name,
    namespace: namespaceOf(gateway),
    port: url.port,
    detail: listener
      ? `Gateway listener ${listener.name} ${listener.protocol}:${listener.port}${listener.hostname ? ` ${listener.hostname}` : ''}`
      : 'Gateway: no listener',
    caption: listener
      ? `Gateway ${gateway.name} accepts ${url.scheme} on port ${listener.port} at listener ${listener.name}${listener.hostname ? ` (hostname ${listener.hostname})` : ''}`
      : `Gateway ${gateway.name} has no listener for ${url.scheme} port ${url.port} and host ${url.host}`,
    objectId: gateway.id,
  };
  if (route.kind === 'no-listener') {
    const listeners = gateway.listeners
      .map((l) => `${l.name} ${l.protocol}:${l.port}${l.hostname ? ` ${l.hostname}` : ''}`)
      .join(', ');
    return fail(
      [...hops, gatewayHop],
      'TRACE-NO-LISTENER',
      `Connection refused: no listener of Gateway ${gateway.name} accepts ${url.scheme} on port ${url.port} for host ${url.host} (listeners: ${listeners || 'none'}).`,
      { object: gateway.id },
    );
  }
  if (route.kind === 'no-route') {
    return fail(
      [...hops, gatewayHop],
      'TRACE-NO-RULE',
      `404 Not Found: no HTTPRoute attached to Gateway ${gateway.name} (listener ${route.listener.name}) matches host ${url.host}, path ${url.path} and the request's method and headers.` +
        (route.notAllowed.length > 0
          ? ` HTTPRoute ${route.notAllowed.map((n) => `${n.route.name} is not attached: ${n.why}`).join('; HTTPRoute ')}. Widen the listener's allowedRoutes (from: All, or a Selector matching the route's namespace), or move the route.`
          : ' Add an HTTPRoute with a parentRef to the Gateway, or widen its matches.'),
      { object: gateway.id, status: 404 },
    );
  }
  const weights = route.backendRefs.map((b) => `${b.name} ${b.weight}`).join(' / ');
  const picked = pickWeighted(route.backendRefs, ctx.requestIndex);
  const rule = route.route.rules[route.ruleIndex]!;
  const routeHop: Hop = {
    kind: 'ingress',
    name: route.route.name,
    namespace: namespaceOf(route.route),
    port: url.port,
    detail: `HTTPRoute match ${describeHttpRouteMatch(route.match)} → ${picked ? `${picked.name}:${picked.port ?? '?'}` : 'no backend'}`,
    caption: `HTTPRoute ${route.route.name} rule ${route.ruleIndex + 1} (${describeHttpRouteMatch(route.match)}) sends it to ${picked?.name ?? 'no backend'}${route.backendRefs.length > 1 ? ` (weights ${weights}; request #${ctx.requestIndex + 1})` : ''}`,
    objectId: route.route.id,
    ...(rule.span ? { span: rule.span } : {}),
  };
  const withRoute = [...hops, gatewayHop, routeHop];
  if (!picked) {
    return fail(
      withRoute,
      'TRACE-NO-BACKEND',
      `500 Internal Server Error: the matching rule of HTTPRoute ${route.route.name} has no backendRefs with a weight above 0.`,
      { object: route.route.id, status: 500 },
    );
  }
  if (picked.kind !== 'Service') {
    return fail(
      withRoute,
      'TRACE-BACKEND-NOT-SERVICE',
      `HTTPRoute ${route.route.name} sends this request to a ${picked.kind} ${picked.name}; Portolan follows Service backends only.`,
      { object: route.route.id },
    );
  }
  const source: TrafficSource = { ...client, peer: gatewayPeer(gateway) };
  return followBackendService(
    ctx,
    withRoute,
    {
      name: picked.name,
      namespace: picked.namespace ?? namespaceOf(route.route),
      port: picked.port !== undefined ? { number: picked.port } : {},
    },
    source,
    { what: `HTTPRoute ${route.route.name}`, id: route.route.id },
  );
}

/** Why the controller chose this rule, in words: the host it matched and the path, longest first. */
function whyRuleMatched(
  host: string | undefined,
  path: { path: string; pathType: string },
  url: { host: string; path: string },
): string {
  const hostWhy = !host
    ? 'the rule names no host, so it takes any'
    : host.startsWith('*.')
      ? `wildcard host ${host} covers ${url.host}`
      : `host ${host} is the request's host`;
  const pathWhy =
    path.pathType === 'Exact'
      ? `path ${path.path} equals ${url.path} (Exact)`
      : `${path.path} is the longest ${path.pathType} path that ${url.path} starts with`;
  return `${hostWhy}; ${pathWhy}`;
}
