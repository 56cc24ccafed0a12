import type { Diagnostic, Severity } from '../core/model/diagnostics';
import type { ObjectId } from '../core/model/ids';
import { objectsOfRole, type EdgeKind, type PodObj, type Topology, type TopologyObject } from '../core/model/topology';
import {
  containerLines,
  gatheringOf,
  isDrawn,
  specOf,
  VIEW_ROLES,
  type ControlPlaneMode,
  type ViewContext,
  type ViewRole,
} from '../roles';
import { buildComposeView } from './composeView';
import { registriesOf } from './registries';
import {
  countProblems,
  groupNode,
  NO_PROBLEMS,
  orderParentsFirst,
  toViewNode,
  TRAFFIC_EDGES,
  viewOnlyBox,
} from './viewNodes';
import { planStacks, type Stack } from './stacks';
import type { FoldReason } from './collapseLarge';
import { foldGroups, groupByNamespaceWhenLarge, namespaceGroupId } from './foldGroups';

export type { ControlPlaneMode } from '../roles';

/**
 * The view step: Topology → boxes and arrows with sizes, before any position is known.
 * Pure; knows text metrics only as estimates (no DOM), so it runs in a worker and in Node.
 *
 * Two views of one cluster: `infrastructure` (worker nodes holding pods, the control plane) and
 * `application` (namespace → workload → its pods, Services beside).
 */

export type ViewMode = 'infrastructure' | 'application';

export type ViewOptions = {
  mode: ViewMode;
  /** draw ConfigMaps, Secrets, PVCs, ServiceAccounts */
  showConfig: boolean;
  /** draw the image registries, and which worker nodes pull from each (infrastructure view) */
  showImages: boolean;
  /** ids of the stacks the user opened (`stack:…`) */
  expandedStacks: readonly string[];
  /** the control plane as one box, a box with a line per component, or not at all */
  controlPlane: ControlPlaneMode;
  /** ids of the groups the user closed (`ns:…`, a worker node's or a network's id) */
  collapsedGroups: readonly string[];
  /** ids of the groups the user opened, which a large input would otherwise draw closed */
  openedGroups: readonly string[];
  /** close most groups of a large input (the app; a static render draws everything) */
  autoFold: boolean;
};

const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  mode: 'infrastructure',
  showConfig: false,
  showImages: false,
  expandedStacks: [],
  controlPlane: 'collapsed',
  collapsedGroups: [],
  openedGroups: [],
  autoFold: false,
};

export type ProblemCounts = Record<Severity, number>;

export type ViewNode = {
  id: string;
  /** the Topology object it draws; synthetic groups and stacks have none */
  objectId?: ObjectId;
  role: ViewRole;
  kind: string;
  title: string;
  subtitle?: string;
  lines: string[];
  parent?: string;
  group: boolean;
  width: number;
  height: number;
  problems: ProblemCounts;
  /** a closed stack: the pods it stands for */
  stack?: { pods: ObjectId[] };
  /** an opened stack this box belongs to, which it can be folded back into */
  collapsibleStack?: string;
  /**
   * Trace hops at `objectId` (with a port in `port`…`portEnd`, when given) land on this box rather
   * than on the object's own: a request at the Docker host on port 8080 lands on its door.
   */
  hopAnchor?: { objectId: string; port?: number; portEnd?: number };
  /** a group the user may close into one box (a namespace, a worker node, a Compose network) */
  foldable?: boolean;
  /** a group drawn closed: the objects it stands for (a trace hop at one lands here), and why */
  folded?: { holds: ObjectId[]; reason: FoldReason };
  /** the API server would refuse the object: drawn dashed, with this line (`rejected: …`) and `rejectedMessage` */
  rejected?: string;
  rejectedMessage?: string;
};

export type ViewEdge = {
  id: string;
  source: string;
  target: string;
  /** `pulls`: a registry → the worker nodes whose runtime pulls its images (the images layer) */
  kind: EdgeKind | 'pulls';
  label?: string;
  /** inferred or dependency edges are dashed; edges that carry traffic are solid */
  dashed: boolean;
  /**
   * Whether the edge shapes the layout, when not as its dash says (solid ones do, dashed ones
   * don't). `true`: Compose's dependencies, which read left to right (api → its database);
   * Kubernetes' inferred edges point backwards and would tangle the columns. `false`: an arrow to
   * a closed group, which would line 25 closed namespaces up in one column.
   */
  shapesLayout?: boolean;
};

