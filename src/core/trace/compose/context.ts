import type { ObjectId } from '../../model/ids';
import {
  objectsOfRole,
  type ComposeContainerObj,
  type HostObj,
  type NetworkObj,
  type Topology,
} from '../../model/topology';
import type { Hop, TraceRequest } from '../types';

/** What the Compose tracer looks things up in, built once per trace. */
export type ComposeTraceContext = {
  containers: ComposeContainerObj[];
  networks: Map<ObjectId, NetworkObj>;
  host?: HostObj;
  requestIndex: number;
};

/** Builds the lookups for one trace. */
export function composeContext(topology: Topology, request: TraceRequest): ComposeTraceContext {
  const host = objectsOfRole(topology, 'host')[0];
  return {
    containers: objectsOfRole(topology, 'container'),
    networks: new Map(objectsOfRole(topology, 'network').map((n) => [n.id, n])),
    ...(host ? { host } : {}),
    requestIndex: Math.max(0, Math.floor(request.requestIndex ?? 0)),
  };
}

/** The hop of a container receiving the request on `port`. */
export function containerHop(c: ComposeContainerObj, port: number, caption: string, warning?: string): Hop {
  const exposed = c.exposed.find((e) => e.port === port);
  const what = c.image ? `image ${c.image}` : c.build ? `build ${c.build}` : 'no image';
  return {
    kind: 'container',
    name: c.name,
    port,
    detail: `${c.service}${c.replicas > 1 ? ` replica ${c.replica} of ${c.replicas}` : ''}, ${what}, port ${port}`,
    caption,
    objectId: c.id,
    ...(exposed?.span ? { span: exposed.span } : c.source ? { span: c.source } : {}),
    ...(warning ? { warning } : {}),
  };
}

/** The hop of the network a packet crosses. */
export function networkHop(
  ctx: ComposeTraceContext,
  networkId: ObjectId,
  name: string,
  caption: string,
  detail: string,
): Hop {
  const network = ctx.networks.get(networkId);
  return {
    kind: 'network',
    name,
    detail,
    caption,
    objectId: networkId,
    ...(network?.source ? { span: network.source } : {}),
  };
}

/** The replica that answers a name, round robin over requests (Docker DNS returns them all). */
export function pickReplica(targets: readonly ComposeContainerObj[], requestIndex: number): ComposeContainerObj {
  return targets[requestIndex % targets.length]!;
}
