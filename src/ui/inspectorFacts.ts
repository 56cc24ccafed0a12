import type { Diagnostic } from '../core/model/diagnostics';
import type { ObjectId } from '../core/model/ids';
import type { SourceSpan } from '../core/model/source';
import { sourceOf } from '../core/model/topology';
import type {
  IngressObj,
  LabelMap,
  LabelSelector,
  PodTemplate,
  ServiceObj,
  TopologyIndex,
  TopologyObject,
} from '../core/model/topology';
import { CONTROL_PLANE_ROLES, workloadSummary } from '../layout/describe';

/**
 * What the inspector says about one selected box, as plain data: key/value rows, and sections of
 * links to the objects it connects to. Pure, so the panel only renders.
 */

export type InspectorLink = { id: string; label: string; detail?: string };
export type InspectorRow = { key: string; value: string; mono?: boolean };
export type InspectorSection = { title: string; rows?: InspectorRow[]; links?: InspectorLink[] };
export type Inspection = {
  kind: string;
  name: string;
  namespace?: string;
  /** where its YAML starts, for a "show YAML" link */
  span?: SourceSpan;
  sections: InspectorSection[];
  diagnostics: Diagnostic[];
};

/**
 * Facts about the box `id`: a Topology object, a stack of pods (`members` are its pods) or a
 * namespace group (`ns:<name>`). Undefined when the id no longer stands for anything.
 */
