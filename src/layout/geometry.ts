/** Plain geometry of the laid-out picture, shared by the router, the trace plan and the tests. */

export type Point = { x: number; y: number };
export type Rect = { x: number; y: number; width: number; height: number };

type Placed = { id: string; parent?: string; x: number; y: number; width: number; height: number };

/** The smallest rectangle around `rects` (none: undefined). */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const width = Math.max(...rects.map((r) => r.x + r.width)) - x;
  const height = Math.max(...rects.map((r) => r.y + r.height)) - y;
  return { x, y, width, height };
}

/** Absolute rectangles of every box (positions in a positioned graph are relative to the parent). */
export function absoluteRects(nodes: readonly Placed[]): Map<string, Rect> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const origin = new Map<string, Point>();
  const originOf = (id: string, depth = 0): Point => {
    const known = origin.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node) return { x: 0, y: 0 };
    const parent = node.parent && depth < 20 ? originOf(node.parent, depth + 1) : { x: 0, y: 0 };
    const at = { x: parent.x + node.x, y: parent.y + node.y };
    origin.set(id, at);
    return at;
  };
  const rects = new Map<string, Rect>();
  for (const node of nodes) rects.set(node.id, { ...originOf(node.id), width: node.width, height: node.height });
  return rects;
}

/** Whether two rectangles share some area (touching edges do not count). */
export const rectsOverlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Whether the segment a→b passes through the inside of `r` shrunk by `inset` on every side
 * (Liang–Barsky clipping), so an arrow that only grazes a box's border does not count.
 */
export function segmentCrossesRect(a: Point, b: Point, r: Rect, inset = 1): boolean {
  const x0 = r.x + inset;
  const x1 = r.x + r.width - inset;
  const y0 = r.y + inset;
  const y1 = r.y + r.height - inset;
  if (x1 <= x0 || y1 <= y0) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clips: [number, number][] = [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

const CORNER = 8;

/** An SVG path through orthogonal points, each corner rounded a little (the canvas and the SVG draw it). */
export function roundedPath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const parts = [`M${points[0]!.x},${points[0]!.y}`];
  for (let k = 1; k < points.length; k++) {
    const p = points[k]!;
    const next = points[k + 1];
    if (!next) {
      parts.push(`L${p.x},${p.y}`);
      continue;
    }
    const prev = points[k - 1]!;
    const r = Math.min(CORNER, Math.hypot(p.x - prev.x, p.y - prev.y) / 2, Math.hypot(next.x - p.x, next.y - p.y) / 2);
    const inX = p.x - Math.sign(p.x - prev.x) * r;
    const inY = p.y - Math.sign(p.y - prev.y) * r;
    const outX = p.x + Math.sign(next.x - p.x) * r;
    const outY = p.y + Math.sign(next.y - p.y) * r;
    parts.push(`L${inX},${inY}`, `Q${p.x},${p.y} ${outX},${outY}`);
  }
  return parts.join(' ');
}
