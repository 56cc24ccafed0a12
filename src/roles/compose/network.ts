import type { RoleSpec } from '../types';

/** A Compose network: the group its containers are attached to. */
export const networkRole: RoleSpec<'network'> = {
  role: 'network',
  label: 'Network',
  colour: 'grey',
  group: 'inner',
  box: (object) => ({
    title: object.name,
    subtitle: [
      'network',
      object.driver,
      object.internal ? 'internal' : undefined,
      object.external ? 'external' : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    lines: [],
  }),
};
