import type { ContainerPort, NodeObj, PodObj, Protocol, ServiceObj, ServicePort } from '../../model/topology';
import { containerForPortNumber, findNamedContainerPort } from '../../kubernetes/ports';
import { fail, succeed } from '../context';
import { namespaceOf, type KubeContext } from './kubeContext';
import { isReadyEndpoint, notReadyReason, pickEndpoint, type EndpointPick } from './endpointPick';
import { checkEgressPolicies, checkIngressPolicies, podPeer, type TrafficPeer } from './networkPolicy';
import type { Hop, Trace } from '../types';

/** Who is sending, for NetworkPolicy and session affinity. */
export type TrafficSource = {
  peer: TrafficPeer;
  /** the client pod when the request starts inside the cluster (its egress policies apply) */
  clientPod?: PodObj;
  /** the key of ClientIP session affinity (the client's address) */
  affinityKey: string;
};

/** Finds a Service by name in a namespace. */
export function findService(ctx: KubeContext, name: string, namespace: string): ServiceObj | undefined {
  return ctx.services.find((s) => s.name === name && namespaceOf(s) === namespace);
}

/** The ready pods behind a Service, in the model's stable order. */
export function readyEndpoints(ctx: KubeContext, service: ServiceObj): { ready: PodObj[]; pending: PodObj[] } {
  const pods = service.endpoints.map((id) => ctx.byId.get(id)).filter((o): o is PodObj => o?.role === 'pod');
  return { ready: pods.filter(isReadyEndpoint), pending: pods.filter((p) => !isReadyEndpoint(p)) };
}

function nodeName(ctx: KubeContext, pod: PodObj): string {
  const node = pod.node ? ctx.byId.get(pod.node) : undefined;
  return node?.name ?? 'no node';
}

/** `(1 of 2, round robin)` */
function describePick(pick: EndpointPick): string {
  const why =
    pick.reason === 'only'
      ? 'the only ready pod'
      : pick.reason === 'client-ip'
        ? 'sessionAffinity ClientIP'
        : 'round robin';
  return `${pick.index + 1} of ${pick.of}, ${why}`;
}

/** One clause on what the Service's type means for the request, for captions that teach. */
function serviceTypeLesson(service: ServiceObj): string {
  if (service.headless) return 'headless: no virtual IP, clients reach the pods directly';
  switch (service.serviceType) {
    case 'NodePort':
      return 'NodePort: a cluster IP, plus the same port open on every node';
    case 'LoadBalancer':
      return 'LoadBalancer: a cluster IP and node ports, with a cloud load balancer in front';
    case 'ExternalName':
      return 'ExternalName: only a DNS alias';
    default:
      return 'ClusterIP: a virtual IP inside the cluster, which kube-proxy maps to one ready pod per connection';
  }
}

/** The `service` hop: port → targetPort. */
export function serviceHop(service: ServiceObj, port: ServicePort, caption?: string): Hop {
  const mapping = `port ${port.port} → targetPort ${port.targetPort}`;
  return {
    kind: 'service',
    name: service.name,
    namespace: namespaceOf(service),
    port: port.port,
    detail: `${service.serviceType}${service.headless ? ' (headless)' : ''}, ${mapping}`,
    caption:
      caption ??
      `Service port ${port.port} → targetPort ${port.targetPort}` +
        (typeof port.targetPort === 'string' ? ' (a name: each pod resolves it to its own containerPort)' : '') +
        `; ${serviceTypeLesson(service)}`,
    objectId: service.id,
    ...(port.span ? { span: port.span } : {}),
  };
}

/**
 * Follows a request from a Service port to the container that answers: kube-proxy picks a ready
 * endpoint, the targetPort is resolved in that pod (a name per pod), NetworkPolicies are checked.
 * `entryNode` is the node the request arrived at (NodePort), to say when kube-proxy forwards it
 * to another node.
 */
