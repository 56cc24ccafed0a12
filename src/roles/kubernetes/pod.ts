import type { PodObj } from '../../core/model/topology';
import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';
import { containersSection, ingressLinks, makerSections } from './facts';

/** A pod's containers, one line each, with their ports: `web :8080 (http)`. */
export function containerLines(pod: PodObj): string[] {
  return pod.template.containers.map(
    (c) =>
      `${c.name}${c.ports.length ? ' ' + c.ports.map((p) => `:${p.containerPort}${p.name ? ` (${p.name})` : ''}`).join(' ') : ''}`,
  );
}

/** A pod, made by a workload (simulated) or declared bare; many of one owner draw as a stack. */
export const podRole: RoleSpec<'pod'> = {
  role: 'pod',
  label: 'Pod',
  colour: 'green',
  listedInNamespace: false,
  // They share its template, so they share its problems.
  inherits: (pod) => pod.owner,
  applicationParent: (pod, byId) => (pod.owner && byId.get(pod.owner)?.role === 'workload' ? pod.owner : undefined),
  box: (pod) => ({
    title: pod.name,
    subtitle: pod.unschedulable ? `Pod · unschedulable` : 'Pod',
    lines: containerLines(pod),
  }),
  facts: (pod, context) => {
    const services = context.incoming(pod.id, 'selects').map((e) => e.from);
    // The object whose spec makes the pod: its workload, or the bare pod itself.
    const owner = pod.owner ? context.index.byId.get(pod.owner) : undefined;
    const maker = owner ?? pod;
    return [
      {
        title: 'Placement',
        rows: pod.unschedulable ? [{ key: 'unschedulable', value: pod.unschedulable }] : [],
        links: uniqueLinks([
          pod.node ? context.link(pod.node, 'node') : undefined,
          pod.owner ? context.link(pod.owner, 'owner') : undefined,
        ]),
      },
      containersSection(pod.template),
      { title: 'Selected by', links: uniqueLinks(services.map((s) => context.link(s))) },
      { title: 'Reached from', links: uniqueLinks(services.flatMap((s) => ingressLinks(context, s, true))) },
      ...(maker.role === 'workload' || maker.role === 'pod' ? makerSections(context, maker.id) : []),
    ];
  },
};