export function inspect(
  index: TopologyIndex,
  diagnostics: readonly Diagnostic[],
  id: string,
  members?: readonly string[],
): Inspection | undefined {
  if (members) return inspectStack(index, diagnostics, members);
  if (id.startsWith('ns:')) return inspectNamespace(index, id.slice(3));
  const object = index.byId.get(id as ObjectId);
  if (!object) return undefined;
  const sections: InspectorSection[] = [];
  const add = (section: InspectorSection) => {
    if (section.rows?.length || section.links?.length) sections.push(section);
  };
  const link = (target: string, detail?: string): InspectorLink | undefined => {
    const found = index.byId.get(target as ObjectId);
    return found ? { id: found.id, label: `${found.kind} ${found.name}`, ...(detail ? { detail } : {}) } : undefined;
  };
  const links = (list: (InspectorLink | undefined)[]) => uniqueLinks(list);
  const incoming = (target: string, kind: string) =>
    (index.incoming.get(target as ObjectId) ?? []).filter((e) => e.kind === kind);
  const outgoing = (source: string, kind: string) =>
    (index.outgoing.get(source as ObjectId) ?? []).filter((e) => e.kind === kind);

  add({ title: 'Labels', rows: labelRows(object.labels) });

  // The object whose spec makes the pods: a workload, or the bare pod itself.
  const owner = object.role === 'pod' && object.owner ? index.byId.get(object.owner) : undefined;
  const maker = owner ?? object;

  switch (object.role) {
    case 'workload': {
      add({
        title: 'Details',
        rows: [
          { key: 'replicas', value: workloadSummary(object) },
          ...(object.autoscaler
            ? [
                {
                  key: 'HPA',
                  value: `${object.autoscaler.name}: ${object.autoscaler.minReplicas}–${object.autoscaler.maxReplicas} replicas`,
                },
              ]
            : []),
          ...(object.serviceName ? [{ key: 'service', value: object.serviceName }] : []),
        ],
      });
      if (object.selector) add({ title: 'Selector', rows: selectorRows(object.selector) });
      add(containersSection(object.template));
      add({ title: 'Pods', links: links(object.pods.map((pod) => link(pod))) });
      break;
    }
    case 'pod': {
      add({
        title: 'Placement',
        rows: object.unschedulable ? [{ key: 'unschedulable', value: object.unschedulable }] : [],
        links: links([
          object.node ? link(object.node, 'node') : undefined,
          object.owner ? link(object.owner, 'owner') : undefined,
        ]),
      });
      add(containersSection(object.template));
      const services = incoming(object.id, 'selects').map((e) => e.from);
      add({ title: 'Selected by', links: links(services.map((s) => link(s))) });
      add({ title: 'Reached from', links: links(services.flatMap((s) => ingressLinks(index, s, true))) });
      break;
    }
    case 'service': {
      add({
        title: 'Details',
        rows: [
          { key: 'type', value: object.headless ? `${object.serviceType} (headless)` : object.serviceType },
          ...(object.externalName ? [{ key: 'external name', value: object.externalName, mono: true }] : []),
          ...(object.sessionAffinity !== 'None' ? [{ key: 'affinity', value: object.sessionAffinity }] : []),
        ],
      });
      add({ title: 'Ports', rows: servicePortRows(object) });
      if (object.selector) add({ title: 'Selector', rows: labelRows(object.selector) });
      add({ title: 'Endpoints', links: links(object.endpoints.map((pod) => link(pod))) });
      add({ title: 'Reached from', links: ingressLinks(index, object.id, false) });
      add({
        title: 'Talked to by (inferred)',
        links: links(incoming(object.id, 'talks-to').map((e) => link(e.from, e.label))),
      });
      break;
    }
    case 'ingress':
      add({
        title: 'Details',
        rows: [
          ...(object.ingressClassName ? [{ key: 'class', value: object.ingressClassName }] : []),
          ...object.tls.map((tls) => ({
            key: 'TLS',
            value: `${tls.hosts.join(', ') || '*'}${tls.secretName ? ` (${tls.secretName})` : ''}`,
            mono: true,
          })),
        ],
      });
      add({
        title: 'Rules',
        links: links(
          outgoing(object.id, 'routes').flatMap((e) =>
            ruleTexts(object, index.byId.get(e.to)).map((text) => link(e.to, text)),
          ),
        ),
      });
      break;
    case 'node':
      add({
        title: 'Details',
        rows: [
          { key: 'runs', value: object.components.join(' · ') },
          ...object.taints.map((t) => ({
            key: 'taint',
            value: `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
            mono: true,
          })),
        ],
      });
      add({ title: 'Pods', links: links((index.children.get(object.id) ?? []).map((child) => link(child.id))) });
      break;
    case 'controlPlane':
      add({
        title: 'Components',
        rows: object.components.map((c) => ({ key: c, value: CONTROL_PLANE_ROLES[c] ?? '' })),
      });
      break;
    case 'config':
      add({ title: 'Keys', rows: object.keys.map((key) => ({ key, value: '', mono: true })) });
      add({ title: 'Used by', links: links(incoming(object.id, 'uses').map((e) => link(e.from))) });
      break;
    default:
      break;
  }

  if (maker.role === 'workload' || maker.role === 'pod') {
    add({
      title: 'Talks to (inferred)',
      links: links(outgoing(maker.id, 'talks-to').map((e) => link(e.to, e.label))),
    });
    add({ title: 'Uses', links: links(outgoing(maker.id, 'uses').map((e) => link(e.to))) });
  }

  const own = diagnostics.filter((d) => d.objectId === object.id || (owner && d.objectId === owner.id));
  const span = sourceOf(index, object.id);
  return {
    kind: object.kind,
    name: object.name,
    ...(object.namespace ? { namespace: object.namespace } : {}),
    ...(span ? { span } : {}),
    sections,
    diagnostics: own,
  };
}

function inspectStack(
  index: TopologyIndex,
  diagnostics: readonly Diagnostic[],
  members: readonly string[],
): Inspection | undefined {
  const pods = members.map((id) => index.byId.get(id as ObjectId)).filter((p) => p?.role === 'pod');
  const first = pods[0];
  if (!first) return undefined;
  const owner = first.owner ? index.byId.get(first.owner) : undefined;
  const ids = new Set<string>([...members, ...(owner ? [owner.id] : [])]);
  const span = owner?.source;
  return {
    kind: 'Pods',
    name: `${owner?.name ?? 'pods'} ×${pods.length}`,
    ...(first.namespace ? { namespace: first.namespace } : {}),
    ...(span ? { span } : {}),
    sections: [
      ...(owner ? [{ title: 'Owner', links: [{ id: owner.id, label: `${owner.kind} ${owner.name}` }] }] : []),
      containersSection(first.template),
      {
        title: 'Pods',
        links: pods.map((pod) => ({
          id: pod.id,
          label: pod.name,
          ...(pod.node ? { detail: index.byId.get(pod.node)?.name ?? '' } : {}),
        })),
      },
    ],
    diagnostics: diagnostics.filter((d) => d.objectId !== undefined && ids.has(d.objectId)),
  };
}

function inspectNamespace(index: TopologyIndex, namespace: string): Inspection {
  const inside = [...index.byId.values()].filter(
    (o) => o.namespace === namespace && o.role !== 'pod' && o.role !== 'endpoints',
  );
  const declared = [...index.byId.values()].find((o) => o.kind === 'Namespace' && o.name === namespace);
  return {
    kind: 'Namespace',
    name: namespace,
    ...(declared?.source ? { span: declared.source } : {}),
    sections: [{ title: 'Objects', links: inside.map((o) => ({ id: o.id, label: `${o.kind} ${o.name}` })) }],
    diagnostics: [],
  };
}

/** The Ingresses (and HTTPRoutes) that route to a Service, with the host and path of each rule. */
function ingressLinks(index: TopologyIndex, serviceId: string, viaService: boolean): InspectorLink[] {
  const service = index.byId.get(serviceId as ObjectId);
  const result: InspectorLink[] = [];
  for (const edge of index.incoming.get(serviceId as ObjectId) ?? []) {
    if (edge.kind !== 'routes') continue;
    const from = index.byId.get(edge.from);
    if (!from || from.role === 'internet') continue;
    const texts = from.role === 'ingress' ? ruleTexts(from, service) : [edge.label ?? ''];
    for (const text of texts.length ? texts : [edge.label ?? '']) {
      result.push({
        id: from.id,
        label: `${from.kind} ${from.name}`,
        detail: viaService && service ? `${text} → ${service.name}` : text,
      });
    }
  }
  return uniqueLinks(result);
}

/** `api.example.com/v1 (Prefix)` for each path of an Ingress that leads to the Service. */
function ruleTexts(ingress: IngressObj, service: TopologyObject | undefined): string[] {
  if (!service) return [];
  const texts: string[] = [];
  for (const rule of ingress.rules) {
    for (const path of rule.paths) {
      if (path.backend.service?.name === service.name) texts.push(`${rule.host ?? '*'}${path.path} (${path.pathType})`);
    }
  }
  if (ingress.defaultBackend?.service?.name === service.name) texts.push('default backend');
  return texts;
}

function servicePortRows(service: ServiceObj): InspectorRow[] {
  return service.servicePorts.map((p) => ({
    key: p.name ?? p.protocol,
    value: `${p.port} → ${p.targetPort}${p.nodePort ? ` · nodePort ${p.nodePort}` : ''}${p.name ? ` ${p.protocol}` : ''}`,
    mono: true,
  }));
}

function containersSection(template: PodTemplate): InspectorSection {
  const rows: InspectorRow[] = [];
  for (const container of [...template.initContainers, ...template.containers]) {
    const init = template.initContainers.includes(container) ? ' (init)' : '';
    rows.push({ key: `${container.name}${init}`, value: container.image ?? '(no image)', mono: true });
    for (const port of container.ports) {
      rows.push({
        key: '',
        value: `:${port.containerPort}/${port.protocol}${port.name ? ` (${port.name})` : ''}${port.hostPort ? ` · host :${port.hostPort}` : ''}`,
        mono: true,
      });
    }
  }
  return { title: 'Containers', rows };
}

function labelRows(labels: LabelMap | undefined): InspectorRow[] {
  return Object.entries(labels ?? {}).map(([key, value]) => ({ key, value, mono: true }));
}

function selectorRows(selector: LabelSelector): InspectorRow[] {
  return [
    ...labelRows(selector.matchLabels),
    ...selector.matchExpressions.map((e) => ({
      key: e.key,
      value: `${e.operator}${e.values.length ? ` (${e.values.join(', ')})` : ''}`,
      mono: true,
    })),
  ];
}

function uniqueLinks(list: readonly (InspectorLink | undefined)[]): InspectorLink[] {
  const seen = new Set<string>();
  const result: InspectorLink[] = [];
  for (const link of list) {
    if (!link) continue;
    const key = `${link.id}|${link.detail ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(link);
  }
  return result;
}
