import type { RoleSpec } from '../types';

/** The Kubernetes cluster: the group that holds worker nodes, the control plane and the rest. */
export const clusterRole: RoleSpec<'cluster'> = {
  role: 'cluster',
  label: 'Cluster',
  colour: 'grey',
  group: 'outer',
  dock: { hostsDocked: true },
  root: true,
  drawn: (_object, view) => !view.application,
  box: (object) => ({ title: object.name || 'Cluster', subtitle: 'Kubernetes cluster', lines: [] }),
};
