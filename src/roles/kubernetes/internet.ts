import type { RoleSpec } from '../types';

/** The clients outside the cluster (or the Docker host), where a request from outside starts. */
export const internetRole: RoleSpec<'internet'> = {
  role: 'internet',
  label: 'Internet',
  colour: 'slate',
  root: true,
  box: () => ({
    title: 'Internet',
    subtitle: 'outside clients',
    lines: [],
  }),
};
