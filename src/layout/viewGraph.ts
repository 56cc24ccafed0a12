import type { Diagnostic, Severity } from '../core/model/diagnostics';
import type { ObjectId } from '../core/model/ids';
import type { EdgeKind, Role, Topology, TopologyObject } from '../core/model/topology';

/**
 * The view step: Topology → boxes and arrows with sizes, before any position is known.
 * Pure; knows text metrics only as estimates (no DOM), so it runs in a worker and in Node.
 */

export type ViewMode = 'infrastructure' | 'application';

export type ViewOptions = {
  mode: ViewMode;
  /** draw ConfigMaps, Secrets, PVCs, ServiceAccounts */
  showConfig: boolean;
};

export const DEFAULT_VIEW_OPTIONS: ViewOptions = { mode: 'infrastructure', showConfig: false };

export type ProblemCounts = Record<Severity, number>;

export type ViewNode = {
  id: string;
  /** the Topology object it draws; synthetic groups have none */
  objectId?: ObjectId;
  role: Role | 'group';
  kind: string;
  title: string;
  subtitle?: string;
  lines: string[];
  parent?: string;
  group: boolean;
  width: number;
  height: number;
  problems: ProblemCounts;
};

export type ViewEdge = {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label?: string;
  /** inferred or dependency edges are dashed; edges that carry traffic are solid */
  dashed: boolean;
};

export type ViewGraph = { nodes: ViewNode[]; edges: ViewEdge[] };

// Estimates of the rendered text (no DOM here): 13px bold titles, 11.5px text and monospace lines.
const TITLE_CHAR_WIDTH = 7.9;
const CHAR_WIDTH = 6.6;
const MONO_CHAR_WIDTH = 7.0;
const LINE_HEIGHT = 18;
const HEADER_HEIGHT = 62;
const MIN_WIDTH = 150;
const MAX_WIDTH = 400;
const TRAFFIC_EDGES: ReadonlySet<EdgeKind> = new Set(['routes', 'selects']);

