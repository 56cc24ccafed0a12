import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import type { PositionedNode } from './finishLayout';
import { layoutLayered } from './layered/layeredLayout';
import { buildViewGraph } from './viewGraph';

// Every real manifest, alone, in every view and with every layer: boxes are drawn, laid out,
// placed inside their parents, and never on top of a sibling.
const FIXTURES = new URL('../core/kubernetes/fixtures/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(new URL(name, FIXTURES), 'utf8') }));

describe('views of the real manifests', () => {
  for (const fixture of fixtures) {
    it(`${fixture.name} lays out without overlaps`, async () => {
      const { topology, diagnostics } = analyze([fixture]);
      for (const options of [
        { mode: 'infrastructure' as const, showConfig: true, showImages: true },
        { mode: 'application' as const, showConfig: true },
      ]) {
        const graph = layoutLayered(buildViewGraph(topology, diagnostics, options));
        expect(graph.nodes.length).toBeGreaterThan(0);
        const byParent = new Map<string, typeof graph.nodes>();
        for (const node of graph.nodes) {
          expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
          const key = node.parent ?? '';
          byParent.set(key, [...(byParent.get(key) ?? []), node]);
          const parent = graph.nodes.find((n) => n.id === node.parent);
          if (parent) {
            // inside its parent
            expect(node.x).toBeGreaterThanOrEqual(0);
            expect(node.y).toBeGreaterThanOrEqual(0);
            expect(node.x + node.width).toBeLessThanOrEqual(parent.width + 1);
            expect(node.y + node.height).toBeLessThanOrEqual(parent.height + 1);
          }
        }
        for (const siblings of byParent.values()) {
          for (let i = 0; i < siblings.length; i++) {
            for (let j = i + 1; j < siblings.length; j++) {
              const a = siblings[i]!;
              const b = siblings[j]!;
              const overlap =
                a.x < b.x + b.width - 1 &&
                b.x < a.x + a.width - 1 &&
                a.y < b.y + b.height - 1 &&
                b.y < a.y + a.height - 1;
              expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
            }
          }
        }
      }
    });
  }
});

/** The seed's files and Online Boutique copied into `copies` namespaces, in the application view. */
function boutiqueNamespaces(copies: number) {
  const sample = (path: string) => readFileSync(new URL(`../samples/${path}`, import.meta.url), 'utf8');
  const boutique = sample('online-boutique/kubernetes-manifests.yaml');
  const text = Array.from({ length: copies }, (_, i) =>
    boutique.replace(/^metadata:\n/gm, `metadata:\n  namespace: shop-${i}\n`),
  ).join('\n---\n');
  const files = ['deployment', 'ingress', 'service'].map((name) => ({
    name: `${name}.yaml`,
    text: sample(`go-backend-k8s/${name}.yaml`),
  }));
  const { topology, diagnostics } = analyze([...files, { name: 'shops.yaml', text }]);
  return layoutLayered(buildViewGraph(topology, diagnostics, { mode: 'application', autoFold: true }));
}

function expectNoOverlap(boxes: readonly PositionedNode[]): void {
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
}

describe('an application view of several namespaces', () => {
  it('lays four open namespaces out in a grid, the controller and the Internet left of it, without overlaps', () => {
    const graph = boutiqueNamespaces(3);
    const top = graph.nodes.filter((n) => !n.parent);
    const namespaces = top.filter((n) => n.id.startsWith('ns:'));
    expect(namespaces).toHaveLength(4);
    expect(new Set(namespaces.map((n) => n.x)).size).toBe(2);
    expect(new Set(namespaces.map((n) => n.y)).size).toBe(2);
    expect(graph.width).toBeGreaterThan(graph.height * 0.8);
    expectNoOverlap(top);
  });

  it('with most namespaces closed, lays out the open ones, the tiles, the controller and the Internet without overlaps', () => {
    const graph = boutiqueNamespaces(11);
    const top = graph.nodes.filter((n) => !n.parent);
    expect(top.filter((n) => n.folded).length).toBeGreaterThan(5);
    expect(top.some((n) => n.role === 'internet')).toBe(true);
    expectNoOverlap(top);
  });
});
