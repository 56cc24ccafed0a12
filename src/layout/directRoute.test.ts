import { describe, expect, it } from 'vitest';
import { directRoute } from './directRoute';
import { rectsOverlap, type Rect } from './geometry';
import { routeCrosses } from './routeEdges';

const box = (x: number, y: number, width = 100, height = 40): Rect => ({ x, y, width, height });
const MARGIN = 9;
const lookUp = (obstacles: readonly Rect[]) => (area: Rect) => obstacles.filter((o) => rectsOverlap(o, area));

describe('directRoute', () => {
  it.each([
    { name: 'level boxes: straight', from: box(0, 0), to: box(300, 0), obstacles: [], points: 2 },
    {
      name: 'boxes apart in height: a Z next to the target',
      from: box(0, 0),
      to: box(300, 200),
      obstacles: [],
      points: 4,
    },
    {
      name: 'a wall between: a U over it',
      from: box(0, 100),
      to: box(400, 100),
      obstacles: [box(180, 50, 60, 300)],
      points: 6,
    },
    { name: 'an arrow that runs back: the mirrored Z', from: box(300, 200), to: box(0, 0), obstacles: [], points: 4 },
  ])('$name', ({ from, to, obstacles, points }) => {
    const route = directRoute(from, to, MARGIN, lookUp(obstacles))!;
    expect(route).toHaveLength(points);
    expect(routeCrosses(route, obstacles)).toBe(false);
    for (let k = 1; k < route.length; k++)
      expect(route[k]!.x === route[k - 1]!.x || route[k]!.y === route[k - 1]!.y).toBe(true);
    // It leaves through the side facing the target and enters through the side facing the source.
    const forward = from.x < to.x;
    expect(route[1]!.x > route[0]!.x).toBe(forward);
    expect(route[route.length - 1]!.x > route[route.length - 2]!.x).toBe(forward);
  });

  it('puts the Z next to the target, where the search puts it', () => {
    const route = directRoute(box(0, 0), box(300, 200), MARGIN, lookUp([]))!;
    expect(route[1]!.x).toBe(300 - MARGIN);
  });

  it('leaves boxes that share a column to the search', () => {
    expect(directRoute(box(0, 0), box(50, 200), MARGIN, lookUp([]))).toBeUndefined();
  });

  it('gives up when no simple shape is clear (the search takes over)', () => {
    const cage = [
      box(-50, -1000, 30, 3000),
      box(150, -1000, 30, 3000),
      box(-50, -1000, 1000, 30),
      box(-50, 1970, 1000, 30),
    ];
    const walled = [...cage, box(200, -2000, 30, 5000)];
    expect(directRoute(box(0, 0), box(400, 0), MARGIN, lookUp(walled))).toBeUndefined();
  });
});
