import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { readdirSync, readFileSync } from 'node:fs';
import type { PositionedGraph } from './finishLayout';
import { layoutLayered } from './layered/layeredLayout';
import { absoluteRects, segmentCrossesRect } from './geometry';
import { routeBetween, routeCrosses } from './routeEdges';
import { buildViewGraph } from './viewGraph';

// The gallery's samples, read from disk (the layout layer may not import src/samples).
const SAMPLES_DIR = new URL('../samples/', import.meta.url);
const samples = readdirSync(SAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    id: entry.name,
    files: readdirSync(new URL(`${entry.name}/`, SAMPLES_DIR))
      .filter((name) => /\.(ya?ml|conf)$/.test(name))
      .map((name) => ({ name, text: readFileSync(new URL(`${entry.name}/${name}`, SAMPLES_DIR), 'utf8') })),
  }));

/** Every drawn arrow that runs through a box that is neither its end nor holds one. */
function crossings(graph: PositionedGraph): string[] {
  const rects = absoluteRects(graph.nodes);
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const line = (id: string) => {
    const out = [id];
    for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.push(p);
    return out;
  };
  const found: string[] = [];
  for (const edge of graph.edges) {
    if (!edge.points) continue;
    const related = new Set([...line(edge.source), ...line(edge.target)]);
    for (const node of graph.nodes) {
      if (node.group || related.has(node.id)) continue;
      if (line(node.id).some((id) => id === edge.source || id === edge.target)) continue;
      if (routeCrosses(edge.points, [rects.get(node.id)!])) found.push(`${edge.id} × ${node.id}`);
    }
  }
  return found;
}

describe('routeBetween', () => {
  it('goes around a box in the way and ends on both borders', () => {
    const from = { x: 0, y: 0, width: 100, height: 40 };
    const to = { x: 400, y: 0, width: 100, height: 40 };
    const wall = { x: 200, y: -50, width: 60, height: 140 };
    const points = routeBetween(from, to, [wall]);
    const onBorder = (p: { x: number; y: number }, r: typeof from) =>
      (p.x === r.x || p.x === r.x + r.width || p.y === r.y || p.y === r.y + r.height) &&
      p.x >= r.x &&
      p.x <= r.x + r.width &&
      p.y >= r.y &&
      p.y <= r.y + r.height;
    expect(onBorder(points[0]!, from)).toBe(true);
    expect(onBorder(points[points.length - 1]!, to)).toBe(true);
    expect(routeCrosses(points, [wall])).toBe(false);
    for (let k = 1; k < points.length; k++)
      expect(points[k]!.x === points[k - 1]!.x || points[k]!.y === points[k - 1]!.y).toBe(true);
  });

  it('is straight when nothing is in the way', () => {
    expect(routeBetween({ x: 0, y: 0, width: 10, height: 10 }, { x: 50, y: 0, width: 10, height: 10 }, [])).toEqual([
      { x: 10, y: 5 },
      { x: 50, y: 5 },
    ]);
  });
});

describe('segmentCrossesRect', () => {
  it.each([
    [{ x: -10, y: 5 }, { x: 20, y: 5 }, true],
    [{ x: -10, y: 0 }, { x: 20, y: 0 }, false], // along the border
    [{ x: -10, y: 20 }, { x: 20, y: 20 }, false],
  ])('%o → %o crosses: %s', (a, b, expected) => {
    expect(segmentCrossesRect(a, b, { x: 0, y: 0, width: 10, height: 10 })).toBe(expected);
  });
});

describe('no arrow crosses a box in any sample', () => {
  it('reads every sample', () => expect(samples.length).toBeGreaterThanOrEqual(7));
  for (const sample of samples) {
    for (const mode of ['infrastructure', 'application'] as const) {
      it(`${sample.id}, ${mode} view`, async () => {
        const { topology, diagnostics } = analyze(sample.files);
        const graph = layoutLayered(buildViewGraph(topology, diagnostics, { mode }));
        expect(graph.edges.filter((e) => e.points).length).toBeGreaterThan(0);
        expect(crossings(graph)).toEqual([]);
      });
    }
  }
});
