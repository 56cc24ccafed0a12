import type { RoleLook } from './types';

/** A synthetic group of the view (a namespace, `Other objects`, the registries): a dashed frame. */
export const groupLook: RoleLook = { label: 'Group', colour: 'grey', group: 'frame' };

/** An image registry of the images layer, with the worker nodes that pull from it. */
export const registryLook: RoleLook = { label: 'Image registry', colour: 'teal' };

/** A published port of a Compose host: a door on the host's edge (`0.0.0.0:8080 → api:8080`). */
export const doorLook: RoleLook = { label: 'Published port', colour: 'violet', kindLabel: 'Published port' };

/**
 * A container's membership of a network other than the one it is drawn in: a small box in that
 * network's area, joined to the container by a dashed line.
 */
export const membershipLook: RoleLook = { label: 'Also on this network', colour: 'green', kindLabel: 'Container' };

/**
 * The ingress controller (its IngressClass is not drawn): the door every Ingress's traffic goes
 * through, so a trace's hop at the controller has a box of its own.
 */
export const controllerLook: RoleLook = { label: 'Ingress controller', colour: 'violet', kindLabel: 'Controller' };
