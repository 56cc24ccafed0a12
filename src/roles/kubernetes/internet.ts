import type { RoleSpec } from '../types';

/** The clients outside the cluster, where a request from outside starts. */
export const internetRole: RoleSpec<'internet'> = {
  role: 'internet',
  label: 'Internet',
  colour: 'slate',
  root: true,
  box: () => ({ title: 'Internet', subtitle: 'clients outside the cluster', lines: [] }),
};
