import { uniqueLinks } from '../inspection';
import type { RoleSpec } from '../types';

/** A worker node: the group its pods are scheduled in (infrastructure view). */
export const nodeRole: RoleSpec<'node'> = {
  role: 'node',
  label: 'Worker node',
  colour: 'grey',
  group: 'inner',
  // Pods in a column; idle and busy nodes together in one grid.
  dock: { grid: true, columns: 1 },
  drawn: (_object, view) => !view.application,
  box: (object) => ({
    title: object.name,
    subtitle: `${object.simulated ? 'simulated worker' : 'worker'} · kubelet · kube-proxy · runtime`,
    lines: [],
  }),
  facts: (object, context) => [
    {
      title: 'Details',
      rows: [
        { key: 'runs', value: object.components.join(' · ') },
        ...object.taints.map((t) => ({
          key: 'taint',
          value: `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
          mono: true,
        })),
      ],
    },
    {
      title: 'Pods',
      links: uniqueLinks((context.index.children.get(object.id) ?? []).map((child) => context.link(child.id))),
    },
  ],
};
