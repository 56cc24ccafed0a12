import type { RoleSpec } from './types';

/** Any other kind (RBAC, CRDs, …): a plain box, gathered in one group in the cluster. */
export const genericRole: RoleSpec<'generic'> = {
  role: 'generic',
  label: 'Other object',
  colour: 'grey',
  // A Namespace is drawn as the frame of what it holds (application view), never as a box.
  drawn: (object) => object.kind !== 'Namespace',
  gathers: { id: 'group:other', title: 'Other objects', subtitle: 'kinds Portolan draws as plain boxes' },
  box: (object) => ({ title: object.name, subtitle: object.kind, lines: [] }),
};
