import { describe, expect, it } from 'vitest';
import type { PositionedGraph, PositionedNode } from './finishLayout';
import { absoluteRects, arrivalMs, durationMs, planTrace, pointAlong, positionAt } from './tracePlan';

function box(id: string, x: number, y: number, width: number, height: number, parent?: string): PositionedNode {
  return {
    id,
    role: 'generic',
    kind: 'X',
    title: id,
    lines: [],
    group: false,
    problems: { error: 0, warning: 0, info: 0 },
    x,
    y,
    width,
    height,
    ...(parent ? { parent } : {}),
  };
}

const graph: PositionedGraph = {
  nodes: [
    box('internet', 0, 100, 100, 40),
    box('cluster', 200, 0, 600, 400),
    box('svc', 50, 80, 100, 40, 'cluster'),
    box('node-1', 300, 60, 200, 200, 'cluster'),
    box('pod', 20, 60, 160, 40, 'node-1'),
  ],
  edges: [],
  width: 800,
  height: 400,
};

describe('absoluteRects', () => {
  it('adds the places of every parent', () => {
    const rects = absoluteRects(graph);
    expect(rects.get('internet')).toEqual({ x: 0, y: 100, width: 100, height: 40 });
    expect(rects.get('svc')).toEqual({ x: 250, y: 80, width: 100, height: 40 });
    // pod: cluster (200,0) + node (300,60) + pod (20,60)
    expect(rects.get('pod')).toEqual({ x: 520, y: 120, width: 160, height: 40 });
  });
});

describe('planTrace and positionAt', () => {
  // internet (0,100)–(100,140); svc abs (250,80)–(350,120); pod abs (520,120)–(680,160)
  const plan = planTrace(graph, ['internet', 'svc', 'pod', undefined], { travelMs: 100, dwellMs: 200 });

  it('starts on the right side of the first box and rests on the edge of each box it reaches, at the arrowhead', () => {
    expect(plan.stops.map((s) => [s.boxId, s.x, s.y])).toEqual([
      ['internet', 100, 120],
      ['svc', 250, 100],
      ['pod', 520, 140],
      // a hop with no box of its own stays on the box before it, crossing to its right side
      ['pod', 680, 140],
    ]);
    expect(plan.stops[1]!.centre).toEqual({ x: 300, y: 100 });
  });

  it('travels along the route: out of the right side of one box, into the left side of the next', () => {
    const leg = plan.legs[0]!;
    expect(leg[0]).toEqual({ x: 100, y: 120 }); // the right side of the Internet box
    expect(leg[1]).toEqual({ x: 100, y: 120 });
    expect(leg[leg.length - 1]).toEqual({ x: 250, y: 100 }); // the left side of the Service box
    // Orthogonal: every step is horizontal or vertical.
    for (let k = 2; k < leg.length; k++) expect(leg[k]!.x === leg[k - 1]!.x || leg[k]!.y === leg[k - 1]!.y).toBe(true);
  });

  it('follows the drawn arrow when there is one', () => {
    const route = [
      { x: 100, y: 120 },
      { x: 180, y: 120 },
      { x: 180, y: 100 },
      { x: 250, y: 100 },
    ];
    const routed: PositionedGraph = {
      ...graph,
      edges: [{ id: 'e', source: 'internet', target: 'svc', kind: 'routes', dashed: false, points: route }],
    };
    const legs = planTrace(routed, ['internet', 'svc']).legs;
    expect(legs[0]).toEqual([{ x: 100, y: 120 }, ...route]);
  });

  it('dwells at a hop, then travels to the next', () => {
    expect(positionAt(plan, 0)).toMatchObject({ x: 100, y: 120, hop: 0, moving: false });
    expect(positionAt(plan, 199)).toMatchObject({ x: 100, hop: 0, moving: false });
    const halfway = positionAt(plan, 250);
    expect(halfway).toMatchObject({ hop: 0, moving: true });
    expect(halfway.x).toBeGreaterThan(100);
    expect(halfway.x).toBeLessThan(250);
    expect(positionAt(plan, arrivalMs(plan, 1))).toMatchObject({ x: 250, y: 100, hop: 1, moving: false });
  });

  it('ends at the last hop and says when it is done', () => {
    expect(durationMs(plan)).toBe(3 * 300 + 200);
    expect(positionAt(plan, durationMs(plan) - 1)).toMatchObject({ hop: 3, done: false });
    expect(positionAt(plan, durationMs(plan) + 5000)).toMatchObject({ x: 680, y: 140, hop: 3, done: true });
  });

  it('never moves before the start', () => {
    expect(positionAt(plan, -500)).toMatchObject({ hop: 0, moving: false });
  });
});

describe('pointAlong', () => {
  it('measures by length, not by point count', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ];
    expect(pointAlong(path, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAlong(path, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAlong(path, 2)).toEqual({ x: 10, y: 30 });
  });
});
