import { edgeLabelSize } from './edgeLabels';
import { absoluteRects, rectsOverlap, segmentCrossesRect, type Point, type Rect } from './geometry';
import { directRoute } from './directRoute';
import { CROSSING_COST, searchGrid } from './routeSearch';
import type { ViewEdge, ViewNode } from './viewGraph';

/** An arrow with its drawn route: absolute canvas points, first on its source box's border, last on its target's. */
export type RoutedEdge = ViewEdge & {
  points?: Point[];
  /** where the label's centre sits, when the edge shows one and it fits without covering text */
  labelAt?: Point;
};

type PlacedNode = ViewNode & { x: number; y: number };

// Room kept between an arrow and any box it passes.
const MARGIN = 9;
// The first search looks only around the two ends; the whole picture only when that one had to cross.
const WINDOWS = [160];
// States the last, widest search may settle before it gives up (and the arrow is drawn straight).
const MAX_SETTLED = 400_000;
// States all the searches of one picture may settle together. Most arrows need none (the direct
// route); a huge picture whose arrows all need searching (500 Compose services with their
// dependencies took 6 s) has its last ones drawn as plain elbows rather than freezing.
const PICTURE_SETTLED = 1_000_000;

/**
 * Routes every edge orthogonally around the boxes that are not its ends (nor groups holding an
 * end), on a grid made of the sides of the boxes near it pushed out by a margin and the
 * corridors' middles. The layout is final by now (docking and wrapping moved boxes), so one
 * router draws every arrow. Boxes are found through a bucket index, so an arrow costs what lies
 * around it rather than what the whole picture holds.
 */
export function routeEdges(
  nodes: readonly PlacedNode[],
  edges: readonly ViewEdge[],
  labels: ReadonlyMap<string, string>,
): RoutedEdge[] {
  const rects = absoluteRects(nodes);
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  const ancestors = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(id), d = 0; p && d < 20; p = parentOf.get(p), d++) out.push(p);
    return out;
  };
  const all = nodes.map((n) => ({ id: n.id, rect: inflate(rects.get(n.id)!, MARGIN), line: ancestors(n.id) }));
  const index = new BucketIndex(all.map((n) => n.rect));
  const labelObstacles = nodes.map((n) => {
    const r = rects.get(n.id)!;
    return n.group ? { ...r, height: Math.min(r.height, 48) } : r;
  });
  const placedLabels: Rect[] = [];
  const meter = { settled: 0 };

  return edges.map((edge) => {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    if (!from || !to) return { ...edge };
    if (ancestors(edge.target).includes(edge.source)) return { ...edge };
    if (ancestors(edge.source).includes(edge.target)) return { ...edge };
    const related = new Set([edge.source, edge.target, ...ancestors(edge.source), ...ancestors(edge.target)]);
    // Whatever lies inside an end is part of it; everything else is in the way. A box inside a
    // group that is in the way adds nothing but grid lines (the group already blocks), so only
    // boxes whose every group holds an end count.
    const inTheWay = (area: Rect): Rect[] =>
      index
        .overlapping(area)
        .map((k) => all[k]!)
        .filter(
          (n) =>
            !related.has(n.id) &&
            n.line.every((id) => related.has(id)) &&
            !n.line.includes(edge.source) &&
            !n.line.includes(edge.target),
        )
        .map((n) => n.rect);
    // The outermost group that holds the target but not the source: arrows fork before it.
    const sourceLine = new Set([edge.source, ...ancestors(edge.source)]);
    let outer = edge.target;
    for (const p of ancestors(edge.target)) {
      if (sourceLine.has(p)) break;
      outer = p;
    }
    const points = routeAround(from, to, inTheWay, index.bounds, rects.get(outer) ?? to, meter);
    const label = labels.get(edge.id);
    const labelAt = label ? placeLabel(points, edgeLabelSize(label), [...labelObstacles, ...placedLabels]) : undefined;
    if (label && labelAt) {
      const size = edgeLabelSize(label);
      placedLabels.push({ x: labelAt.x - size.width / 2, y: labelAt.y - size.height / 2, ...size });
    }
    return { ...edge, points, ...(labelAt ? { labelAt } : {}) };
  });
}

const inflate = (r: Rect, m: number): Rect => ({
  x: r.x - m,
  y: r.y - m,
  width: r.width + 2 * m,
  height: r.height + 2 * m,
});
const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** The orthogonal route from one box to another around `obstacles`, clipped to their borders. */
export function routeBetween(from: Rect, to: Rect, obstacles: readonly Rect[]): Point[] {
  const bounds = obstacles.reduce((box, o) => union(box, o), union(from, to));
  return routeAround(from, to, (area) => obstacles.filter((o) => rectsOverlap(o, area)), bounds);
}

/**
 * Takes a simple forward route when one is clear (directRoute: a few index look-ups, no grid);
 * otherwise looks for a route in growing windows around the two ends, taking the first that
 * crosses no box; the last window holds every obstacle (`all` bounds them) and takes what it finds.
 */
