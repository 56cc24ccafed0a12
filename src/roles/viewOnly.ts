import type { RoleLook } from './types';

/** A synthetic group of the view (a namespace, `Other objects`, the registries): a dashed frame. */
export const groupLook: RoleLook = { label: 'Group', colour: 'grey', group: 'frame' };

/** An image registry of the images layer, with the worker nodes that pull from it. */
export const registryLook: RoleLook = { label: 'Image registry', colour: 'teal' };