/** Whether an edge takes part in ELK's pass (and so keeps its ends from being docked). */
export function shapesLayout(edge: ViewEdge): boolean {
  return edge.shapesLayout ?? !edge.dashed;
}

export type ViewGraph = { nodes: ViewNode[]; edges: ViewEdge[] };

const CLUSTER_WIDE = 'group:cluster-wide';

/** Builds the boxes and arrows of a topology for one view. */
export function buildViewGraph(
  topology: Topology,
  diagnostics: readonly Diagnostic[],
  options: Partial<ViewOptions> = {},
): ViewGraph {
  const view: ViewOptions = { ...DEFAULT_VIEW_OPTIONS, ...options };
  if (topology.world === 'compose') return foldGroups(buildComposeView(topology, diagnostics), view);
  // Compose has no namespaces or workloads: its application view is its only view.
  const application = view.mode === 'application' && topology.world === 'kubernetes';
  const context: ViewContext = { application, showConfig: view.showConfig, controlPlane: view.controlPlane };
  const problems = countProblems(diagnostics, application ? undefined : topology);
  const byId = new Map(topology.objects.map((o) => [o.id, o]));
  const clusterId = topology.objects.find((o) => o.role === 'cluster')?.id;
  const nodes: ViewNode[] = [];
  const groups = new Map<string, ViewNode>();
  const addGroup = (id: string, make: () => ViewNode): string => {
    if (!groups.has(id)) groups.set(id, make());
    return id;
  };
  const namespaceGroup = (namespace: string): string =>
    addGroup(namespaceGroupId(namespace), () => {
      const declared = topology.objects.find((o) => o.kind === 'Namespace' && o.name === namespace);
      return {
        ...groupNode(namespaceGroupId(namespace), namespace, 'namespace', undefined),
        kind: 'Namespace',
        ...(declared ? { objectId: declared.id, problems: problems.get(declared.id) ?? NO_PROBLEMS } : {}),
      };
    });

  // Where each drawn object sits; pods are set aside to be stacked first.
  const pods: { pod: PodObj; parent: string | undefined }[] = [];
  for (const object of topology.objects) {
    if (!isDrawn(object, context)) continue;
    let parent: string | undefined;
    if (application) {
      parent = applicationParent(object, byId, namespaceGroup);
      if (parent === CLUSTER_WIDE)
        addGroup(CLUSTER_WIDE, () => groupNode(CLUSTER_WIDE, 'Cluster-wide', 'objects without a namespace', undefined));
    } else {
      parent = infrastructureParent(object, topology, clusterId);
    }
    if (object.role === 'pod') pods.push({ pod: object, parent });
    nodes.push(toViewNode(object, parent, problems.get(object.id), context));
  }

  const stacks = planStacks(pods, !application, new Set(view.expandedStacks));
  const drawn = stackPods(nodes, stacks.closed, byId, problems, application);
  for (const stack of stacks.open) {
    if (application) {
      const workload = drawn.find((n) => n.id === stack.owner);
      if (workload) workload.collapsibleStack = stack.id;
    } else {
      // One fold-back button per opened stack, on its first pod, keeps the node calm.
      const first = drawn.find((n) => n.id === stack.pods[0]!.id);
      if (first) first.collapsibleStack = stack.id;
    }
  }
  drawn.unshift(...groups.values());

  if (application) gatherPerNamespace(drawn);
  else if (clusterId) {
    gatherInCluster(drawn, clusterId);
    if (view.autoFold) groupByNamespaceWhenLarge(drawn, clusterId, byId);
  }

  const pulls = !application && view.showImages ? addRegistries(topology, drawn) : [];

  const edges = drawnEdges(topology, drawn, stacks.stackOf, byId);
  const withController = addIngressController(topology, drawn, edges, clusterId);
  // Parents must come before their children (React Flow and ELK both want it).
  const ordered = orderParentsFirst(drawn);
  return foldGroups({ nodes: ordered, edges: [...withController, ...pulls] }, view);
}

/** The id of the ingress controller's box. */
export const INGRESS_CONTROLLER_ID = 'view:ingress-controller';

/**
 * The ingress controller between the Internet and the Ingresses: one box (in the cluster, when
 * drawn) that the Internet's arrows to Ingresses go through, so the trace's controller hop has a
 * box of its own instead of landing on an Ingress.
 */
