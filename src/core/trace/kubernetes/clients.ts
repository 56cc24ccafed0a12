import type { GatewayObj, PodObj } from '../../model/topology';
import { namespaceOf, type KubeContext } from './kubeContext';
import { isReadyEndpoint } from './endpointPick';
import type { TrafficPeer } from './networkPolicy';

/**
 * The pod a `from` name stands for: a workload (its first scheduled pod), a pod, or a Service
 * (its first ready endpoint). `namespace/name` picks the namespace; a bare name searches all,
 * `default` first.
 */
export function resolveClientPod(ctx: KubeContext, from: string): PodObj | { error: string } {
  const slash = from.indexOf('/');
  const namespace = slash === -1 ? undefined : from.slice(0, slash);
  const name = slash === -1 ? from : from.slice(slash + 1);
  const inScope = <T extends { name: string; namespace?: string }>(o: T) =>
    o.name === name && (namespace === undefined || namespaceOf(o) === namespace);
  const preferDefault = <T extends { namespace?: string }>(list: T[]) =>
    [...list].sort((a, b) => Number(namespaceOf(a) !== 'default') - Number(namespaceOf(b) !== 'default'));

  const podsById = (ids: readonly string[]) =>
    ids.map((id) => ctx.pods.find((p) => p.id === id)).filter((p): p is PodObj => p !== undefined);
  const firstPod = (pods: PodObj[]) => pods.find(isReadyEndpoint) ?? pods[0];

  for (const workload of preferDefault(ctx.workloads.filter(inScope))) {
    const pod = firstPod(podsById(workload.pods));
    if (pod) return pod;
  }
  const pod = preferDefault(ctx.pods.filter(inScope))[0];
  if (pod) return pod;
  for (const service of preferDefault(ctx.services.filter(inScope))) {
    const endpoint = firstPod(podsById(service.endpoints));
    if (endpoint) return endpoint;
  }
  const known = [...new Set(ctx.workloads.map((w) => w.name))].slice(0, 8).join(', ');
  return {
    error: `--from ${from}: no workload, pod or Service with pods is named "${name}"${namespace ? ` in namespace ${namespace}` : ''}.${known ? ` Workloads here: ${known}.` : ''}`,
  };
}

/**
 * Who a Gateway's traffic comes from, for NetworkPolicy: a stand-in proxy pod in the Gateway's
 * namespace labelled `gateway.networking.k8s.io/gateway-name: <gateway>` (the label Istio and
 * Envoy Gateway put on the proxies they deploy).
 */
export function gatewayPeer(gateway: GatewayObj): TrafficPeer {
  return {
    kind: 'pod',
    name: `${gateway.name}-proxy`,
    namespace: namespaceOf(gateway),
    labels: { 'gateway.networking.k8s.io/gateway-name': gateway.name },
  };
}
