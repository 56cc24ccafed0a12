import type { Point, Rect } from './geometry';

/**
 * The search behind the edge router: A* on a small grid made for one arrow, from the sides of
 * the obstacles near it. Lines of far obstacles never enter the grid, and the grid's buffers are
 * reused from one search to the next, so an arrow costs what its neighbourhood holds.
 */

// A bend costs as much as this many pixels; running through an obstacle, as much as this many.
const BEND_COST = 40;
export const CROSSING_COST = 100_000;
// Arrows read left to right: leaving or entering a box through its top or bottom costs extra.
const VERTICAL_END_COST = 60;
// Tie-break: of two states as promising, the one nearer the goal goes first (every staircase
// between two points is as long, and without it the search would fill the rectangle between them).
const TIE = 1 + 1e-3;

export type Found = { points: Point[]; cost: number };

/**
 * The cheapest orthogonal route from a to b (the centres of `ends`) on a grid of the obstacles'
 * sides inside `bounds`; undefined when every route costs `ceiling` or more (it would cross a
 * box: the caller looks further afield) or when more than `limit` states settled. `meter`, when
 * given, counts the states settled, so a caller can hold many searches to one budget.
 */
export function searchGrid(
  a: Point,
  b: Point,
  obstacles: readonly Rect[],
  bounds: Rect,
  ends: readonly Rect[],
  ceiling = Infinity,
  limit = Infinity,
  meter?: { settled: number },
): Found | undefined {
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
  const buffers = reserve(nx * ny);
  // How many obstacles each grid segment runs through: horizontal (i,j)→(i+1,j), vertical (i,j)→(i,j+1).
  const hBlocked = buffers.hBlocked;
  const vBlocked = buffers.vBlocked;
  const vEnd = buffers.vEnd;
  hBlocked.fill(0, 0, nx * ny);
  vBlocked.fill(0, 0, nx * ny);
  vEnd.fill(0, 0, nx * ny);
  for (const o of obstacles) {
    const i0 = lowerBound(xs, o.x);
    const i1 = lowerBound(xs, o.x + o.width);
    const j0 = lowerBound(ys, o.y);
    const j1 = lowerBound(ys, o.y + o.height);
    for (let j = j0; j <= j1 && j < ny; j++) {
      const insideY = ys[j]! > o.y && ys[j]! < o.y + o.height;
      for (let i = i0; i <= i1 && i < nx; i++) {
        const insideX = xs[i]! > o.x && xs[i]! < o.x + o.width;
        if (insideY && i < i1) hBlocked[j * nx + i]! += 1;
        if (insideX && j < j1) vBlocked[j * nx + i]! += 1;
      }
    }
  }
  // Vertical segments inside an end box: the arrow would leave through the top or bottom.
  for (const r of ends) {
    for (let j = lowerBound(ys, r.y); j < ny - 1 && ys[j]! < r.y + r.height; j++)
      for (let i = lowerBound(xs, r.x); i < nx && xs[i]! <= r.x + r.width; i++) vEnd[j * nx + i] = 1;
  }

  const si = lowerBound(xs, a.x);
  const sj = lowerBound(ys, a.y);
  const bx = xs[lowerBound(xs, b.x)]!;
  const by = ys[lowerBound(ys, b.y)]!;
  const start = sj * nx + si;
  const goal = lowerBound(ys, b.y) * nx + lowerBound(xs, b.x);
  // What is left at least: the distance, and a bend unless the state already heads straight at
  // the goal (bends at the start are free: it may leave either way).
  const estimate = (i: number, j: number, dir: number): number => {
    const dx = xs[i]! - bx;
    const dy = ys[j]! - by;
    const bend = j * nx + i !== start && ((dx !== 0 && dy !== 0) || (dir === 0 ? dy !== 0 : dx !== 0));
    return (Math.abs(dx) + Math.abs(dy) + (bend ? BEND_COST : 0)) * TIE;
  };
  // States: node * 2 + direction (0 horizontal, 1 vertical).
  const cost = buffers.cost;
  const from = buffers.from;
  cost.fill(Infinity, 0, nx * ny * 2);
  const heap = buffers.heap;
  heap.clear();
  for (const dir of [0, 1]) {
    cost[start * 2 + dir] = 0;
    from[start * 2 + dir] = -1;
    heap.push(start * 2 + dir, estimate(si, sj, dir));
  }
  let end = -1;
  let settled = 0;
  while (heap.size > 0) {
    const state = heap.top();
    const priority = heap.pop();
    const c = cost[state]!;
    const node = state >> 1;
    const dir = state & 1;
    const i = node % nx;
    const j = (node - i) / nx;
    if (priority > c + estimate(i, j, dir) + 1e-6) continue; // reached more cheaply since
    if (node === goal) {
      end = state;
      break;
    }
    if (meter) meter.settled++;
    if (c >= ceiling || ++settled > limit) return undefined;
    const step = (next: number, ni: number, nj: number, ndir: number, length: number, extra: number) => {
      const nc = c + length + (ndir !== dir && node !== start ? BEND_COST : 0) + extra;
      const ns = next * 2 + ndir;
      if (nc < cost[ns]!) {
        cost[ns] = nc;
        from[ns] = state;
        heap.push(ns, nc + estimate(ni, nj, ndir));
      }
    };
    if (i + 1 < nx) step(node + 1, i + 1, j, 0, xs[i + 1]! - xs[i]!, hBlocked[node]! * CROSSING_COST);
    if (i > 0) step(node - 1, i - 1, j, 0, xs[i]! - xs[i - 1]!, hBlocked[node - 1]! * CROSSING_COST);
    if (j + 1 < ny)
      step(
        node + nx,
        i,
        j + 1,
        1,
        ys[j + 1]! - ys[j]!,
        vBlocked[node]! * CROSSING_COST + vEnd[node]! * VERTICAL_END_COST,
      );
    if (j > 0)
      step(
        node - nx,
        i,
        j - 1,
        1,
        ys[j]! - ys[j - 1]!,
        vBlocked[node - nx]! * CROSSING_COST + vEnd[node - nx]! * VERTICAL_END_COST,
      );
  }
  if (end === -1) return undefined;
  const points: Point[] = [];
  for (let s = end; s !== -1; s = from[s]!) {
    const node = s >> 1;
    points.push({ x: xs[node % nx]!, y: ys[Math.floor(node / nx)]! });
  }
  return { points: points.reverse(), cost: cost[end]! };
}