export function followService(
  ctx: KubeContext,
  hops: Hop[],
  service: ServiceObj,
  port: ServicePort,
  source: TrafficSource,
  entryNode?: NodeObj,
): Trace {
  const withService = [...hops, serviceHop(service, port)];
  const { ready: allReady, pending } = readyEndpoints(ctx, service);
  const local = localNode(service, source, entryNode);
  const ready = local ? allReady.filter((pod) => pod.node === local.node) : allReady;
  if (local && ready.length === 0 && allReady.length > 0) {
    const last = withService[withService.length - 1]!;
    withService[withService.length - 1] = { ...last, caption: `${last.caption}; ${local.policy}: Local` };
    return fail(
      withService,
      'TRACE-NO-ENDPOINTS',
      `Dropped: Service ${service.name} has ${local.policy}: Local, and no ready pod of it runs on ${ctx.byId.get(local.node)?.name ?? local.node} ` +
        `(its pods run on ${[...new Set(allReady.map((pod) => nodeName(ctx, pod)))].join(', ')}). ` +
        (local.policy === 'externalTrafficPolicy'
          ? 'Send the request to a node that runs one, or use externalTrafficPolicy: Cluster.'
          : 'Run a pod on every node (a DaemonSet), or use internalTrafficPolicy: Cluster.'),
      { object: service.id },
    );
  }
  const pick = pickEndpoint(ready, {
    requestIndex: ctx.requestIndex,
    sessionAffinity: service.sessionAffinity,
    clientKey: source.affinityKey,
  });
  if (!pick) {
    const why =
      service.selector === undefined
        ? 'it has no selector and no Endpoints list pods for it'
        : pending.length > 0
          ? `its ${describeSkipped(pending)}`
          : `no pod has the labels ${Object.entries(service.selector)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')} in namespace ${namespaceOf(service)}`;
    return fail(
      withService,
      'TRACE-NO-ENDPOINTS',
      `503 Service Unavailable: Service ${service.name} has no ready endpoints — ${why}. Make the selector match the pod template labels of a workload.`,
      { object: service.id, status: 503 },
    );
  }
  const pod = pick.pod;
  let target: { port: number; declared?: ContainerPort; container?: string };
  if (typeof port.targetPort === 'string') {
    const found = findNamedContainerPort(pod, port.targetPort, port.protocol);
    if (!found) {
      const names = pod.template.containers.flatMap((c) =>
        c.ports.filter((p) => p.name).map((p) => `${p.name} (${p.containerPort})`),
      );
      return fail(
        withService,
        'TRACE-NAMED-PORT-NOT-FOUND',
        `502 Bad Gateway: Service ${service.name} targets the port named "${port.targetPort}", but pod ${pod.name} declares ${names.length > 0 ? `only ${names.join(', ')}` : 'no named ports'}. Name a containerPort "${port.targetPort}" in the pod template, or use a number as targetPort.`,
        { object: pod.id, status: 502, failedHop: podHop(ctx, pod, pick, undefined, entryNode) },
      );
    }
    target = { port: found.port.containerPort, declared: found.port, container: found.container.name };
  } else {
    target = { port: port.targetPort };
  }
  const skipped = pending.length > 0 ? `; it skipped ${describeSkipped(pending)}` : '';
  const pickCaption = `kube-proxy picked ${pod.name} (${describePick(pick)})${skipped}`;
  return arriveAtPod(ctx, withService, pod, target.port, port.protocol, source, pickCaption, pick, entryNode, {
    namedFrom: typeof port.targetPort === 'string' ? port.targetPort : undefined,
  });
}

/** The node a `Local` traffic policy keeps the request on, when one applies. */
function localNode(
  service: ServiceObj,
  source: TrafficSource,
  entryNode: NodeObj | undefined,
): { node: NodeObj['id']; policy: 'externalTrafficPolicy' | 'internalTrafficPolicy' } | undefined {
  if (entryNode && service.externalTrafficPolicy === 'Local')
    return { node: entryNode.id, policy: 'externalTrafficPolicy' };
  if (!entryNode && source.clientPod?.node && service.internalTrafficPolicy === 'Local') {
    return { node: source.clientPod.node, policy: 'internalTrafficPolicy' };
  }
  return undefined;
}

/** `2 pod(s) that are not ready endpoints (cannot start: Secret db is missing)` */
function describeSkipped(pods: readonly PodObj[]): string {
  const reasons = [...new Set(pods.map(notReadyReason))];
  return `${pods.length} pod(s) that are not ready endpoints (${reasons.join('; ')})`;
}

function podHop(
  ctx: KubeContext,
  pod: PodObj,
  pick: EndpointPick | undefined,
  caption: string | undefined,
  entryNode?: NodeObj,
): Hop {
  const node = nodeName(ctx, pod);
  const forwarded =
    entryNode && pod.node && entryNode.id !== pod.node
      ? `; kube-proxy on ${entryNode.name} forwards it to ${node}`
      : '';
  return {
    kind: 'pod',
    name: pod.name,
    namespace: namespaceOf(pod),
    detail: `on ${node}${pick ? ` (${describePick(pick)})` : ''}`,
    caption: `${caption ?? `Pod ${pod.name}`}; it runs on ${node}${forwarded}`,
    objectId: pod.id,
  };
}

