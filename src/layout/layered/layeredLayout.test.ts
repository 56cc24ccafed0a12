import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { absoluteRects, rectsOverlap } from '../geometry';
import type { PositionedGraph } from '../finishLayout';
import { buildViewGraph, type ViewMode } from '../viewGraph';
import { layoutLayered } from './layeredLayout';

// Read from disk: the layout layer may not import src/samples.
const BOUTIQUE = readFileSync(
  new URL('../../samples/online-boutique/kubernetes-manifests.yaml', import.meta.url),
  'utf8',
);
const EXTRA_SERVICE = `---
apiVersion: v1
kind: Service
metadata:
  name: frontend-admin
spec:
  selector:
    app: frontend
  ports:
  - port: 8081
    targetPort: 8080
`;

const layout = (text: string, mode: ViewMode = 'infrastructure'): PositionedGraph => {
  const { topology, diagnostics } = analyze([{ name: 'boutique.yaml', text }]);
  return layoutLayered(buildViewGraph(topology, diagnostics, { mode }));
};

describe('layoutLayered', () => {
  for (const mode of ['infrastructure', 'application'] as const) {
    it(`places no two siblings on each other and every box inside its group (${mode} view)`, () => {
      const graph = layout(BOUTIQUE, mode);
      const rects = absoluteRects(graph.nodes);
      const siblings = new Map<string, string[]>();
      for (const node of graph.nodes)
        siblings.set(node.parent ?? '', [...(siblings.get(node.parent ?? '') ?? []), node.id]);
      for (const ids of siblings.values())
        for (let i = 0; i < ids.length; i++)
          for (let j = i + 1; j < ids.length; j++)
            expect(rectsOverlap(rects.get(ids[i]!)!, rects.get(ids[j]!)!), `${ids[i]} on ${ids[j]}`).toBe(false);
      for (const node of graph.nodes) {
        if (!node.parent) continue;
        const box = rects.get(node.id)!;
        const group = rects.get(node.parent)!;
        expect(box.x >= group.x && box.y >= group.y, node.id).toBe(true);
        expect(
          box.x + box.width <= group.x + group.width && box.y + box.height <= group.y + group.height,
          node.id,
        ).toBe(true);
      }
    });

    it(`keeps the order of what an added Service leaves untouched (${mode} view)`, () => {
      const before = layout(BOUTIQUE, mode);
      const after = layout(BOUTIQUE + EXTRA_SERVICE, mode);
      // The rows (boxes of one group side by side) are the same rows, the new one aside.
      const rows = (graph: PositionedGraph) => {
        const known = new Set(before.nodes.map((n) => n.id));
        const byRow = new Map<string, string[]>();
        for (const n of graph.nodes) {
          if (!known.has(n.id) || n.group) continue;
          const key = `${n.parent ?? ''}@${n.y}`;
          byRow.set(key, [...(byRow.get(key) ?? []), n.id]);
        }
        return [...byRow.values()].map((ids) => ids.sort().join(' ')).sort();
      };
      const same = rows(after).filter((row) => rows(before).includes(row));
      expect(same.length).toBeGreaterThanOrEqual(rows(before).length - 3);
      if (mode === 'application') return; // a new row moves the rows after it when they wrap
      // Most boxes stay exactly where they were; only the neighbours of the new Service shift.
      const placed = new Map(after.nodes.map((n) => [n.id, n]));
      let moved = 0;
      let kept = 0;
      for (const node of before.nodes) {
        const now = placed.get(node.id);
        if (!now || node.group) continue;
        if (Math.abs(now.x - node.x) <= 2 && Math.abs(now.y - node.y) <= 2) kept++;
        else moved++;
      }
      expect(kept).toBeGreaterThan(moved * 2);
    });
  }

  it('lays out 1,400 boxes without recursion', { timeout: 60_000 }, () => {
    const text = Array.from({ length: 40 }, (_, i) =>
      BOUTIQUE.replace(/^metadata:$/gm, `metadata:\n  namespace: shop-${i}`),
    ).join('\n---\n');
    const graph = layout(text, 'application');
    expect(graph.nodes.length).toBeGreaterThan(1000);
  });
});
