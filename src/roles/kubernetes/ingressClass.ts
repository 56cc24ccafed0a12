import type { RoleSpec } from '../types';

/** An IngressClass: names the ingress controller; not drawn (its trace hop lands on an Ingress). */
export const ingressClassRole: RoleSpec<'ingressClass'> = {
  role: 'ingressClass',
  label: 'Ingress class',
  colour: 'grey',
  drawn: () => false,
  box: (object) => ({ title: object.name, subtitle: object.kind, lines: [] }),
};
