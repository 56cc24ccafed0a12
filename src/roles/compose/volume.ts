import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';

/** A Compose named volume, and the containers that mount it. */
export const volumeRole: RoleSpec<'volume'> = {
  role: 'volume',
  label: 'Volume',
  colour: 'ochre',
  gathers: { id: 'group:volumes', title: 'Volumes', subtitle: 'named volumes: data that outlives containers' },
  box: (object) => ({
    title: object.name,
    subtitle: `volume${object.external ? ' · external' : ''}${object.driver ? ` · ${object.driver}` : ''}`,
    lines: [],
  }),
  facts: (object, context) => [
    {
      title: 'Mounted by',
      links: uniqueLinks(context.incoming(object.id, 'uses').map((e) => context.link(e.from, e.label))),
    },
  ],
};
