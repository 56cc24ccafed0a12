import type { RoleSpec } from '../types';

/**
 * The Docker host: the group a Compose project's networks, containers and volumes live in. Its
 * published ports are doors on its left edge (the view-only `door` role).
 */
export const hostRole: RoleSpec<'host'> = {
  role: 'host',
  label: 'Docker host',
  colour: 'slate',
  group: 'outer',
  root: true,
  // What carries no traffic (volumes, quiet networks) docks in a row at its bottom, as in a cluster.
  dock: { hostsDocked: true },
  box: (object) => {
    const published = object.ports?.length ?? 0;
    const hidden = object.inactiveServices.length;
    return {
      title: 'Docker host',
      subtitle: [
        `${published} published port${published === 1 ? '' : 's'}`,
        hidden > 0 ? `${hidden} service${hidden === 1 ? '' : 's'} behind inactive profiles` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      lines: [],
    };
  },
  facts: (object) => [
    {
      title: 'Profiles',
      rows: object.profiles.map((p) => ({
        key: p.name,
        value: `${p.active ? 'active' : 'inactive'} · ${p.services.join(', ')}`,
      })),
    },
  ],
};
