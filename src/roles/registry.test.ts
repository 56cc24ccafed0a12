import { describe, expect, it } from 'vitest';
import type { ObjectId } from '../core/model/ids';
import type { Role, TopologyObject } from '../core/model/topology';
import { paletteFor, type RoleColour } from './palette';
import { boxText, isDrawn, MODEL_ROLES, roleColour, roleLook, ROLES, VIEW_ROLES } from './registry';
import type { ViewContext } from './types';

// Every role of the model, spelt out: the compiler rejects this table when a role is missing
// or unknown, so a new role in core/model/topology.ts fails here until the registry has it.
const EVERY_MODEL_ROLE: Record<Role, true> = {
  cluster: true,
  internet: true,
  controlPlane: true,
  node: true,
  workload: true,
  pod: true,
  service: true,
  endpoints: true,
  ingress: true,
  ingressClass: true,
  networkPolicy: true,
  gateway: true,
  httpRoute: true,
  config: true,
  host: true,
  container: true,
  network: true,
  volume: true,
  generic: true,
};

const INFRASTRUCTURE: ViewContext = { application: false, showConfig: false, controlPlane: 'collapsed' };
const APPLICATION: ViewContext = { ...INFRASTRUCTURE, application: true };

describe('the role registry', () => {
  it('has an entry with a label and a colour for every role of the model, and nothing else', () => {
    expect([...MODEL_ROLES].sort()).toEqual(Object.keys(EVERY_MODEL_ROLE).sort());
    for (const role of MODEL_ROLES) {
      const spec = ROLES[role];
      expect(spec.role, role).toBe(role);
      expect(spec.label, role).not.toBe('');
      expect(typeof spec.box, role).toBe('function');
    }
  });

  it('gives every role, view-only ones included, a colour in both themes', () => {
    expect(VIEW_ROLES).toEqual([...MODEL_ROLES, 'group', 'registry', 'door', 'membership', 'controller']);
    for (const theme of ['light', 'dark'] as const) {
      for (const role of VIEW_ROLES) expect(roleColour(paletteFor(theme), role), role).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it.each<[string, RoleColour]>([
    ['pod', 'green'],
    ['service', 'blue'],
    ['ingress', 'violet'],
    ['registry', 'teal'],
    // a role an old saved view may still name
    ['retired', 'grey'],
  ])('%s boxes are %s', (role, colour) => {
    expect(roleLook(role).colour).toBe(colour);
  });

  const host: TopologyObject = {
    id: 'h' as ObjectId,
    role: 'host',
    kind: 'Host',
    name: 'host',
    ports: [{ port: 80, protocol: 'TCP' }],
    profiles: [],
    inactiveServices: [{ service: 'debug', profiles: ['dev'] }],
  };
  const network: TopologyObject = {
    id: 'n' as ObjectId,
    role: 'network',
    kind: 'Network',
    name: 'backend',
    internal: true,
    external: false,
    driver: 'bridge',
    implicit: false,
  };
  const volume: TopologyObject = {
    id: 'v' as ObjectId,
    role: 'volume',
    kind: 'Volume',
    name: 'db-data',
    external: false,
  };
  const container: TopologyObject = {
    id: 'c' as ObjectId,
    role: 'container',
    kind: 'Container',
    name: 'web-1',
    service: 'web',
    image: 'nginx:1.27',
    replica: 1,
    replicas: 2,
    published: [
      { hostIp: '127.0.0.1', published: 8080, target: 80, protocol: 'TCP', mode: 'ingress', localOnly: true },
    ],
    exposed: [
      { port: 80, protocol: 'TCP' },
      { port: 53, protocol: 'UDP' },
    ],
    networks: [],
    env: [],
    command: [],
    envFiles: [],
    dependsOn: [],
    links: [],
    mounts: [],
    secrets: [],
    configs: [],
    profiles: [],
    healthcheck: { test: 'curl -f http://localhost/', disabled: false },
  };
  it.each<[string, TopologyObject, { title: string; subtitle?: string; lines: string[] }]>([
    [
      'a Compose host',
      host,
      { title: 'Docker host', subtitle: '1 published port · 1 service behind inactive profiles', lines: [] },
    ],
    ['a Compose network', network, { title: 'network backend', subtitle: 'bridge · internal: no way out', lines: [] }],
    ['a Compose volume', volume, { title: 'db-data', subtitle: 'volume', lines: [] }],
    [
      'a Compose container',
      container,
      {
        title: 'web-1',
        subtitle: 'nginx:1.27 · replica 1 of 2',
        lines: [':80 ← 127.0.0.1:8080', ':53/udp (inside only)', '♥ healthcheck'],
      },
    ],
  ])('box text of %s', (_name, object, text) => {
    expect(boxText(object, INFRASTRUCTURE)).toEqual(text);
  });

  it.each<[string, TopologyObject, boolean, boolean]>([
    ['a workload: only as the application view’s group', workloadLike(), false, true],
    ['a Namespace object: never (its frame stands for it)', namespaceObject(), false, false],
    ['a Compose host: always', host, true, true],
  ])('draws %s', (_name, object, infrastructure, application) => {
    expect(isDrawn(object, INFRASTRUCTURE)).toBe(infrastructure);
    expect(isDrawn(object, APPLICATION)).toBe(application);
  });

  it('groups are the roles that hold other boxes', () => {
    const groups = VIEW_ROLES.filter((role) => roleLook(role).group);
    expect(groups).toEqual(['cluster', 'node', 'workload', 'host', 'network', 'group']);
  });
});

function workloadLike(): TopologyObject {
  return {
    id: 'w' as ObjectId,
    role: 'workload',
    kind: 'Deployment',
    name: 'web',
    replicas: 1,
    template: {
      labels: {},
      containers: [],
      initContainers: [],
      nodeSelector: {},
      tolerations: [],
      requiredNodeAffinity: [],
      volumes: [],
      hostNetwork: false,
    },
    pods: [],
  };
}

function namespaceObject(): TopologyObject {
  return { id: 'ns' as ObjectId, role: 'generic', kind: 'Namespace', name: 'shop' };
}
