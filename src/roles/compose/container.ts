import type { RoleSpec } from '../types';

/**
 * A Compose service's container (one per replica): its image and the ports other containers
 * reach. Published ports are the host's doors (a view-only role, when Compose draws them).
 */
export const containerRole: RoleSpec<'container'> = {
  role: 'container',
  label: 'Container',
  colour: 'green',
  box: (object) => ({
    title: object.name,
    subtitle: object.image ?? (object.build ? `build ${object.build}` : 'container'),
    lines: object.exposed.map((p) => `:${p.port}${p.protocol !== 'TCP' ? '/' + p.protocol.toLowerCase() : ''}`),
  }),
};
