import type { Role, TopologyIndex, TopologyObject } from '../core/model/topology';
import { containerRole } from './compose/container';
import { hostRole } from './compose/host';
import { networkRole } from './compose/network';
import { volumeRole } from './compose/volume';
import { genericRole } from './generic';
import { factContext, type InspectorSection } from './inspection';
import { clusterRole } from './kubernetes/cluster';
import { configRole } from './kubernetes/config';
import { controlPlaneRole } from './kubernetes/controlPlane';
import { endpointsRole } from './kubernetes/endpoints';
import { gatewayRole } from './kubernetes/gateway';
import { httpRouteRole } from './kubernetes/httpRoute';
import { ingressRole } from './kubernetes/ingress';
import { ingressClassRole } from './kubernetes/ingressClass';
import { internetRole } from './kubernetes/internet';
import { networkPolicyRole } from './kubernetes/networkPolicy';
import { nodeRole } from './kubernetes/node';
import { podRole } from './kubernetes/pod';
import { serviceRole } from './kubernetes/service';
import { workloadRole } from './kubernetes/workload';
import type { Palette } from './palette';
import type {
  BoxText,
  DockSpec,
  Gathering,
  RoleLook,
  RoleRegistry,
  RoleSpec,
  ViewContext,
  ViewOnlyRole,
  ViewRole,
} from './types';
import { controllerLook, doorLook, groupLook, membershipLook, registryLook } from './viewOnly';

const VIEW_ONLY: Record<ViewOnlyRole, RoleLook> = {
  group: groupLook,
  registry: registryLook,
  door: doorLook,
  membership: membershipLook,
  controller: controllerLook,
};

/**
 * The role registry: one entry per role. Adding a role means adding its type to the model
 * (core/model/topology.ts), a module here, and a line below; the compiler asks for the line.
 */
export const ROLES: RoleRegistry = {
  internet: internetRole,
  cluster: clusterRole,
  controlPlane: controlPlaneRole,
  node: nodeRole,
  workload: workloadRole,
  pod: podRole,
  service: serviceRole,
  endpoints: endpointsRole,
  ingress: ingressRole,
  ingressClass: ingressClassRole,
  networkPolicy: networkPolicyRole,
  gateway: gatewayRole,
  httpRoute: httpRouteRole,
  // `generic` before `config`: the groups they gather in stand in this order in the cluster.
  generic: genericRole,
  config: configRole,
  host: hostRole,
  container: containerRole,
  network: networkRole,
  volume: volumeRole,
  ...VIEW_ONLY,
};

/** Every role, model and view-only, in the registry's order. */
export const VIEW_ROLES = Object.keys(ROLES) as ViewRole[];
/** The roles of the model (`TopologyObject['role']`), in the registry's order. */
export const MODEL_ROLES = VIEW_ROLES.filter((role): role is Role => !(role in VIEW_ONLY));

/**
 * The spec of a model role, typed loosely so it takes any object: call it with objects of that
 * role only (each entry is keyed by its own role, so `specOf(object)` always fits).
 */
export function roleSpec(role: Role): RoleSpec<Role> {
  return ROLES[role] as unknown as RoleSpec<Role>;
}

/** The spec of an object's role. */
export function specOf(object: TopologyObject): RoleSpec<Role> {
  return roleSpec(object.role);
}

/** The synthetic group boxes of a role gather in, if any. */
export function gatheringOf(role: ViewRole): Gathering | undefined {
  return role in VIEW_ONLY ? undefined : roleSpec(role as Role).gathers;
}

/** How boxes of a role look; an unknown role (from an old saved view) looks generic. */
export function roleLook(role: string): RoleLook {
  return (ROLES as Record<string, RoleLook | undefined>)[role] ?? ROLES.generic;
}

/** How boxes of a role dock (nothing special when it says nothing). */
export function dockOf(role: string): DockSpec {
  return roleLook(role).dock ?? {};
}

/** The colour of a box's left bar and kind label, in one palette. */
export function roleColour(palette: Palette, role: string): string {
  return palette.roleColours[roleLook(role).colour];
}

/** What an object's box says in a view. */
export function boxText(object: TopologyObject, view: ViewContext): BoxText {
  return specOf(object).box(object, view);
}

/** Whether a view draws an object. */
export function isDrawn(object: TopologyObject, view: ViewContext): boolean {
  return specOf(object).drawn?.(object, view) ?? true;
}

/** The inspector's sections of an object's role, empty ones included. */
export function roleFacts(index: TopologyIndex, object: TopologyObject): InspectorSection[] {
  return specOf(object).facts?.(object, factContext(index)) ?? [];
}