/** Builds the boxes and arrows of a topology for one view. */
export function buildViewGraph(
  topology: Topology,
  diagnostics: readonly Diagnostic[],
  options: ViewOptions = DEFAULT_VIEW_OPTIONS,
): ViewGraph {
  const problems = countProblems(diagnostics);
  const nodes: ViewNode[] = [];
  const shown = new Set<string>();
  const hasOther = topology.objects.some((o) => o.role === 'generic' && topology.world === 'kubernetes');
  const clusterId = topology.objects.find((o) => o.role === 'cluster')?.id;

  const add = (node: ViewNode) => {
    nodes.push(node);
    shown.add(node.id);
  };

  for (const object of topology.objects) {
    if (!isDrawn(object, options)) continue;
    const parent = parentOf(object, topology, options, clusterId);
    add(toViewNode(object, parent, problems.get(object.id)));
  }
  if (hasOther && clusterId) {
    add(groupNode('group:other', 'Other objects', 'kinds Portolan draws as plain boxes', clusterId));
    for (const node of nodes) {
      if (node.role === 'generic' && node.parent === clusterId) node.parent = 'group:other';
    }
  }
  if (options.showConfig && clusterId && nodes.some((n) => n.role === 'config')) {
    add(groupNode('group:config', 'Config and storage', undefined, clusterId));
    for (const node of nodes) if (node.role === 'config') node.parent = 'group:config';
  }

  // Parents must come before their children (React Flow and ELK both want it).
  const ordered = orderParentsFirst(nodes);
  const edges: ViewEdge[] = [];
  const seen = new Set<string>();
  for (const edge of topology.edges) {
    if (!shown.has(edge.from) || !shown.has(edge.to)) continue;
    if (edge.kind === 'owns' && options.mode === 'infrastructure') continue;
    const id = `${edge.kind}:${edge.from}->${edge.to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({
      id,
      source: edge.from,
      target: edge.to,
      kind: edge.kind,
      ...(edge.label ? { label: edge.label } : {}),
      dashed: !TRAFFIC_EDGES.has(edge.kind),
    });
  }
  return { nodes: ordered, edges };
}

function isDrawn(object: TopologyObject, options: ViewOptions): boolean {
  switch (object.role) {
    case 'workload':
      return options.mode === 'application';
    case 'config':
      return options.showConfig;
    case 'endpoints':
    case 'ingressClass':
      return false;
    case 'generic':
      return object.kind !== 'Namespace';
    default:
      return true;
  }
}

function parentOf(
  object: TopologyObject,
  topology: Topology,
  options: ViewOptions,
  clusterId: ObjectId | undefined,
): string | undefined {
  if (object.parent) return object.parent;
  if (topology.world !== 'kubernetes' || !clusterId) return undefined;
  if (object.role === 'internet' || object.role === 'cluster') return undefined;
  void options;
  return clusterId;
}

function groupNode(id: string, title: string, subtitle: string | undefined, parent: string | undefined): ViewNode {
  return {
    id,
    role: 'group',
    kind: 'Group',
    title,
    ...(subtitle ? { subtitle } : {}),
    lines: [],
    ...(parent ? { parent } : {}),
    group: true,
    width: 0,
    height: 0,
    problems: { error: 0, warning: 0, info: 0 },
  };
}

const GROUP_ROLES: ReadonlySet<string> = new Set(['cluster', 'node', 'host', 'network']);

function toViewNode(object: TopologyObject, parent: string | undefined, problems: ProblemCounts | undefined): ViewNode {
  const { title, subtitle, lines } = describe(object);
  const group = GROUP_ROLES.has(object.role);
  const textWidth =
    Math.max(
      title.length * TITLE_CHAR_WIDTH,
      (subtitle ?? '').length * CHAR_WIDTH,
      ...lines.map((l) => l.length * MONO_CHAR_WIDTH),
    ) + 30;
  return {
    id: object.id,
    objectId: object.id,
    role: object.role,
    kind: object.kind,
    title,
    ...(subtitle ? { subtitle } : {}),
    lines,
    ...(parent ? { parent } : {}),
    group,
    width: group ? 0 : Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, textWidth))),
    height: group ? 0 : HEADER_HEIGHT + lines.length * LINE_HEIGHT + (lines.length > 0 ? 8 : 0),
    problems: problems ?? { error: 0, warning: 0, info: 0 },
  };
}

/** What a box says: its title, a subtitle and a few lines of detail. */
export function describe(object: TopologyObject): { title: string; subtitle?: string; lines: string[] } {
  switch (object.role) {
    case 'internet':
      return { title: 'Internet', subtitle: 'clients outside the cluster', lines: [] };
    case 'cluster':
      return { title: object.name || 'Cluster', subtitle: 'Kubernetes cluster', lines: [] };
    case 'controlPlane':
      return { title: 'Control plane', subtitle: object.components.join(' · '), lines: [] };
    case 'node':
      return {
        title: object.name,
        subtitle: `${object.simulated ? 'simulated worker' : 'worker'} · kubelet · kube-proxy · runtime`,
        lines: [],
      };
    case 'pod':
      return {
        title: object.name,
        subtitle: object.unschedulable ? `Pod · unschedulable` : 'Pod',
        lines: object.template.containers.map(
          (c) =>
            `${c.name}${c.ports.length ? ' ' + c.ports.map((p) => `:${p.containerPort}${p.name ? ` (${p.name})` : ''}`).join(' ') : ''}`,
        ),
      };
    case 'service': {
      const type = object.headless ? 'headless' : object.serviceType;
      const lines = object.servicePorts.map(
        (p) =>
          `${p.port} → ${p.targetPort}${p.nodePort ? ` · node :${p.nodePort}` : ''}${p.protocol !== 'TCP' ? ' ' + p.protocol : ''}`,
      );
      if (object.externalName) lines.push(`→ ${object.externalName}`);
      if (object.selector)
        lines.push(
          Object.entries(object.selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ') || '{}',
        );
      return { title: object.name, subtitle: `Service · ${type}`, lines };
    }
    case 'ingress': {
      const lines: string[] = [];
      for (const rule of object.rules) {
        for (const path of rule.paths) {
          const backend = path.backend.service
            ? `${path.backend.service.name}:${path.backend.service.port.number ?? path.backend.service.port.name ?? ''}`
            : (path.backend.resource?.name ?? '?');
          lines.push(`${rule.host ?? '*'}${path.path} (${path.pathType})`, `  → ${backend}`);
        }
      }
      if (object.defaultBackend?.service) lines.push(`default → ${object.defaultBackend.service.name}`);
      const tls = object.tls.length > 0 ? ' · TLS' : '';
      return {
        title: object.name,
        subtitle: `Ingress${object.ingressClassName ? ` · ${object.ingressClassName}` : ''}${tls}`,
        lines,
      };
    }
    case 'gateway':
      return {
        title: object.name,
        subtitle: `Gateway${object.gatewayClassName ? ` · ${object.gatewayClassName}` : ''}`,
        lines: object.listeners.map((l) => `${l.name}: ${l.protocol} ${l.hostname ?? '*'}:${l.port}`),
      };
    case 'httpRoute':
      return {
        title: object.name,
        subtitle: 'HTTPRoute',
        lines: [
          ...(object.hostnames.length ? [object.hostnames.join(', ')] : []),
          ...object.rules.map(
            (r) =>
              `${r.matches.map((m) => m.path?.value ?? '/').join(' ') || '/'} → ${r.backendRefs.map((b) => b.name).join(', ')}`,
          ),
        ],
      };
    case 'networkPolicy':
      return { title: object.name, subtitle: `NetworkPolicy · ${object.policyTypes.join(', ')}`, lines: [] };
    case 'workload':
      return {
        title: object.name,
        subtitle: `${object.kind} · ${object.replicas} replica${object.replicas === 1 ? '' : 's'}${object.autoscaler ? ` (HPA ${object.autoscaler.minReplicas}–${object.autoscaler.maxReplicas})` : ''}`,
        lines: object.template.containers.map((c) => `${c.name} ${c.image ?? ''}`.trim()),
      };
    case 'container':
      return {
        title: object.name,
        subtitle: object.image ?? (object.build ? `build ${object.build}` : 'container'),
        lines: object.exposed.map((p) => `:${p.port}${p.protocol !== 'TCP' ? '/' + p.protocol.toLowerCase() : ''}`),
      };
    default:
      return { title: object.name, subtitle: object.kind, lines: [] };
  }
}

function countProblems(diagnostics: readonly Diagnostic[]): Map<string, ProblemCounts> {
  const counts = new Map<string, ProblemCounts>();
  for (const diagnostic of diagnostics) {
    if (!diagnostic.objectId) continue;
    const entry = counts.get(diagnostic.objectId) ?? { error: 0, warning: 0, info: 0 };
    entry[diagnostic.severity] += 1;
    counts.set(diagnostic.objectId, entry);
  }
  return counts;
}

function orderParentsFirst(nodes: ViewNode[]): ViewNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const node of nodes) if (node.parent && !byId.has(node.parent)) delete node.parent;
  const depth = (node: ViewNode): number => {
    let d = 0;
    for (let p = node.parent; p && d < 10; p = byId.get(p)?.parent) d++;
    return d;
  };
  return nodes
    .map((node, index) => ({ node, index, depth: depth(node) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((entry) => entry.node);
}
