import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analyze';
import { absoluteRects } from './geometry';
import { layoutLayered } from './layered/layeredLayout';
import { redrawnInPlace } from './redrawnInPlace';
import { buildViewGraph, type ViewGraph } from './viewGraph';
import { viewOnlyBox } from './viewNodes';

const boutique = readFileSync(new URL('../samples/online-boutique/kubernetes-manifests.yaml', import.meta.url), 'utf8');
const FRONTEND = 'kind: Service\nmetadata:\n  name: frontend\n';

function view(text: string): ViewGraph {
  const { topology, diagnostics } = analyze([{ name: 'boutique.yaml', text }], {});
  return buildViewGraph(topology, diagnostics, { mode: 'application' });
}

/** Online Boutique with its frontend Service named `name`. */
const named = (name: string) => boutique.replace(FRONTEND, FRONTEND.replace('frontend', name));

/** A plain Service box, sized from its name as the views size them. */
const box = (id: string) => viewOnlyBox({ id, role: 'service', kind: 'Service', title: id, lines: [] });
const arrow = (source: string, target: string) =>
  ({ id: `${source}->${target}`, source, target, kind: 'routes', dashed: false }) as ViewGraph['edges'][number];

describe('redrawnInPlace', () => {
  const before = layoutLayered(view(boutique));

  it('puts a renamed Service where it was, with its arrows, and moves nothing else', () => {
    expect(boutique).toContain(FRONTEND);
    // Typing its name: the first letter breaks the load generator's address (a new problem line,
    // a taller box: the layout runs); the next letters only rename it.
    expect(redrawnInPlace(before, view(named('frontendx')))).toBeUndefined();
    const typed = layoutLayered(view(named('frontendx')));
    const next = view(named('frontendxy'));
    const kept = redrawnInPlace(typed, next);
    expect(kept).toBeDefined();
    const ids = kept!.nodes.map((n) => n.id);
    expect(ids.some((id) => id.endsWith('/frontendxy'))).toBe(true);
    expect(ids.some((id) => id.endsWith('/frontendx'))).toBe(false);
    expect(new Set(ids)).toEqual(new Set(next.nodes.map((n) => n.id)));
    // The new box stands exactly where the old one stood; every other box is untouched.
    const was = absoluteRects(typed.nodes);
    const now = absoluteRects(kept!.nodes);
    const renamed = ids.find((id) => id.endsWith('/frontendxy'))!;
    expect(now.get(renamed)).toEqual(was.get(renamed.replace(/y$/, '')));
    for (const [id, rect] of was) if (!id.endsWith('/frontendx')) expect(now.get(id)).toEqual(rect);
    // What the box says is the new text.
    expect(kept!.nodes.find((n) => n.id === renamed)!.title).toContain('frontendxy');
    // Its arrows keep their routes, now between the new ids.
    const into = kept!.edges.filter((e) => e.source === renamed || e.target === renamed);
    expect(into.length).toBeGreaterThan(0);
    for (const edge of into) expect(edge.points?.length).toBeGreaterThan(1);
    expect(kept!.edges.map((e) => e.id).sort()).toEqual(next.edges.map((e) => e.id).sort());
  });

  it('lays out again when a box is added, removed or resized', () => {
    const added = `${boutique}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n  ports:\n    - port: 80\n`;
    expect(redrawnInPlace(before, view(added))).toBeUndefined();
    const resized = view(boutique);
    resized.nodes = resized.nodes.map((n) => (n.title === 'frontend' ? { ...n, width: n.width + 40 } : n));
    expect(redrawnInPlace(before, resized)).toBeUndefined();
  });

  it('keeps every place when only what a box says changed', () => {
    const graph: ViewGraph = { nodes: [box('a'), box('b'), box('c')], edges: [arrow('a', 'b')] };
    const placed = layoutLayered(graph);
    const said = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'b' ? { ...n, lines: ['PORT=8081'] } : n)) };
    const kept = redrawnInPlace(placed, said);
    expect(absoluteRects(kept!.nodes)).toEqual(absoluteRects(placed.nodes));
    expect(kept!.nodes.find((n) => n.id === 'b')!.lines).toEqual(['PORT=8081']);
    expect(kept!.edges[0]!.points).toEqual(placed.edges[0]!.points);
  });

  it('lays out again when two renamed boxes could each be either', () => {
    const graph: ViewGraph = { nodes: [box('a'), box('b'), box('c')], edges: [] };
    const placed = layoutLayered(graph);
    expect(redrawnInPlace(placed, { nodes: [box('a2'), box('b2'), box('c')], edges: [] })).toBeUndefined();
    const one = redrawnInPlace(placed, { nodes: [box('a2'), box('b'), box('c')], edges: [] });
    expect(one?.nodes.find((n) => n.id === 'a2')).toMatchObject({ x: placed.nodes.find((n) => n.id === 'a')!.x });
  });
});
