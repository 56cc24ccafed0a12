import type { RoleSpec } from '../types';

/** What each control-plane component does, in one line, for the expanded control plane. */
const CONTROL_PLANE_ROLES: Readonly<Record<string, string>> = {
  'API server': 'front door of the cluster: every kubectl apply lands here',
  scheduler: 'picks a node for each new pod',
  'controller manager': 'keeps replicas and endpoints as declared',
  etcd: "stores the cluster's state",
};

/** The control plane: one box, or (expanded) a line per component saying what it does. */
export const controlPlaneRole: RoleSpec<'controlPlane'> = {
  role: 'controlPlane',
  label: 'Control plane',
  kindLabel: 'Control plane',
  colour: 'slate',
  // The expanded control plane says what each component does; it may be wider than other boxes.
  maxWidth: 560,
  drawn: (_object, view) => !view.application && view.controlPlane !== 'hidden',
  box: (object, view) =>
    view.controlPlane === 'expanded'
      ? {
          title: 'Control plane',
          subtitle: 'runs the cluster; your pods never run here',
          lines: object.components.map((c) => (CONTROL_PLANE_ROLES[c] ? `${c} — ${CONTROL_PLANE_ROLES[c]}` : c)),
        }
      : { title: 'Control plane', subtitle: object.components.join(' · '), lines: [] },
  facts: (object) => [
    { title: 'Components', rows: object.components.map((c) => ({ key: c, value: CONTROL_PLANE_ROLES[c] ?? '' })) },
  ],
};
