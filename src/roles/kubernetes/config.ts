import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';

/** ConfigMaps, Secrets, claims, volumes and ServiceAccounts: drawn on request, in one group. */
export const configRole: RoleSpec<'config'> = {
  role: 'config',
  label: 'Config and storage',
  colour: 'ochre',
  drawn: (_object, view) => view.showConfig,
  gathers: { id: 'group:config', title: 'Config and storage', perNamespace: true },
  box: (object) => ({ title: object.name, subtitle: object.kind, lines: [] }),
  facts: (object, context) => [
    { title: 'Keys', rows: object.keys.map((key) => ({ key, value: '', mono: true })) },
    { title: 'Used by', links: uniqueLinks(context.incoming(object.id, 'uses').map((e) => context.link(e.from))) },
  ],
};
