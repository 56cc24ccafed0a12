import type { RoleSpec } from '../types';

/** The Docker host: the group a Compose project's containers, networks and volumes live in. */
export const hostRole: RoleSpec<'host'> = {
  role: 'host',
  label: 'Host',
  colour: 'grey',
  group: 'outer',
  root: true,
  // The subtitle says the kind (`Host`), as the Compose placeholder has always drawn it.
  box: (object) => ({ title: object.name, subtitle: object.kind, lines: [] }),
};
