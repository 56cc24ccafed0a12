import { describe, expect, it } from 'vitest';
import { nextSlice } from './useSlices';

describe('nextSlice', () => {
  // A group and its boxes, parents first, as the canvas orders them.
  const nodes = [{ id: 'ns' }, ...Array.from({ length: 9 }, (_, i) => ({ id: `box-${i}` }))];
  const edges = [
    { source: 'box-0', target: 'box-1' },
    { source: 'box-1', target: 'box-8' },
  ];

  it('gives everything when few boxes are new', () => {
    const slice = nextSlice(nodes, edges, new Set(nodes.slice(0, 7).map((n) => n.id)), 4);
    expect(slice).toEqual({ nodes, edges, complete: true });
    expect(slice.nodes).toBe(nodes);
  });

  it('gives the first boxes, up to the slice of new ones, and the arrows whose both ends are in', () => {
    const slice = nextSlice(nodes, edges, new Set(), 4);
    expect(slice.complete).toBe(false);
    expect(slice.nodes.map((n) => n.id)).toEqual(['ns', 'box-0', 'box-1', 'box-2']);
    expect(slice.edges).toEqual([edges[0]]);
  });

  it('counts only the new boxes, so each frame adds a slice until all are in', () => {
    let shown = new Set<string>();
    const frames: number[] = [];
    for (let frame = 0; frame < 10; frame++) {
      const slice = nextSlice(nodes, edges, shown, 4);
      frames.push(slice.nodes.length);
      shown = new Set(slice.nodes.map((n) => n.id));
      if (slice.complete) break;
    }
    expect(frames).toEqual([4, 8, 10]);
  });
});
