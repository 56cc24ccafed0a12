/** The role registry and the palette: what every role is, how it looks, what it says. */
export type {
  BoxText,
  ControlPlaneMode,
  DockSpec,
  Gathering,
  GroupStyle,
  HopLanding,
  RoleLook,
  RoleRegistry,
  RoleSpec,
  ViewContext,
  ViewOnlyRole,
  ViewRole,
} from './types';
export type { FactContext, Inspection, InspectorLink, InspectorRow, InspectorSection } from './inspection';
export { factContext, labelRows, uniqueLinks } from './inspection';
export type { BaseTokens, Palette, RoleColour, Theme } from './palette';
export { paletteFor } from './palette';
export { cssVariable, paletteCss, roleBoxCss } from './paletteCss';
export {
  boxText,
  dockOf,
  gatheringOf,
  isDrawn,
  MODEL_ROLES,
  roleColour,
  roleFacts,
  roleLook,
  roleSpec,
  ROLES,
  specOf,
  VIEW_ROLES,
} from './registry';
export { containersSection } from './kubernetes/facts';
export { containerLines } from './kubernetes/pod';
export { bindingAddress, bindingTarget } from './compose/bindings';
