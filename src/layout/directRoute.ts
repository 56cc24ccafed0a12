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
  // A zero-thickness area overlaps exactly the boxes whose inside the line enters (not those it grazes).
  return inTheWay(area).filter((r) => segmentCrossesRect(p, q, r));
}

/**
 * A clear route from the centre of `from` to the centre of `to` that leaves through the side
 * facing the target and enters through the side facing the source, or undefined when the two
 * boxes share a column or none of the simple shapes is clear. `toOuter` is the outermost group
 * holding the target but not the source (the target itself when there is none).
 */
export function directRoute(
  from: Rect,
  to: Rect,
  margin: number,
  inTheWay: InTheWay,
  toOuter: Rect = to,
): Point[] | undefined {
  if (from.x + from.width < to.x) return forwardRoute(from, to, margin, inTheWay, toOuter);
  if (to.x + to.width >= from.x) return undefined;
  // An arrow that runs back (a call from a Pod to a Service left of it) is the same problem seen
  // in a mirror: out through the left side, in through the right.
  const route = forwardRoute(
    mirror(from),
    mirror(to),
    margin,
    (area) => inTheWay(mirror(area)).map(mirrored),
    mirror(toOuter),
  );
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

/**
 * directRoute for a target right of its source. Horizontal stretches are short and cheap to
 * check; vertical ones can run the height of the picture, so they are checked last and once.
 */
function forwardRoute(from: Rect, to: Rect, margin: number, inTheWay: InTheWay, toOuter: Rect): Point[] | undefined {
  const a = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const b = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  const right = from.x + from.width;
  const free = (p: Point, q: Point) => blockers(p, q, inTheWay).length === 0;
  if (a.y === b.y && free(a, b)) return [a, b];

  // A Z: the vertical stretch next to the target first (where the search puts it), pushed left
  // past whatever blocks it, then next to the source, pushed right. Every Z costs the same.
  const starts: [number, 1 | -1][] = [
    [to.x - margin, -1],
    [right + margin, 1],
  ];
  // Outside the group that holds the target (a worker node, a Deployment) first: arrows into one
  // group then fork in the gap before it rather than inside it, each hugging its own box.
  if (toOuter.x < to.x && toOuter.x - margin > right) starts.unshift([toOuter.x - margin, -1]);
  for (const [start, step] of starts) {
    let x = start;
    for (let push = 0; push < PUSHES && x > right && x < to.x; push++) {
      // What blocks the two horizontal stretches first (they are short), the vertical one last.
      let hit = [...blockers(a, { x, y: a.y }, inTheWay), ...blockers({ x, y: b.y }, b, inTheWay)];
      if (hit.length === 0) hit = blockers({ x, y: a.y }, { x, y: b.y }, inTheWay);
      if (hit.length === 0) return [a, { x, y: a.y }, { x, y: b.y }, b];
      const next = step < 0 ? Math.min(...hit.map((r) => r.x)) : Math.max(...hit.map((r) => r.x + r.width));
      if (next === x) break;
      x = next;
    }
  }

  // A U over (or under) what stands between: out to the right, up (down) to a free row, across,
  // down (up) next to the target, in from the left. The row is found first, both ways, by lifting
  // it past what blocks it; the shorter way is tried first, its columns pushed past what blocks them.
  const x1 = right + margin;
  const x2 = to.x - margin;
  if (x1 >= x2 + to.width / 2) return undefined;
  const rows: number[] = [];
  for (const up of [true, false]) {
    let y = up ? Math.min(a.y, b.y) : Math.max(a.y, b.y);
    // Rows of boxes in several columns stagger, so a row may take a few more lifts than a column.
    for (let push = 0; push < 4 * PUSHES; push++) {
      const row = blockers({ x: x1, y }, { x: x2, y }, inTheWay);
      if (row.length === 0) {
        rows.push(y);
        break;
      }
      y = up ? Math.min(...row.map((r) => r.y)) : Math.max(...row.map((r) => r.y + r.height));
    }
  }
  rows.sort((p, q) => Math.abs(a.y - p) + Math.abs(b.y - p) - (Math.abs(a.y - q) + Math.abs(b.y - q)));
  for (const y of rows) {
    let c1 = x1;
    let c2 = x2;
    for (let push = 0; push < PUSHES && c1 > right && c2 < to.x && c1 < c2; push++) {
      // (The row stays clear: pushing the columns inwards only shortens it.)
      const first = [
        ...blockers(a, { x: c1, y: a.y }, inTheWay),
        ...blockers({ x: c1, y: a.y }, { x: c1, y }, inTheWay),
      ];
      if (first.length > 0) {
        c1 = Math.max(...first.map((r) => r.x + r.width));
        continue;
      }
      const last = [
        ...blockers({ x: c2, y }, { x: c2, y: b.y }, inTheWay),
        ...blockers({ x: c2, y: b.y }, b, inTheWay),
      ];
      if (last.length > 0) {
        c2 = Math.min(...last.map((r) => r.x));
        continue;
      }
      return [a, { x: c1, y: a.y }, { x: c1, y }, { x: c2, y }, { x: c2, y: b.y }, b];
    }
  }
  return undefined;
}
