import type { WorkloadObj } from '../../core/model/topology';
import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';
import { containersSection, makerSections, selectorRows } from './facts';

/** `Deployment · 3 replicas · HPA 2–10`: what a workload is and how many pods it asks for. */
function workloadSummary(object: WorkloadObj): string {
  const replicas = `${object.replicas} replica${object.replicas === 1 ? '' : 's'}`;
  const hpa = object.autoscaler ? ` · HPA ${object.autoscaler.minReplicas}–${object.autoscaler.maxReplicas}` : '';
  return `${object.kind} · ${replicas}${hpa}`;
}

/**
 * A Deployment, StatefulSet, DaemonSet, Job…: drawn only in the application view, as the group
 * that holds its pods; in the infrastructure view its pods stand for it.
 */
export const workloadRole: RoleSpec<'workload'> = {
  role: 'workload',
  label: 'Workload',
  colour: 'orange',
  group: 'inner',
  drawn: (_object, view) => view.application,
  standsFor: (object) => object.pods,
  box: (object) => ({
    title: object.name,
    subtitle: workloadSummary(object),
    lines: object.template.containers.map((c) => `${c.name} ${c.image ?? ''}`.trim()),
  }),
  facts: (object, context) => [
    {
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
    },
    ...(object.selector ? [{ title: 'Selector', rows: selectorRows(object.selector) }] : []),
    containersSection(object.template),
    { title: 'Pods', links: uniqueLinks(object.pods.map((pod) => context.link(pod))) },
    ...makerSections(context, object.id),
  ],
};
