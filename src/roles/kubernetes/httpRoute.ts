import type { RoleSpec } from '../types';

/** A Gateway API HTTPRoute: its hostnames, and each rule's paths and backends. */
export const httpRouteRole: RoleSpec<'httpRoute'> = {
  role: 'httpRoute',
  label: 'HTTPRoute',
  colour: 'violet',
  box: (object) => ({
    title: object.name,
    subtitle: 'HTTPRoute',
    lines: [
      ...(object.hostnames.length ? [object.hostnames.join(', ')] : []),
      ...object.rules.map(
        (r) =>
          `${r.matches.map((m) => m.path?.value ?? '/').join(' ') || '/'} → ${r.backendRefs.map((b) => b.name).join(', ')}`,
      ),
    ],
  }),
};
