import type { RoleSpec } from '../types';

/** A NetworkPolicy: drawn as a box; a trace checks it at the pod it selects. */
export const networkPolicyRole: RoleSpec<'networkPolicy'> = {
  role: 'networkPolicy',
  label: 'NetworkPolicy',
  colour: 'red',
  box: (object) => ({ title: object.name, subtitle: `NetworkPolicy · ${object.policyTypes.join(', ')}`, lines: [] }),
};
