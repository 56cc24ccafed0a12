import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';

/** A Compose network: an area holding the containers attached to it. */
export const networkRole: RoleSpec<'network'> = {
  role: 'network',
  label: 'Network',
  colour: 'teal',
  group: 'inner',
  kindLabel: 'Network',
  box: (object) => ({
    title: object.implicit ? 'default network' : `network ${object.name}`,
    subtitle: [
      object.implicit ? 'every service joins it' : object.driver,
      object.internal ? 'internal: no way out' : undefined,
      object.external ? 'external: made outside this project' : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    lines: [],
  }),
  facts: (object, context) => [
    {
      title: 'Details',
      rows: [
        { key: 'driver', value: object.driver ?? 'bridge' },
        ...(object.internal ? [{ key: 'internal', value: 'containers here cannot reach outside' }] : []),
        ...(object.external ? [{ key: 'external', value: 'created outside this project' }] : []),
      ],
    },
    {
      title: 'Containers',
      links: uniqueLinks(context.incoming(object.id, 'attached').map((e) => context.link(e.from, e.label))),
    },
  ],
};