function addIngressController(
  topology: Topology,
  nodes: ViewNode[],
  edges: ViewEdge[],
  clusterId: string | undefined,
): ViewEdge[] {
  const ingresses = new Set(nodes.filter((n) => n.role === 'ingress').map((n) => n.id));
  const internet = nodes.find((n) => n.role === 'internet');
  const into = edges.filter((e) => e.source === internet?.id && ingresses.has(e.target) && e.kind === 'routes');
  if (!internet || into.length === 0) return edges;
  const classes = [
    ...new Set(
      objectsOfRole(topology, 'ingress')
        .map((i) => i.ingressClassName)
        .filter(Boolean),
    ),
  ];
  nodes.push(
    viewOnlyBox({
      id: INGRESS_CONTROLLER_ID,
      role: 'controller',
      kind: 'Controller',
      title: classes.length === 1 ? `${classes[0]} controller` : 'ingress controller',
      subtitle: ':80 · :443',
      lines: [],
      ...(clusterId && nodes.some((n) => n.id === clusterId) ? { parent: clusterId } : {}),
    }),
  );
  const inbound: ViewEdge = {
    id: `routes:${internet.id}->${INGRESS_CONTROLLER_ID}`,
    source: internet.id,
    target: INGRESS_CONTROLLER_ID,
    kind: 'routes',
    dashed: false,
  };
  const onward = into.map((e) => ({
    ...e,
    id: `routes:${INGRESS_CONTROLLER_ID}->${e.target}`,
    source: INGRESS_CONTROLLER_ID,
  }));
  return [inbound, ...edges.filter((e) => !into.includes(e)), ...onward];
}

/** The images layer: a box per registry (its images listed), an arrow to each node that pulls. */
function addRegistries(topology: Topology, nodes: ViewNode[]): ViewEdge[] {
  const registries = registriesOf(topology);
  if (registries.length === 0) return [];
  nodes.push(groupNode('group:registries', 'Image registries', "pulled by each node's container runtime", undefined));
  const edges: ViewEdge[] = [];
  for (const registry of registries) {
    const id = `registry:${registry.host}`;
    const prefix = `${registry.host}/`;
    const lines = registry.images.map((image) => (image.startsWith(prefix) ? image.slice(prefix.length) : image));
    nodes.push(
      viewOnlyBox({
        id,
        role: 'registry',
        kind: 'Registry',
        title: registry.host,
        subtitle: `${registry.images.length} image${registry.images.length === 1 ? '' : 's'}`,
        lines,
        parent: 'group:registries',
      }),
    );
    for (const node of registry.nodes) {
      edges.push({ id: `pulls:${id}->${node}`, source: id, target: node, kind: 'pulls', dashed: true });
    }
  }
  return edges;
}

/**
 * Infrastructure view: the cluster's boxes of a gathering role (`RoleSpec.gathers`: plain kinds,
 * config and storage) go into one synthetic group each, in the registry's order.
 */
function gatherInCluster(nodes: ViewNode[], clusterId: string): void {
  for (const role of VIEW_ROLES) {
    const gathering = gatheringOf(role);
    if (!gathering || !nodes.some((n) => n.role === role && n.parent === clusterId)) continue;
    nodes.push(groupNode(gathering.id, gathering.title, gathering.subtitle, clusterId));
    for (const node of nodes) if (node.role === role && node.parent === clusterId) node.parent = gathering.id;
  }
}

/**
 * Application view: a namespace's boxes of a role that gathers per namespace (ConfigMaps,
 * Secrets, claims, ServiceAccounts) go into one group beside the namespace. Only traffic edges
 * place boxes (elkLayout), so config boxes inside the namespace would be scattered among the
 * Services of its first column.
 */
function gatherPerNamespace(nodes: ViewNode[]): void {
  for (const role of VIEW_ROLES) {
    const gathering = gatheringOf(role);
    if (!gathering?.perNamespace) continue;
    const namespaces = [...new Set(nodes.filter((n) => n.role === role && n.parent).map((n) => n.parent!))];
    for (const namespace of namespaces) {
      const id = `${gathering.id}:${namespace}`;
      const name = namespace.replace(/^ns:/, '');
      nodes.push(groupNode(id, gathering.title, `namespace ${name}`, nodes.find((n) => n.id === namespace)?.parent));
      for (const node of nodes) if (node.role === role && node.parent === namespace) node.parent = id;
    }
  }
}

