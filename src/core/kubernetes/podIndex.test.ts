import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { objectsOfRole } from '../model/topology';
import { podIndexOf } from './podIndex';

const app = (name: string, namespace: string, labels: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: ${labels}\n` +
  `spec:\n  containers:\n    - name: c\n      image: x\n---\n`;

describe('podIndexOf', () => {
  const { topology } = analyze([
    {
      name: 'pods.yaml',
      text:
        app('web-a', 'shop', '{app: web, tier: front}') +
        app('web-b', 'shop', '{app: web, tier: back}') +
        app('web-c', 'other', '{app: web, tier: front}') +
        app('db', 'shop', '{app: db}'),
    },
  ]);
  const pods = objectsOfRole(topology, 'pod');
  const index = podIndexOf(pods);
  const names = (list: readonly { name: string }[]) => list.map((p) => p.name);

  it.each([
    ['one pair', 'shop', { app: 'web' }, ['web-a', 'web-b']],
    ['every pair must hold', 'shop', { app: 'web', tier: 'front' }, ['web-a']],
    ['other namespaces are not selected', 'other', { app: 'web' }, ['web-c']],
    ['no pair matches', 'shop', { app: 'cache' }, []],
    ['an empty selector selects nothing', 'shop', {}, []],
  ])('select: %s', (_, namespace, selector, expected) => {
    expect(names(index.select(namespace, selector))).toEqual(expected);
  });

  it('finds matches elsewhere, pods of a namespace, and a pod by name', () => {
    expect(names(index.selectElsewhere('shop', { app: 'web' }))).toEqual(['web-c']);
    expect(names(index.inNamespace('shop'))).toEqual(['web-a', 'web-b', 'db']);
    expect(index.byName('shop', 'db')?.name).toBe('db');
    expect(index.byName('other', 'db')).toBeUndefined();
  });

  it('is built once per list of pods', () => {
    expect(podIndexOf(pods)).toBe(index);
  });

  it('matches 3,000 Services to 3,000 workloads in linear time', () => {
    const apps = Array.from(
      { length: 3000 },
      (_, i) =>
        app(`p${i}`, `ns-${i % 10}`, `{app: a${i}, team: t${i % 10}}`) +
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\n  namespace: ns-${i % 10}\nspec:\n  selector: {app: a${i}}\n  ports:\n    - port: 80\n---\n`,
    ).join('');
    const started = performance.now();
    const result = analyze([{ name: 'many.yaml', text: apps }]);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.topology.edges.filter((e) => e.kind === 'selects')).toHaveLength(3000);
  }, 30_000);
});
