import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { objectsOfRole } from '../core/model/topology';
import type { PositionedGraph } from './finishLayout';
import { focusBoxes, matchEntries, searchEntries } from './focusBoxes';
import { buildViewGraph } from './viewGraph';

const boutique = readFileSync(new URL('../samples/online-boutique/kubernetes-manifests.yaml', import.meta.url), 'utf8');
const files = ['shop-a', 'shop-b'].map((ns) => ({
  name: `${ns}.yaml`,
  text: boutique.replace(/^metadata:\n/gm, `metadata:\n  namespace: ${ns}\n`),
}));
const { topology, diagnostics } = analyze(files);
const graph = (options: Parameters<typeof buildViewGraph>[2]) =>
  buildViewGraph(topology, diagnostics, options) as PositionedGraph;

describe('search', () => {
  const entries = searchEntries(topology);

  it('lists namespaces, workloads, pods, Services and worker nodes, each once', () => {
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['Deployment', 'Namespace', 'Node', 'Pod', 'Service']);
    expect(entries.filter((e) => e.kind === 'Namespace').map((e) => e.id)).toEqual(['ns:shop-a', 'ns:shop-b']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('ranks a whole name, then a name that starts with the query, then the rest, in any case', () => {
    const found = matchEntries(entries, 'CART', 50).shown.map((e) => `${e.kind} ${e.name}`);
    expect(found.slice(0, 4)).toEqual([
      'Deployment cartservice',
      'Service cartservice',
      'Deployment cartservice',
      'Service cartservice',
    ]);
    expect(found.at(-1)).toMatch(/^(Pod|Deployment|Service) redis-cart/);
    expect(matchEntries(entries, '   ')).toEqual({ shown: [], total: 0 });
    const many = matchEntries(entries, 'e', 5);
    expect(many.shown).toHaveLength(5);
    expect(many.total).toBeGreaterThan(40);
  });

  it('narrows by namespace and kind with more words', () => {
    const ids = (query: string) => matchEntries(entries, query, 50).shown.map((e) => e.id);
    const inB = [
      'Deployment/shop-b/cartservice',
      'Service/shop-b/cartservice',
      expect.stringMatching(/^Pod\/shop-b\/cartservice-/),
    ];
    expect(ids('cartservice shop-b')).toEqual(inB);
    expect(ids('shop-b/cartservice')).toEqual(inB);
    expect(ids('cartservice deployment shop-a')).toEqual(['Deployment/shop-a/cartservice']);
  });
});

describe('focusBoxes', () => {
  const cart = objectsOfRole(topology, 'workload').find((w) => w.name === 'cartservice')!;
  const pod = objectsOfRole(topology, 'pod').find((p) => p.owner === cart.id)!;

  it('is the box itself when drawn', () => {
    expect(focusBoxes(graph({ mode: 'application' }), topology, cart.id)).toEqual([cart.id]);
  });

  it('is the closed group that holds it, so the search can open that group', () => {
    const closed = graph({ mode: 'application', collapsedGroups: [`ns:${cart.namespace}`] });
    expect(focusBoxes(closed, topology, pod.id)).toEqual([`ns:${cart.namespace}`]);
  });

  it('is a workload’s pods in the infrastructure view, and a namespace’s boxes where it has none', () => {
    const infrastructure = graph({});
    expect(focusBoxes(infrastructure, topology, cart.id)).toEqual([pod.id]);
    const inNamespace = focusBoxes(infrastructure, topology, 'ns:shop-b');
    expect(inNamespace.length).toBe(24);
    expect(focusBoxes(infrastructure, topology, 'Pod/nowhere/x')).toEqual([]);
  });
});
