import type { World } from '../core/model/topology';
import type { ViewRole } from '../roles';

/**
 * The build-up of a presentation: the architecture revealed layer by layer, in the order a
 * workshop tells it, before any request is traced. Pure data from the drawn boxes: each step
 * says which boxes are visible (and which just appeared) and what the presenter says.
 */

export type LayerId =
  | 'internet'
  | 'ingress'
  | 'service'
  | 'pods'
  | 'nodes'
  | 'controlPlane'
  | 'host'
  | 'ports'
  | 'networks'
  | 'containers'
  | 'rest';

export type BuildUpStep = {
  layer: LayerId;
  /** what the layer is called on screen: `Service` */
  title: string;
  /** the presenter's note: a sentence saying what the layer is */
  note: string;
  /** ids of the boxes visible at this step (everything revealed so far) */
  visible: ReadonlySet<string>;
  /** ids of the boxes this step reveals */
  fresh: ReadonlySet<string>;
};

/** What the build-up reads of a box: a positioned or a view graph's node will do. */
export type BuildUpBox = { id: string; role: ViewRole; parent?: string; group: boolean };

type Layer = { id: LayerId; title: string; note: string; roles: readonly ViewRole[] };

const KUBERNETES_LAYERS: readonly Layer[] = [
  {
    id: 'internet',
    title: 'The Internet',
    note: 'Every request in this story starts outside the cluster, with a client on the Internet.',
    roles: ['internet'],
  },
  {
    id: 'ingress',
    title: 'Ingress',
    note: "An Ingress is the cluster's front door: the ingress controller reads its rules (host and path) and hands each request to a Service.",
    roles: ['ingress', 'ingressClass', 'controller', 'gateway', 'httpRoute'],
  },
  {
    id: 'service',
    title: 'Service',
    note: 'A Service gives the pods one stable name and port; kube-proxy spreads requests over them.',
    roles: ['service', 'endpoints'],
  },
  {
    id: 'pods',
    title: 'Pods',
    note: 'Pods run the containers. A Service finds its pods by their labels, not by their names, so pods can come and go.',
    roles: ['pod', 'workload', 'config', 'networkPolicy'],
  },
  {
    id: 'nodes',
    title: 'Worker nodes',
    note: 'Worker nodes are the machines the pods run on: the scheduler placed each pod, and kube-proxy on every node forwards Service traffic.',
    roles: ['node', 'registry'],
  },
  {
    id: 'controlPlane',
    title: 'Control plane',
    note: 'The control plane (API server, scheduler, controllers, etcd) keeps all of this as the YAML declares it. It never carries a request.',
    roles: ['controlPlane'],
  },
];

const COMPOSE_LAYERS: readonly Layer[] = [
  {
    id: 'host',
    title: 'The Docker host',
    note: 'One machine runs every container. Requests come from outside it, or from the host itself.',
    roles: ['host', 'internet'],
  },
  {
    id: 'ports',
    title: 'Published ports',
    note: "Published ports are the host's doors: “8080:8080” under ports opens host port 8080 and forwards it to the container. Nothing else gets in.",
    roles: ['door'],
  },
  {
    id: 'networks',
    title: 'Networks',
    note: 'Networks connect containers: on a shared network, a container reaches another by its service name.',
    roles: ['network'],
  },
  {
    id: 'containers',
    title: 'Containers',
    note: 'One container per service, each listening on its own port inside its networks.',
    roles: ['container', 'membership', 'volume'],
  },
];

const GATEWAY_NOTE =
  "A Gateway is the cluster's front door: its routes match host and path and hand each request to a Service.";

const REST: Omit<Layer, 'roles'> = {
  id: 'rest',
  title: 'Everything else',
  note: 'The rest of what the files declare.',
};

function layersOf(world: World): readonly Layer[] {
  return world === 'compose' ? COMPOSE_LAYERS : world === 'kubernetes' ? KUBERNETES_LAYERS : [];
}

/**
 * The build-up steps of a drawn graph. A group with no layer of its own (the cluster, a
 * namespace) appears with the first box inside it; a layer with no box is skipped; boxes of
 * roles no layer names come last, so the final step always shows the whole picture.
 */
export function buildUpSteps(boxes: readonly BuildUpBox[], world: World): BuildUpStep[] {
  const layers = layersOf(world);
  const layerOfRole = new Map<ViewRole, number>();
  layers.forEach((layer, i) => layer.roles.forEach((role) => layerOfRole.set(role, i)));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const ownLayer = (box: BuildUpBox): number | undefined => layerOfRole.get(box.role);

  // Each box's layer: its own, else (a group) the earliest of what it holds, else the rest.
  const rest = layers.length;
  const layerOf = new Map<string, number>();
  for (const box of boxes) if (ownLayer(box) !== undefined) layerOf.set(box.id, ownLayer(box)!);
  for (const box of boxes) {
    if (layerOf.has(box.id)) continue;
    if (!box.group) layerOf.set(box.id, rest);
  }
  // Groups without a layer take the earliest layer among their descendants (deepest first).
  const depth = (box: BuildUpBox) => {
    let d = 0;
    for (let p = box.parent; p && d < 20; p = byId.get(p)?.parent) d++;
    return d;
  };
  const groups = boxes.filter((b) => !layerOf.has(b.id)).sort((a, b) => depth(b) - depth(a));
  for (const group of groups) {
    const inside = boxes.filter((b) => b.parent === group.id).map((b) => layerOf.get(b.id) ?? rest);
    layerOf.set(group.id, inside.length ? Math.min(...inside) : rest);
  }

  const hasGatewayOnly =
    boxes.some((b) => b.role === 'gateway' || b.role === 'httpRoute') && !boxes.some((b) => b.role === 'ingress');
  const steps: BuildUpStep[] = [];
  const visible = new Set<string>();
  const all = [...layers, { ...REST, roles: [] }];
  all.forEach((layer, i) => {
    const fresh = new Set(boxes.filter((b) => layerOf.get(b.id) === i).map((b) => b.id));
    // A layer of only groups (a cluster with nothing in it yet) is no step of its own.
    if (![...fresh].some((id) => !byId.get(id)!.group || ownLayer(byId.get(id)!) === i)) {
      fresh.forEach((id) => visible.add(id));
      return;
    }
    fresh.forEach((id) => visible.add(id));
    const note = layer.id === 'ingress' && hasGatewayOnly ? GATEWAY_NOTE : layer.note;
    const title = layer.id === 'ingress' && hasGatewayOnly ? 'Gateway' : layer.title;
    steps.push({ layer: layer.id, title, note, visible: new Set(visible), fresh });
  });
  // Whatever was left out (an empty group), the last step shows the whole picture.
  const last = steps.at(-1);
  if (last && last.visible.size < boxes.length) steps[steps.length - 1] = { ...last, visible: new Set(byId.keys()) };
  return steps;
}
