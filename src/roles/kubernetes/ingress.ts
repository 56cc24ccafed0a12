import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';
import { ruleTexts } from './facts';

/**
 * An Ingress: its rules, host and path to backend. The ingress controller (an IngressClass, not
 * drawn) is where a trace enters; its hop lands on an Ingress of its class.
 */
export const ingressRole: RoleSpec<'ingress'> = {
  role: 'ingress',
  label: 'Ingress',
  colour: 'violet',
  landing: {
    hopKind: 'loadbalancer',
    owns: (ingress, hopObject) => hopObject?.role !== 'ingressClass' || ingress.ingressClassName === hopObject.name,
  },
  box: (object) => {
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
  },
  facts: (object, context) => [
    {
      title: 'Details',
      rows: [
        ...(object.ingressClassName ? [{ key: 'class', value: object.ingressClassName }] : []),
        ...object.tls.map((tls) => ({
          key: 'TLS',
          value: `${tls.hosts.join(', ') || '*'}${tls.secretName ? ` (${tls.secretName})` : ''}`,
          mono: true,
        })),
      ],
    },
    {
      title: 'Rules',
      links: uniqueLinks(
        context
          .outgoing(object.id, 'routes')
          .flatMap((e) => ruleTexts(object, context.index.byId.get(e.to)).map((text) => context.link(e.to, text))),
      ),
    },
  ],
};
