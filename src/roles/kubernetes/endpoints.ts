import type { RoleSpec } from '../types';

/** Endpoints and EndpointSlices: read for a Service's pods, not drawn (the Service's arrows show them). */
export const endpointsRole: RoleSpec<'endpoints'> = {
  role: 'endpoints',
  label: 'Endpoints',
  colour: 'grey',
  listedInNamespace: false,
  drawn: () => false,
  box: (object) => ({ title: object.name, subtitle: object.kind, lines: [] }),
};
