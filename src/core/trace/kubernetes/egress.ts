import type { PodObj } from '../../model/topology';
import type { KubeContext } from './kubeContext';
import { checkEgressPolicies, type PolicyVerdict, type TrafficPeer } from './networkPolicy';

/** Cluster DNS as an egress peer: CoreDNS pods, labelled as kubeadm, kind and most distributions do. */
const CLUSTER_DNS: TrafficPeer = {
  kind: 'pod',
  name: 'coredns',
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
};

/**
 * A public address stands for a name outside the cluster: Portolan resolves no public DNS, so an
 * `ipBlock` is checked against this documentation address (TEST-NET-2), and `0.0.0.0/0` matches it.
 */
export const PUBLIC_DESTINATION_IP = '198.51.100.20';

/** Whether the client's egress policies let it ask cluster DNS (UDP 53 to kube-dns in kube-system). */
export function dnsEgress(ctx: KubeContext, client: PodObj): PolicyVerdict {
  return checkEgressPolicies(ctx.policies, client, CLUSTER_DNS, undefined, 53, 'UDP', ctx.labelsOfNamespace);
}

/** Whether the client's egress policies let it reach an address outside the cluster on a port. */
export function externalEgress(ctx: KubeContext, client: PodObj, ip: string, port: number): PolicyVerdict {
  return checkEgressPolicies(
    ctx.policies,
    client,
    { kind: 'external', ip },
    undefined,
    port,
    'TCP',
    ctx.labelsOfNamespace,
  );
}

/** `default-deny-egress, web-egress`: the policies a verdict names. */
export function policyNames(verdict: PolicyVerdict): string {
  return verdict.selecting.map((policy) => policy.name).join(', ');
}