function infrastructureParent(
  object: TopologyObject,
  topology: Topology,
  clusterId: ObjectId | undefined,
): string | undefined {
  if (object.parent) return object.parent;
  if (topology.world !== 'kubernetes' || !clusterId) return undefined;
  if (specOf(object).root) return undefined;
  return clusterId;
}

/** Application view: a pod sits in its workload, everything namespaced in its namespace. */
function applicationParent(
  object: TopologyObject,
  byId: ReadonlyMap<string, TopologyObject>,
  namespaceGroup: (namespace: string) => string,
): string | undefined {
  const spec = specOf(object);
  if (spec.root) return undefined;
  const own = spec.applicationParent?.(object, byId);
  if (own) return own;
  if (object.namespace) return namespaceGroup(object.namespace);
  return CLUSTER_WIDE;
}

/** Replaces the pods of each closed stack by one stack box, where its first pod was. */
function stackPods(
  nodes: ViewNode[],
  closed: readonly Stack[],
  byId: ReadonlyMap<string, TopologyObject>,
  problems: ReadonlyMap<string, ProblemCounts>,
  application: boolean,
): ViewNode[] {
  if (closed.length === 0) return nodes;
  const firstPod = new Map(closed.map((s) => [s.pods[0]!.id as string, s]));
  const stacked = new Set(closed.flatMap((s) => s.pods.map((p) => p.id as string)));
  const result: ViewNode[] = [];
  for (const node of nodes) {
    const stack = firstPod.get(node.id);
    if (stack) result.push(stackNode(stack, byId.get(stack.owner)?.name ?? 'pods', problems, application, node));
    else if (!stacked.has(node.id)) result.push(node);
  }
  return result;
}

function stackNode(
  stack: Stack,
  ownerName: string,
  problems: ReadonlyMap<string, ProblemCounts>,
  application: boolean,
  firstPod: ViewNode,
): ViewNode {
  // The pods of a stack share their workload's problems: show them once, not once per pod.
  const counts = { ...NO_PROBLEMS };
  for (const pod of stack.pods) {
    const own = problems.get(pod.id);
    if (own)
      for (const severity of ['error', 'warning', 'info'] as const)
        counts[severity] = Math.max(counts[severity], own[severity]);
  }
  const title = `${ownerName} ×${stack.pods.length}`;
  const subtitle = `${stack.pods.length} pods${application ? '' : ' on this node'} · stacked`;
  const lines = containerLines(stack.pods[0]!);
  return {
    id: stack.id,
    role: 'pod',
    kind: 'Pod',
    title,
    subtitle,
    lines,
    parent: stack.parent,
    group: false,
    // Room for the stacked-cards edge drawn by CSS below and to the right of the box.
    width: firstPod.width + 8,
    height: firstPod.height + 8,
    problems: counts,
    stack: { pods: stack.pods.map((p) => p.id) },
  };
}

/**
 * The arrows between drawn boxes. An end that is not drawn is moved to what stands for it: a
 * stacked pod to its stack, a workload (infrastructure view) to its pods. Duplicates merge.
 */
function drawnEdges(
  topology: Topology,
  nodes: readonly ViewNode[],
  stackOf: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, TopologyObject>,
): ViewEdge[] {
  const shown = new Set(nodes.map((n) => n.id));
  const boxesOf = (id: string): string[] => {
    if (shown.has(id)) return [id];
    const stack = stackOf.get(id);
    if (stack) return [stack];
    const object = byId.get(id);
    const standsFor = object ? specOf(object).standsFor?.(object) : undefined;
    if (!standsFor) return [];
    return [...new Set(standsFor.flatMap((other) => boxesOf(other)))];
  };
  const edges: ViewEdge[] = [];
  const seen = new Set<string>();
  for (const edge of topology.edges) {
    // Ownership is drawn by containment (application view) or not at all (infrastructure).
    if (edge.kind === 'owns') continue;
    for (const source of boxesOf(edge.from)) {
      for (const target of boxesOf(edge.to)) {
        const id = `${edge.kind}:${source}->${target}`;
        if (source === target || seen.has(id)) continue;
        seen.add(id);
        edges.push({
          id,
          source,
          target,
          kind: edge.kind,
          ...(edge.label ? { label: edge.label } : {}),
          dashed: !TRAFFIC_EDGES.has(edge.kind),
        });
      }
    }
  }
  return edges;
}
