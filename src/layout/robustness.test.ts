import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
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