function routeAround(
  from: Rect,
  to: Rect,
  inTheWay: (area: Rect) => Rect[],
  all: Rect,
  toOuter: Rect = to,
  meter: { settled: number } = { settled: 0 },
): Point[] {
  const a = centre(from);
  const b = centre(to);
  const ends = union(from, to);
  const direct = directRoute(from, to, MARGIN, inTheWay, toOuter);
  if (direct) return clip(simplify(direct), from, to);
  const left = () => Math.max(0, PICTURE_SETTLED - meter.settled);
  for (const margin of WINDOWS) {
    if (left() === 0) break;
    const area = inflate(ends, margin);
    const found = searchGrid(a, b, inTheWay(area), area, [from, to], CROSSING_COST, left(), meter);
    if (found) return clip(simplify(found.points), from, to);
  }
  const area = union(inflate(all, MARGIN * 2), inflate(ends, 40));
  const found =
    left() > 0
      ? searchGrid(a, b, inTheWay(area), area, [from, to], Infinity, Math.min(MAX_SETTLED, left()), meter)
      : undefined;
  return clip(simplify(found?.points ?? [a, { x: b.x, y: a.y }, b]), from, to);
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * Rectangles sorted into square buckets (about one per rectangle), so "which rectangles overlap
 * this area" looks at the buckets the area covers, not at every box of the picture.
 */
class BucketIndex {
  readonly bounds: Rect;
  private readonly size: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly buckets: number[][];
  private readonly seen: Int32Array;
  private query = 0;
  constructor(private readonly rects: readonly Rect[]) {
    this.bounds = rects.reduce(union, rects[0] ?? { x: 0, y: 0, width: 0, height: 0 });
    const area = Math.max(1, this.bounds.width * this.bounds.height);
    this.size = Math.max(64, Math.sqrt(area / Math.max(1, rects.length)));
    this.columns = Math.ceil(this.bounds.width / this.size) + 1;
    this.rows = Math.ceil(this.bounds.height / this.size) + 1;
    this.buckets = Array.from({ length: this.columns * this.rows }, () => []);
    this.seen = new Int32Array(rects.length).fill(-1);
    rects.forEach((r, k) => this.cells(r, (cell) => this.buckets[cell]!.push(k)));
  }
  private cells(r: Rect, visit: (cell: number) => void): void {
    const clampX = (x: number) => Math.min(this.columns - 1, Math.max(0, Math.floor((x - this.bounds.x) / this.size)));
    const clampY = (y: number) => Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.bounds.y) / this.size)));
    const c1 = clampX(r.x + r.width);
    const r1 = clampY(r.y + r.height);
    for (let row = clampY(r.y); row <= r1; row++)
      for (let column = clampX(r.x); column <= c1; column++) visit(row * this.columns + column);
  }
  // For each vertical line asked about, the rectangles whose inside it runs through, in index order.
  private readonly lines = new Map<number, number[]>();
  /** Indices of the rectangles that overlap `area`, in index order. */
  overlapping(area: Rect): number[] {
    // A vertical line can run the height of a tall picture (the router's fast path asks about
    // many): every rectangle its x runs through is listed once, then only their heights compared.
    if (area.width === 0) {
      let line = this.lines.get(area.x);
      if (!line) {
        line = [];
        this.rects.forEach((r, k) => {
          if (r.x < area.x && area.x < r.x + r.width) line!.push(k);
        });
        this.lines.set(area.x, line);
      }
      return line.filter((k) => rectsOverlap(this.rects[k]!, area));
    }
    const found: number[] = [];
    const query = this.query++;
    this.cells(area, (cell) => {
      for (const k of this.buckets[cell]!) {
        if (this.seen[k] === query) continue;
        this.seen[k] = query;
        if (rectsOverlap(this.rects[k]!, area)) found.push(k);
      }
    });
    return found.sort((p, q) => p - q);
  }
}

/** Drops repeated and collinear points. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

const inside = (p: Point, r: Rect) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/** Where an axis-parallel segment from inside `r` to outside it meets the border. */
function exitPoint(p: Point, q: Point, r: Rect): Point {
  if (p.y === q.y) return { x: q.x > p.x ? r.x + r.width : r.x, y: p.y };
  return { x: p.x, y: q.y > p.y ? r.y + r.height : r.y };
}

/** Cuts the route from centre to centre down to the part between the two borders. */
function clip(points: Point[], from: Rect, to: Rect): Point[] {
  let first = 0;
  while (first + 1 < points.length && inside(points[first + 1]!, from)) first++;
  let last = points.length - 1;
  while (last - 1 > first && inside(points[last - 1]!, to)) last--;
  if (first + 1 >= points.length || last <= first) return points;
  const head = inside(points[first]!, from) ? exitPoint(points[first]!, points[first + 1]!, from) : points[first]!;
  const tail = inside(points[last]!, to) ? exitPoint(points[last]!, points[last - 1]!, to) : points[last]!;
  return simplify([head, ...points.slice(first + 1, last), tail]);
}

/** The label's centre: the middle of the longest stretch where it covers no box text and no other label. */
function placeLabel(points: readonly Point[], size: { width: number; height: number }, avoid: readonly Rect[]) {
  const candidates: { at: Point; length: number }[] = [];
  for (let k = 1; k < points.length; k++) {
    const p = points[k - 1]!;
    const q = points[k]!;
    const length = Math.hypot(q.x - p.x, q.y - p.y);
    for (const t of [0.5, 0.3, 0.7, 0.15, 0.85])
      candidates.push({
        at: { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t },
        length: length * (p.y === q.y ? 2 : 1),
      });
  }
  candidates.sort((m, n) => n.length - m.length);
  return candidates.find(({ at }) => {
    const r = { x: at.x - size.width / 2, y: at.y - size.height / 2, ...size };
    return !avoid.some((o) => rectsOverlap(o, r));
  })?.at;
}

/** Whether a route runs through any of `boxes` (used by tests and the e2e check). */
export function routeCrosses(points: readonly Point[], boxes: readonly Rect[]): boolean {
  for (let k = 1; k < points.length; k++)
    if (boxes.some((r) => segmentCrossesRect(points[k - 1]!, points[k]!, r))) return true;
  return false;
}
