import { describe, expect, it } from 'vitest';
import type { PositionedGraph, PositionedNode } from './elkLayout';
import { absoluteCentres, arrivalMs, durationMs, planTrace, positionAt } from './tracePlan';

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

describe('absoluteCentres', () => {
  it('adds the places of every parent', () => {
    const centres = absoluteCentres(graph);
    expect(centres.get('internet')).toEqual({ x: 50, y: 120 });
    expect(centres.get('svc')).toEqual({ x: 300, y: 100 });
    // pod: cluster (200,0) + node (300,60) + pod (20,60) + half its size (80,20)
    expect(centres.get('pod')).toEqual({ x: 600, y: 140 });
  });
});

describe('planTrace and positionAt', () => {
  const plan = planTrace(graph, ['internet', 'svc', 'pod', 'container-not-drawn'], () => undefined, {
    travelMs: 100,
    dwellMs: 200,
  });

  it('puts a hop whose object is not drawn on the box before it', () => {
    expect(plan.stops.map((s) => s.boxId)).toEqual(['internet', 'svc', 'pod', 'pod']);
  });

  it('uses the fallback box when one is given', () => {
    const withFallback = planTrace(graph, ['internet', 'ingress-class'], (hop) => (hop === 1 ? 'svc' : undefined));
    expect(withFallback.stops[1]!.boxId).toBe('svc');
  });

  it('dwells at a hop, then travels to the next', () => {
    expect(positionAt(plan, 0)).toMatchObject({ x: 50, y: 120, hop: 0, moving: false });
    expect(positionAt(plan, 199)).toMatchObject({ x: 50, hop: 0, moving: false });
    const halfway = positionAt(plan, 250);
    expect(halfway.moving).toBe(true);
    expect(halfway.hop).toBe(0);
    expect(halfway.x).toBeCloseTo(175); // eased halfway between 50 and 300
    expect(positionAt(plan, arrivalMs(plan, 1))).toMatchObject({ x: 300, y: 100, hop: 1, moving: false });
  });

  it('ends at the last hop and says when it is done', () => {
    expect(durationMs(plan)).toBe(3 * 300 + 200);
    expect(positionAt(plan, durationMs(plan) - 1)).toMatchObject({ hop: 3, done: false });
    expect(positionAt(plan, durationMs(plan) + 5000)).toMatchObject({ x: 600, y: 140, hop: 3, done: true });
  });

  it('never moves before the start', () => {
    expect(positionAt(plan, -500)).toMatchObject({ hop: 0, moving: false });
  });
});
