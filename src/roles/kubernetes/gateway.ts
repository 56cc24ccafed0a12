import type { RoleSpec } from '../types';

/** A Gateway API Gateway: its listeners. A trace from outside may enter through it. */
export const gatewayRole: RoleSpec<'gateway'> = {
  role: 'gateway',
  label: 'Gateway',
  colour: 'violet',
  landing: { hopKind: 'loadbalancer' },
  box: (object) => ({
    title: object.name,
    subtitle: `Gateway${object.gatewayClassName ? ` · ${object.gatewayClassName}` : ''}`,
    lines: object.listeners.map((l) => `${l.name}: ${l.protocol} ${l.hostname ?? '*'}:${l.port}`),
  }),
};