type Buffers = {
  size: number;
  hBlocked: Uint16Array;
  vBlocked: Uint16Array;
  vEnd: Uint8Array;
  cost: Float64Array;
  from: Int32Array;
  heap: MinHeap;
};
let buffers: Buffers | undefined;

/** Typed arrays for a grid of `cells`, kept between searches (each search clears what it uses). */
function reserve(cells: number): Buffers {
  if (!buffers || buffers.size < cells) {
    const size = Math.max(cells, (buffers?.size ?? 0) * 2, 4096);
    buffers = {
      size,
      hBlocked: new Uint16Array(size),
      vBlocked: new Uint16Array(size),
      vEnd: new Uint8Array(size),
      cost: new Float64Array(size * 2),
      from: new Int32Array(size * 2),
      heap: buffers?.heap ?? new MinHeap(),
    };
  }
  return buffers;
}

/** Sorted unique coordinates within [lo, hi], with the middle of every gap between neighbours added. */
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

/** The first index whose value is at least v (the last index when none is). */
function lowerBound(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A binary min-heap of (state, priority). */
class MinHeap {
  private states: number[] = [];
  private priorities: number[] = [];
  get size(): number {
    return this.states.length;
  }
  clear(): void {
    this.states.length = 0;
    this.priorities.length = 0;
  }
  top(): number {
    return this.states[0]!;
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
  /** Removes the top and returns its priority. */
  pop(): number {
    const s = this.states;
    const p = this.priorities;
    const topPriority = p[0]!;
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
    return topPriority;
  }
}
