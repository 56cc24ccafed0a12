import type { RoleSpec } from '../types';

/** A Compose named volume. */
export const volumeRole: RoleSpec<'volume'> = {
  role: 'volume',
  label: 'Volume',
  colour: 'ochre',
  box: (object) => ({ title: object.name, subtitle: 'volume', lines: [] }),
};
