import type { ObjectId } from '../../core/model/ids';
import type { IngressObj, LabelSelector, PodTemplate, TopologyObject } from '../../core/model/topology';
import {
  labelRows,
  uniqueLinks,
  type FactContext,
  type InspectorLink,
  type InspectorRow,
  type InspectorSection,
} from '../inspection';

/** Inspector sections that several Kubernetes roles share. */

/** A pod template's containers (init containers first), each with its image and ports. */
export function containersSection(template: PodTemplate): InspectorSection {
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

/** A label selector's labels and expressions, a row each. */
export function selectorRows(selector: LabelSelector): InspectorRow[] {
  return [
    ...labelRows(selector.matchLabels),
    ...selector.matchExpressions.map((e) => ({
      key: e.key,
      value: `${e.operator}${e.values.length ? ` (${e.values.join(', ')})` : ''}`,
      mono: true,
    })),
  ];
}

/** The Ingresses (and HTTPRoutes) that route to a Service, with the host and path of each rule. */
export function ingressLinks(context: FactContext, serviceId: string, viaService: boolean): InspectorLink[] {
  const { index } = context;
  const service = index.byId.get(serviceId as ObjectId);
  const result: InspectorLink[] = [];
  for (const edge of context.incoming(serviceId, 'routes')) {
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
export function ruleTexts(ingress: IngressObj, service: TopologyObject | undefined): string[] {
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

/** What the object whose spec makes pods (a workload, a bare pod) calls and mounts. */
export function makerSections(context: FactContext, makerId: string): InspectorSection[] {
  return [
    {
      title: 'Talks to (inferred)',
      links: uniqueLinks(context.outgoing(makerId, 'talks-to').map((e) => context.link(e.to, e.label))),
    },
    { title: 'Uses', links: uniqueLinks(context.outgoing(makerId, 'uses').map((e) => context.link(e.to))) },
  ];
}
