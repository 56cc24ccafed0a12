import type { ObjectId } from '../../model/ids';
import type {
  LabelMap,
  NetworkPolicyObj,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PodObj,
  Protocol,
  TopologyObject,
} from '../../model/topology';
import { labelSelectorMatches } from '../../kubernetes/labels';

/** Who sends (ingress) or receives (egress) traffic, as NetworkPolicy peers see it. */
export type TrafficPeer =
  | { kind: 'external'; ip: string }
  | {
      kind: 'pod';
      name: string;
      namespace: string;
      labels: LabelMap;
      podId?: ObjectId;
      /** how messages name it when it is more than a pod (`the ingress controller of IngressClass nginx, pod …`) */
      describe?: string;
    };

/** The verdict of the policies that select a pod for one direction. */
export type PolicyVerdict = {
  allowed: boolean;
  /** the policies that select the pod for this direction (empty: nothing isolates it) */
  selecting: NetworkPolicyObj[];
  /** the policy whose rule let the traffic through */
  allowedBy?: NetworkPolicyObj;
};

/** The labels of a namespace: those of its Namespace object, plus `kubernetes.io/metadata.name`. */
export function namespaceLabels(objects: readonly TopologyObject[], namespace: string): LabelMap {
  const object = objects.find((o) => o.kind === 'Namespace' && o.name === namespace);
  return { ...(object?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Whether an IPv4 address is inside a CIDR (`10.0.0.0/8`); IPv6 is not modelled (false). */
function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const network = ipv4(base);
  const address = ipv4(ip);
  const bits = Number(bitsText);
  if (network === undefined || address === undefined || !(bits >= 0 && bits <= 32)) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
}

function peerMatches(
  peer: NetworkPolicyPeer,
  policyNamespace: string,
  other: TrafficPeer,
  labelsOfNamespace: (namespace: string) => LabelMap,
): boolean {
  if (peer.ipBlock) {
    // Pod IPs are not simulated; an ipBlock is checked against outside addresses only.
    if (other.kind !== 'external') return false;
    return cidrContains(peer.ipBlock.cidr, other.ip) && !peer.ipBlock.except.some((e) => cidrContains(e, other.ip));
  }
  if (other.kind !== 'pod') return false;
  if (peer.namespaceSelector) {
    if (!labelSelectorMatches(peer.namespaceSelector, labelsOfNamespace(other.namespace))) return false;
    return peer.podSelector ? labelSelectorMatches(peer.podSelector, other.labels) : true;
  }
  // podSelector alone: pods of the policy's own namespace.
  return other.namespace === policyNamespace && labelSelectorMatches(peer.podSelector, other.labels);
}

function portMatches(rulePort: NetworkPolicyPort, port: number, protocol: Protocol, pod: PodObj | undefined): boolean {
  if (rulePort.protocol !== protocol) return false;
  if (rulePort.port === undefined) return true;
  if (typeof rulePort.port === 'number') return port >= rulePort.port && port <= (rulePort.endPort ?? rulePort.port);
  // A named port is the name of a container port of the pod the traffic goes to.
  return (
    pod?.template.containers.some((c) =>
      c.ports.some((p) => p.name === rulePort.port && p.containerPort === port && p.protocol === protocol),
    ) ?? false
  );
}

function verdict(
  selecting: NetworkPolicyObj[],
  rulesOf: (policy: NetworkPolicyObj) => NetworkPolicyObj['ingress'],
  peer: TrafficPeer,
  port: number,
  protocol: Protocol,
  portPod: PodObj | undefined,
  labelsOfNamespace: (namespace: string) => LabelMap,
): PolicyVerdict {
  if (selecting.length === 0) return { allowed: true, selecting };
  for (const policy of selecting) {
    const namespace = policy.namespace ?? 'default';
    for (const rule of rulesOf(policy)) {
      const peerOk =
        rule.peers.length === 0 || rule.peers.some((p) => peerMatches(p, namespace, peer, labelsOfNamespace));
      const portOk = rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, port, protocol, portPod));
      if (peerOk && portOk) return { allowed: true, selecting, allowedBy: policy };
    }
  }
  return { allowed: false, selecting };
}

/**
 * Whether the NetworkPolicies of the destination pod's namespace let `source` in on `port`.
 * A pod selected by no Ingress policy is open; once selected, one rule of one selecting policy
 * must allow the peer and the port (policies are additive).
 */
export function checkIngressPolicies(
  policies: readonly NetworkPolicyObj[],
  destination: PodObj,
  source: TrafficPeer,
  port: number,
  protocol: Protocol,
  labelsOfNamespace: (namespace: string) => LabelMap,
): PolicyVerdict {
  const namespace = destination.namespace ?? 'default';
  const selecting = policies.filter(
    (p) =>
      (p.namespace ?? 'default') === namespace &&
      p.policyTypes.includes('Ingress') &&
      labelSelectorMatches(p.podSelector, destination.template.labels),
  );
  return verdict(selecting, (p) => p.ingress, source, port, protocol, destination, labelsOfNamespace);
}

/**
 * Whether the NetworkPolicies of the client pod's namespace let it send to `destination` on
 * `port` (checked after kube-proxy's translation: the pod and containerPort it really reaches).
 */
export function checkEgressPolicies(
  policies: readonly NetworkPolicyObj[],
  client: PodObj,
  destination: TrafficPeer,
  destinationPod: PodObj | undefined,
  port: number,
  protocol: Protocol,
  labelsOfNamespace: (namespace: string) => LabelMap,
): PolicyVerdict {
  const namespace = client.namespace ?? 'default';
  const selecting = policies.filter(
    (p) =>
      (p.namespace ?? 'default') === namespace &&
      p.policyTypes.includes('Egress') &&
      labelSelectorMatches(p.podSelector, client.template.labels),
  );
  return verdict(selecting, (p) => p.egress, destination, port, protocol, destinationPod, labelsOfNamespace);
}

/** A pod as a policy peer. */
export function podPeer(pod: PodObj): TrafficPeer {
  return {
    kind: 'pod',
    name: pod.name,
    namespace: pod.namespace ?? 'default',
    labels: pod.template.labels,
    podId: pod.id,
  };
}
