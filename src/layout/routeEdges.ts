import { edgeLabelSize } from './edgeLabels';
import { absoluteRects, rectsOverlap, segmentCrossesRect, type Point, type Rect } from './geometry';
import type { ViewEdge, ViewNode } from './viewGraph';

/** An arrow with its drawn route: absolute canvas points, first on its source box's border, last on its target's. */
export type RoutedEdge = ViewEdge & {
  points?: Point[];
  /** where the label's centre sits, when the edge shows one and it fits without covering text */
  labelAt?: Point;
};

type PlacedNode = ViewNode & { x: number; y: number };

// Room kept between an arrow and any box it passes; a bend costs as much as this many pixels.
const MARGIN = 9;
const BEND_COST = 40;
const CROSSING_COST = 100_000;
// Arrows read left to right: leaving or entering a box through its top or bottom costs extra.
const VERTICAL_END_COST = 60;
// The first search looks only around the two ends; a wider one runs when that one had to cross.
const NEAR = 160;

/**
 * Routes every edge orthogonally around the boxes that are not its ends (nor groups holding an
 * end), on a grid made of the boxes' sides pushed out by a margin and the corridors' middles.
 * The layout is final by now (docking and wrapping moved boxes after ELK), so one router draws
 * every arrow, laid out by ELK or not.
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
  const all = nodes.map((n) => ({ id: n.id, group: n.group, rect: rects.get(n.id)!, line: ancestors(n.id) }));
  const labelObstacles = all.map((n) => (n.group ? { ...n.rect, height: Math.min(n.rect.height, 48) } : n.rect));
  const placedLabels: Rect[] = [];

  return edges.map((edge) => {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    if (!from || !to) return { ...edge };
    const related = new Set([edge.source, edge.target, ...ancestors(edge.source), ...ancestors(edge.target)]);
    if (related.has(edge.source) && ancestors(edge.target).includes(edge.source)) return { ...edge };
    if (ancestors(edge.source).includes(edge.target)) return { ...edge };
    // Whatever lies inside an end is part of it; everything else is in the way.
    const obstacles = all
      .filter((n) => !related.has(n.id) && !n.line.includes(edge.source) && !n.line.includes(edge.target))
      .map((n) => inflate(n.rect, MARGIN));
    const points = routeBetween(from, to, obstacles);
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

/** The orthogonal route from one box to another, clipped to their borders. */
export function routeBetween(from: Rect, to: Rect, obstacles: readonly Rect[]): Point[] {
  const a = centre(from);
  const b = centre(to);
  const near: Rect = {
    x: Math.min(from.x, to.x) - NEAR,
    y: Math.min(from.y, to.y) - NEAR,
    width: Math.max(from.x + from.width, to.x + to.width) - Math.min(from.x, to.x) + 2 * NEAR,
    height: Math.max(from.y + from.height, to.y + to.height) - Math.min(from.y, to.y) + 2 * NEAR,
  };
  let found = search(
    a,
    b,
    obstacles.filter((o) => rectsOverlap(o, near)),
    near,
    [from, to],
  );
  if (!found || found.cost >= CROSSING_COST) {
    const bounds = obstacles.reduce(
      (box, o) => union(box, inflate(o, MARGIN * 2)),
      union(inflate(from, 40), inflate(to, 40)),
    );
    const wide = search(a, b, obstacles, bounds, [from, to]);
    if (wide && (!found || wide.cost < found.cost)) found = wide;
  }
  const path = simplify(found?.points ?? [a, { x: b.x, y: a.y }, b]);
  return clip(path, from, to);
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

/** Sorted unique coordinates, with the middle of every gap between neighbours added. */
function axis(values: number[], lo: number, hi: number): number[] {
  const sorted = [...new Set(values.filter((v) => v >= lo && v <= hi).map((v) => Math.round(v * 2) / 2))].sort(
    (p, q) => p - q,
  );
  const out: number[] = [];
  sorted.forEach((v, i) => {
    if (i > 0) {
      const gap = v - sorted[i - 1]!;
      if (gap > 4) out.push(Math.round(sorted[i - 1]! + gap / 2));
    }
    out.push(v);
  });
  return [...new Set(out)].sort((p, q) => p - q);
}

/** Dijkstra over (grid point, last direction): length, plus a cost per bend and per box crossed. */
function search(
  a: Point,
  b: Point,
  obstacles: readonly Rect[],
  bounds: Rect,
  ends: readonly Rect[],
): { points: Point[]; cost: number } | undefined {
  const xs = axis(
    [a.x, b.x, bounds.x, bounds.x + bounds.width, ...obstacles.flatMap((o) => [o.x, o.x + o.width])],
    bounds.x,
    bounds.x + bounds.width,
  );
  const ys = axis(
    [a.y, b.y, bounds.y, bounds.y + bounds.height, ...obstacles.flatMap((o) => [o.y, o.y + o.height])],
    bounds.y,
    bounds.y + bounds.height,
  );
  const nx = xs.length;
  const ny = ys.length;
  // How many obstacles each grid segment runs through: horizontal (i,j)→(i+1,j), vertical (i,j)→(i,j+1).
  const hBlocked = new Uint16Array(nx * ny);
  const vBlocked = new Uint16Array(nx * ny);
  const index = (list: number[], v: number) => {
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const o of obstacles) {
    const i0 = index(xs, o.x);
    const i1 = index(xs, o.x + o.width);
    const j0 = index(ys, o.y);
    const j1 = index(ys, o.y + o.height);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const insideX = xs[i]! > o.x && xs[i]! < o.x + o.width;
        const insideY = ys[j]! > o.y && ys[j]! < o.y + o.height;
        if (insideY && i < i1) hBlocked[j * nx + i]! += 1;
        if (insideX && j < j1) vBlocked[j * nx + i]! += 1;
      }
    }
  }
  // Vertical segments inside an end box: the arrow would leave through the top or bottom.
  const vEnd = new Uint8Array(nx * ny);
  for (const r of ends) {
    for (let j = index(ys, r.y); j < ny - 1 && ys[j]! < r.y + r.height; j++)
      for (let i = index(xs, r.x); i < nx && xs[i]! <= r.x + r.width; i++) vEnd[j * nx + i] = 1;
  }
  const start = index(ys, a.y) * nx + index(xs, a.x);
  const goal = index(ys, b.y) * nx + index(xs, b.x);
  // States: node * 2 + direction (0 horizontal, 1 vertical).
  const cost = new Float64Array(nx * ny * 2).fill(Infinity);
  const from = new Int32Array(nx * ny * 2).fill(-1);
  const heap = new MinHeap();
  cost[start * 2] = 0;
  cost[start * 2 + 1] = 0;
  heap.push(start * 2, 0);
  heap.push(start * 2 + 1, 0);
  let end = -1;
  while (heap.size > 0) {
    const [state, c] = heap.pop();
    if (c > cost[state]!) continue;
    const node = state >> 1;
    if (node === goal) {
      end = state;
      break;
    }
    const dir = state & 1;
    const i = node % nx;
    const j = (node - i) / nx;
    const step = (next: number, ndir: number, length: number, blocked: number, extra = 0) => {
      const nc = c + length + (ndir !== dir && node !== start ? BEND_COST : 0) + blocked * CROSSING_COST + extra;
      const ns = next * 2 + ndir;
      if (nc < cost[ns]!) {
        cost[ns] = nc;
        from[ns] = state;
        heap.push(ns, nc);
      }
    };
    if (i + 1 < nx) step(node + 1, 0, xs[i + 1]! - xs[i]!, hBlocked[node]!);
    if (i > 0) step(node - 1, 0, xs[i]! - xs[i - 1]!, hBlocked[node - 1]!);
    if (j + 1 < ny) step(node + nx, 1, ys[j + 1]! - ys[j]!, vBlocked[node]!, vEnd[node]! * VERTICAL_END_COST);
    if (j > 0) step(node - nx, 1, ys[j]! - ys[j - 1]!, vBlocked[node - nx]!, vEnd[node - nx]! * VERTICAL_END_COST);
  }
  if (end === -1) return undefined;
  const points: Point[] = [];
  for (let s = end; s !== -1; s = from[s]!) {
    const node = s >> 1;
    points.push({ x: xs[node % nx]!, y: ys[Math.floor(node / nx)]! });
  }
  return { points: points.reverse(), cost: cost[end]! };
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

/** A binary min-heap of (state, priority). */
class MinHeap {
  private states: number[] = [];
  private priorities: number[] = [];
  get size(): number {
    return this.states.length;
  }
  push(state: number, priority: number): void {
    const s = this.states;
    const p = this.priorities;
    let i = s.length;
    s.push(state);
    p.push(priority);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (p[up]! <= priority) break;
      s[i] = s[up]!;
      p[i] = p[up]!;
      i = up;
    }
    s[i] = state;
    p[i] = priority;
  }
  pop(): [number, number] {
    const s = this.states;
    const p = this.priorities;
    const top: [number, number] = [s[0]!, p[0]!];
    const lastS = s.pop()!;
    const lastP = p.pop()!;
    if (s.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let mp = lastP;
        if (l < s.length && p[l]! < mp) {
          m = l;
          mp = p[l]!;
        }
        if (r < s.length && p[r]! < mp) m = r;
        if (m === i) break;
        s[i] = s[m]!;
        p[i] = p[m]!;
        i = m;
      }
      s[i] = lastS;
      p[i] = lastP;
    }
    return top;
  }
}
