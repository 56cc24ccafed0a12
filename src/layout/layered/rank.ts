/**
 * Layers of one group's children: longest path over the (lifted) traffic edges, left to right.
 * Cycles are broken in model order: when no child is free of incoming edges, the earliest one
 * left loses its incoming edges. A child with edges only out of it stands just left of the
 * nearest child it points to, rather than in the first layer (as a network-simplex layering
 * would put it); a child with no edge at all stands in the first layer.
 */

export type LayerEdge = { from: number; to: number };

/** The layer of each child (children are 0…n-1 in model order) and the edges kept (cycles broken). */
export function rankLayers<E extends LayerEdge>(count: number, edges: readonly E[]): { layer: number[]; kept: E[] } {
  const out: number[][] = Array.from({ length: count }, () => []);
  const into: number[][] = Array.from({ length: count }, () => []);
  const incoming = new Array<number>(count).fill(0);
  const seen = new Set<number>();
  const unique: E[] = [];
  for (const e of edges) {
    if (e.from === e.to) continue;
    const key = e.from * count + e.to;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(e);
  }
  for (const e of unique) {
    out[e.from]!.push(e.to);
    into[e.to]!.push(e.from);
    incoming[e.to]! += 1;
  }
  // Kahn's algorithm in model order, breaking a cycle at its earliest child.
  const layer = new Array<number>(count).fill(0);
  const done = new Array<boolean>(count).fill(false);
  const dropped = new Set<number>();
  const ready: number[] = [];
  const queued = new Array<boolean>(count).fill(false);
  const enqueue = (k: number) => {
    queued[k] = true;
    ready.push(k);
  };
  for (let k = 0; k < count; k++) if (incoming[k] === 0) enqueue(k);
  let next = 0;
  let placed = 0;
  let scan = 0;
  while (placed < count) {
    if (next >= ready.length) {
      while (queued[scan]) scan++;
      const k = scan;
      // Its incoming edges from children not yet placed are the ones that close a cycle.
      for (const from of into[k]!) if (!done[from]) dropped.add(from * count + k);
      incoming[k] = 0;
      enqueue(k);
    }
    const k = ready[next++]!;
    if (done[k]) continue;
    done[k] = true;
    placed++;
    for (const to of out[k]!) {
      if (dropped.has(k * count + to) || done[to]) continue;
      layer[to] = Math.max(layer[to]!, layer[k]! + 1);
      incoming[to]! -= 1;
      if (incoming[to] === 0 && !queued[to]) enqueue(to);
    }
  }
  const kept = unique.filter((e) => !dropped.has(e.from * count + e.to) && layer[e.to]! > layer[e.from]!);
  // Sources move right, next to what they feed (latest first, so chains of sources follow).
  const hasIn = new Array<boolean>(count).fill(false);
  const keptOut: number[][] = Array.from({ length: count }, () => []);
  for (const e of kept) {
    hasIn[e.to] = true;
    keptOut[e.from]!.push(e.to);
  }
  const byLayer = [...layer.keys()].sort((p, q) => layer[q]! - layer[p]! || p - q);
  for (const k of byLayer) {
    if (hasIn[k] || keptOut[k]!.length === 0) continue;
    let nearest = Infinity;
    for (const to of keptOut[k]!) nearest = Math.min(nearest, layer[to]!);
    layer[k] = Math.max(layer[k]!, nearest - 1);
  }
  return { layer, kept };
}
