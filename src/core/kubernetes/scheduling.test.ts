import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import type { PodObj, PodTemplate } from '../model/topology';
import { simulatedNodes } from './nodes';
import { placePodsOnNodes, toleratesTaint } from './scheduling';

const base: PodTemplate = {
  labels: {},
  containers: [],
  initContainers: [],
  nodeSelector: {},
  tolerations: [],
  requiredNodeAffinity: [],
  volumes: [],
  hostNetwork: false,
};

const names = (placements: ReturnType<typeof placePodsOnNodes>) => placements.map((p) => p.node?.name ?? 'none');

describe('placePodsOnNodes', () => {
  it('spreads least-loaded first, ties by node index', () => {
    expect(names(placePodsOnNodes([base, base], simulatedNodes(3)))).toEqual(['node-1', 'node-2']);
    expect(names(placePodsOnNodes(Array(5).fill(base), simulatedNodes(3)))).toEqual([
      'node-1',
      'node-2',
      'node-3',
      'node-1',
      'node-2',
    ]);
  });

  it('keeps the spread across workloads through a shared load', () => {
    const nodes = simulatedNodes(3);
    const load = new Map<string, number>();
    placePodsOnNodes([base, base], nodes, load);
    expect(names(placePodsOnNodes([base], nodes, load))).toEqual(['node-3']);
  });

  it.each([
    ['nodeName', { nodeName: 'node-3' }, ['node-3', 'node-3']],
    ['nodeName of no node', { nodeName: 'gpu-1' }, ['none', 'none']],
    ['nodeSelector hostname', { nodeSelector: { 'kubernetes.io/hostname': 'node-2' } }, ['node-2', 'node-2']],
    ['nodeSelector no node has', { nodeSelector: { disktype: 'ssd' } }, ['none', 'none']],
    [
      'affinity NotIn',
      { requiredNodeAffinity: [[{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['node-1'] }]] },
      ['node-2', 'node-3'],
    ],
    [
      'affinity terms are ORed',
      {
        requiredNodeAffinity: [
          [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-3'] }],
          [{ key: 'gpu', operator: 'Exists', values: [] }],
        ],
      },
      ['node-3', 'node-3'],
    ],
    [
      'affinity DoesNotExist',
      { requiredNodeAffinity: [[{ key: 'gpu', operator: 'DoesNotExist', values: [] }]] },
      ['node-1', 'node-2'],
    ],
  ] as const)('honours %s', (_name, patch, expected) => {
    const template = { ...base, ...patch } as PodTemplate;
    expect(names(placePodsOnNodes([template, template], simulatedNodes(3)))).toEqual(expected);
  });

  it('keeps pods off tainted nodes unless tolerated', () => {
    const nodes = simulatedNodes(2);
    nodes[0]!.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }];
    expect(names(placePodsOnNodes([base, base], nodes))).toEqual(['node-2', 'node-2']);
    const tolerant = {
      ...base,
      tolerations: [{ key: 'dedicated', operator: 'Equal' as const, value: 'db', effect: 'NoSchedule' }],
    };
    expect(names(placePodsOnNodes([tolerant, tolerant], nodes))).toEqual(['node-1', 'node-2']);
  });

  it('explains a pod that fits nowhere', () => {
    const [placement] = placePodsOnNodes([{ ...base, nodeSelector: { disktype: 'ssd' } }], simulatedNodes(3));
    expect(placement).toMatchObject({
      reason: expect.stringMatching(/^0\/3 nodes are available: 3 node\(s\) didn't match/),
    });
  });
});

describe('toleratesTaint', () => {
  const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
  it.each([
    [{ operator: 'Exists' }, true],
    [{ key: 'k', operator: 'Exists' }, true],
    [{ key: 'k', operator: 'Equal', value: 'v' }, true],
    [{ key: 'k', operator: 'Equal', value: 'w' }, false],
    [{ key: 'k', operator: 'Exists', effect: 'NoExecute' }, false],
    [{ key: 'other', operator: 'Exists' }, false],
  ] as const)('%j → %s', (toleration, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });
});

describe('scheduling in the topology', () => {
  const yaml = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:${extra}
      containers: [{name: web, image: nginx}]
`;
  const pods = (text: string, nodes = 3) =>
    analyze([{ name: 'a.yaml', text }], { nodes }).topology.objects.filter((o): o is PodObj => o.role === 'pod');

  it('places 5 replicas on 3 nodes 2/2/1, parent = node', () => {
    const placed = pods(yaml(5));
    const counts = placed.reduce<Record<string, number>>((m, p) => ((m[p.parent!] = (m[p.parent!] ?? 0) + 1), m), {});
    expect(counts).toEqual({ 'node/node-1': 2, 'node/node-2': 2, 'node/node-3': 1 });
    for (const pod of placed) expect(pod.node).toBe(pod.parent);
  });

  it('leaves an unschedulable pod without parent, with a reason', () => {
    const [pod] = pods(yaml(1, '\n      nodeSelector: {disktype: ssd}'));
    expect(pod!.parent).toBeUndefined();
    expect(pod!.unschedulable).toMatch(/disktype=ssd/);
  });

  it('keeps names and places when replicas grow', () => {
    const three = pods(yaml(3)).map((p) => [p.name, p.parent]);
    expect(
      pods(yaml(4))
        .slice(0, 3)
        .map((p) => [p.name, p.parent]),
    ).toEqual(three);
  });

  it('uses kind: Node objects instead of simulated nodes, with their taints', () => {
    const nodes = `apiVersion: v1
kind: Node
metadata: {name: cp, labels: {node-role.kubernetes.io/control-plane: ""}}
spec: {taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]}
---
apiVersion: v1
kind: Node
metadata: {name: worker-a}
`;
    const daemon = `---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: a, image: agent}]}
`;
    const topology = analyze([{ name: 'n.yaml', text: nodes + '---\n' + yaml(2) + daemon }], { nodes: 5 }).topology;
    expect(topology.objects.filter((o) => o.role === 'node').map((o) => o.id)).toEqual(['node/cp', 'node/worker-a']);
    const placed = topology.objects.filter((o): o is PodObj => o.role === 'pod').map((p) => p.parent);
    expect(placed).toEqual(['node/worker-a', 'node/worker-a', 'node/worker-a']);
  });
});
