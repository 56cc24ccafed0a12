import { segmentCrossesRect, type Point, type Rect } from './geometry';

/**
 * The router's fast path: the layout is layered left to right, so most arrows can leave their
 * source's right side, run down or up a free gap between columns and enter their target's left
 * side (a Z), or, when a group stands between, climb over it or pass under it (a U). A few such
 * routes are tried against the boxes in the way, found through the router's index; the cheapest
 * clear one wins, and only when none is clear does the grid search run. It draws what the search
 * would draw in the common case (the search too puts the vertical stretch next to the target),
 * at the cost of a few index look-ups instead of a grid.
 */

// The same price for a bend as the search's, so the choice between routes reads the same way.
const BEND_COST = 40;
// How many times a stretch may be pushed past what blocks it before the candidate is given up.
const PUSHES = 6;

/** The boxes (inflated by the router's margin) in the way of an arrow that overlap `area`. */
export type InTheWay = (area: Rect) => readonly Rect[];

const spanX = (x0: number, x1: number, y: number): Rect => ({
  x: Math.min(x0, x1),
  y,
  width: Math.abs(x1 - x0),
  height: 0,
});
const spanY = (x: number, y0: number, y1: number): Rect => ({
  x,
  y: Math.min(y0, y1),
  width: 0,
  height: Math.abs(y1 - y0),
});

/** The boxes a segment runs through (grazing a border does not count). */
function blockers(p: Point, q: Point, inTheWay: InTheWay): Rect[] {
  const area = p.y === q.y ? spanX(p.x, q.x, p.y) : spanY(p.x, p.y, q.y);
  // A zero-thickness area finds nothing by overlap: give it the thickness of a pixel.
  const probe = { x: area.x - 0.5, y: area.y - 0.5, width: area.width + 1, height: area.height + 1 };
  return inTheWay(probe).filter((r) => segmentCrossesRect(p, q, r));
}

const costOf = (points: readonly Point[]): number => {
  let length = 0;
  for (let k = 1; k < points.length; k++)
    length += Math.abs(points[k]!.x - points[k - 1]!.x) + Math.abs(points[k]!.y - points[k - 1]!.y);
  return length + BEND_COST * Math.max(0, points.length - 2);
};

/**
 * A clear route from the centre of `from` to the centre of `to` that leaves through the side
 * facing the target and enters through the side facing the source, or undefined when the two
 * boxes share a column or none of the simple shapes is clear.
 */
export function directRoute(from: Rect, to: Rect, margin: number, inTheWay: InTheWay): Point[] | undefined {
  if (from.x + from.width < to.x) return forwardRoute(from, to, margin, inTheWay);
  if (to.x + to.width >= from.x) return undefined;
  // An arrow that runs back (a call from a Pod to a Service left of it) is the same problem seen
  // in a mirror: out through the left side, in through the right.
  const route = forwardRoute(mirror(from), mirror(to), margin, (area) => inTheWay(mirror(area)).map(mirrored));
  return route?.map((p) => ({ x: -p.x, y: p.y }));
}

const mirror = (r: Rect): Rect => ({ ...r, x: -(r.x + r.width) });
// The router hands out the same rectangle objects every time: mirror each once.
const mirrors = new WeakMap<Rect, Rect>();
const mirrored = (r: Rect): Rect => {
  let m = mirrors.get(r);
  if (!m) {
    m = mirror(r);
    mirrors.set(r, m);
  }
  return m;
};

/** directRoute for a target right of its source. */
function forwardRoute(from: Rect, to: Rect, margin: number, inTheWay: InTheWay): Point[] | undefined {
  const a = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const b = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  const right = from.x + from.width;
  const clear = (points: readonly Point[]) =>
    points.every((p, k) => k === 0 || blockers(points[k - 1]!, p, inTheWay).length === 0);
  const candidates: Point[][] = [];

  {
    if (a.y === b.y && clear([a, b])) candidates.push([a, b]);
    // A Z: the vertical stretch next to the target first (where the search puts it), pushed left
    // past whatever blocks it, then next to the source, pushed right.
    const z = (x: number): Point[] => [a, { x, y: a.y }, { x, y: b.y }, b];
    for (const [start, step] of [
      [to.x - margin, -1],
      [right + margin, 1],
    ] as const) {
      let x = start;
      for (let push = 0; push < PUSHES && x > right && x < to.x; push++) {
        const route = z(x);
        if (clear(route)) {
          candidates.push(route);
          break;
        }
        const hit = blockers({ x, y: a.y }, { x, y: b.y }, inTheWay);
        if (hit.length === 0) break; // the horizontal stretches are blocked: moving x will not help
        x = step < 0 ? Math.min(...hit.map((r) => r.x)) : Math.max(...hit.map((r) => r.x + r.width));
      }
    }
  }

  // A U over (or under) what stands between: out to the right, up (down) to a free row, across,
  // down (up) next to the target, in from the left. Each stretch that is blocked is pushed past
  // what blocks it: the row up (down), the first column right, the last column left.
  if (candidates.length === 0)
    for (const up of [true, false]) {
      let x1 = right + margin;
      let x2 = to.x - margin;
      let y = up ? Math.min(a.y, b.y) : Math.max(a.y, b.y);
      for (let push = 0; push < 3 * PUSHES && x1 > right && x2 < to.x + to.width / 2; push++) {
        const row = blockers({ x: x1, y }, { x: x2, y }, inTheWay);
        if (row.length > 0) {
          y = up ? Math.min(...row.map((r) => r.y)) : Math.max(...row.map((r) => r.y + r.height));
          continue;
        }
        const first = [
          ...blockers(a, { x: x1, y: a.y }, inTheWay),
          ...blockers({ x: x1, y: a.y }, { x: x1, y }, inTheWay),
        ];
        if (first.length > 0) {
          x1 = Math.max(...first.map((r) => r.x + r.width));
          continue;
        }
        const last = [
          ...blockers({ x: x2, y }, { x: x2, y: b.y }, inTheWay),
          ...blockers({ x: x2, y: b.y }, b, inTheWay),
        ];
        if (last.length > 0) {
          x2 = Math.min(...last.map((r) => r.x));
          continue;
        }
        candidates.push([a, { x: x1, y: a.y }, { x: x1, y }, { x: x2, y }, { x: x2, y: b.y }, b]);
        break;
      }
    }
  if (candidates.length === 0) return undefined;
  return candidates.reduce((best, route) => (costOf(route) < costOf(best) ? route : best));
}