/**
 * The last two hops: the pod (after NetworkPolicy checks) and the container listening on `port`.
 * A number no container declares still reaches the pod (containerPort is informational): warned.
 */
export function arriveAtPod(
  ctx: KubeContext,
  hops: Hop[],
  pod: PodObj,
  port: number,
  protocol: Protocol,
  source: TrafficSource,
  pickCaption: string,
  pick: EndpointPick | undefined,
  entryNode: NodeObj | undefined,
  options: { namedFrom?: string } = {},
): Trace {
  const hop = { ...podHop(ctx, pod, pick, pickCaption, entryNode), port };
  if (options.namedFrom) hop.caption += `; targetPort ${options.namedFrom} is containerPort ${port} in this pod`;

  if (source.clientPod) {
    const egress = checkEgressPolicies(
      ctx.policies,
      source.clientPod,
      podPeer(pod),
      pod,
      port,
      protocol,
      ctx.labelsOfNamespace,
    );
    if (!egress.allowed) {
      const names = egress.selecting.map((p) => p.name).join(', ');
      return fail(
        [...hops, hop],
        'TRACE-POLICY-DENIED',
        `Connection timed out: the egress NetworkPolicy ${names} of client pod ${source.clientPod.name} does not allow traffic to pod ${pod.name} on port ${port}/${protocol}. Add an egress rule whose peer selects ${pod.name} (and its namespace) and port ${port}.`,
        { object: egress.selecting[0]!.id },
      );
    }
  }
  const ingress = checkIngressPolicies(ctx.policies, pod, source.peer, port, protocol, ctx.labelsOfNamespace);
  if (!ingress.allowed) {
    const names = ingress.selecting.map((p) => p.name).join(', ');
    const who =
      source.peer.kind === 'external'
        ? `the outside address ${source.peer.ip}`
        : (source.peer.describe ?? `pod ${source.peer.name} (namespace ${source.peer.namespace})`);
    return fail(
      [...hops, hop],
      'TRACE-POLICY-DENIED',
      `Connection timed out: NetworkPolicy ${names} selects pod ${pod.name}, and none of its ingress rules allows ${who} on port ${port}/${protocol}. Add a rule with a matching podSelector/namespaceSelector/ipBlock and port.`,
      { object: ingress.selecting[0]!.id },
    );
  }
  if (ingress.allowedBy) hop.caption += `; NetworkPolicy ${ingress.allowedBy.name} allows it`;

  const answer = containerForPortNumber(pod, port, protocol);
  if (!answer) {
    return fail([...hops, hop], 'TRACE-NO-ENDPOINTS', `Pod ${pod.name} has no containers.`, {
      object: pod.id,
      status: 503,
    });
  }
  const portName = answer.declared?.name;
  const container: Hop = {
    kind: 'container',
    name: answer.container.name,
    namespace: namespaceOf(pod),
    port,
    detail: portName ? `containerPort ${port} (${portName})` : `containerPort ${port}`,
    caption: `container ${answer.container.name} listens on ${port}${portName ? ` (port named ${portName})` : ''}`,
    objectId: pod.id,
    // The line that answers: `containerPort: 8080` in the pod template.
    ...(answer.declared?.span ? { span: answer.declared.span } : {}),
  };
  if (!answer.declared) {
    container.detail += ' (not declared)';
    const declared = [
      ...new Set(
        pod.template.containers.flatMap((c) =>
          c.ports.filter((p) => p.protocol === protocol).map((p) => p.containerPort),
        ),
      ),
    ];
    if (declared.length > 0) {
      // The pod says where it listens, and it is elsewhere: the request most likely meets a refusal.
      const doubt = `likely refused: ${pod.name} declares ${declared.join(', ')}, not ${port}`;
      container.warning = `${doubt}. containerPort is informational, so the packet reaches the pod, but nothing is known to listen on ${port}: check the Service's targetPort.`;
      container.caption = `the request reaches ${answer.container.name} on ${port}, but the pod declares ${declared.join(', ')}: likely refused`;
      return { ...succeed([...hops, hop, container]), doubt };
    }
    container.warning = `No container of ${pod.name} declares containerPort ${port}; the request still reaches the pod (containerPort is informational), assumed to be answered by ${answer.container.name}. Declare it so readers know.`;
  }
  return succeed([...hops, hop, container]);
}
