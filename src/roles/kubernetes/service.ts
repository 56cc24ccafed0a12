import type { InspectorRow } from '../inspection';
import { labelRows, uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';
import type { ServiceObj } from '../../core/model/topology';
import { ingressLinks } from './facts';

/** A Service: its ports (`80 → 8080 · node :30080`), its selector, the pods it reaches. */
export const serviceRole: RoleSpec<'service'> = {
  role: 'service',
  label: 'Service',
  colour: 'blue',
  dock: { wrapsColumn: true },
  box: (object) => {
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
  },
  facts: (object, context) => [
    {
      title: 'Details',
      rows: [
        { key: 'type', value: object.headless ? `${object.serviceType} (headless)` : object.serviceType },
        ...(object.externalName ? [{ key: 'external name', value: object.externalName, mono: true }] : []),
        ...(object.sessionAffinity !== 'None' ? [{ key: 'affinity', value: object.sessionAffinity }] : []),
      ],
    },
    { title: 'Ports', rows: servicePortRows(object) },
    ...(object.selector ? [{ title: 'Selector', rows: labelRows(object.selector) }] : []),
    { title: 'Endpoints', links: uniqueLinks(object.endpoints.map((pod) => context.link(pod))) },
    { title: 'Reached from', links: ingressLinks(context, object.id, false) },
    {
      title: 'Talked to by (inferred)',
      links: uniqueLinks(context.incoming(object.id, 'talks-to').map((e) => context.link(e.from, e.label))),
    },
  ],
};

function servicePortRows(service: ServiceObj): InspectorRow[] {
  return service.servicePorts.map((p) => ({
    key: p.name ?? p.protocol,
    value: `${p.port} → ${p.targetPort}${p.nodePort ? ` · nodePort ${p.nodePort}` : ''}${p.name ? ` ${p.protocol}` : ''}`,
    mono: true,
  }));
}
