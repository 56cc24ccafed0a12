import { describe, expect, it } from 'vitest';
import { rankLayers } from './rank';

const edges = (...pairs: [number, number][]) => pairs.map(([from, to]) => ({ from, to }));

describe('rankLayers', () => {
  it.each([
    ['a chain', 3, edges([0, 1], [1, 2]), [0, 1, 2]],
    ['the longest path wins', 4, edges([0, 1], [1, 2], [0, 2], [2, 3]), [0, 1, 2, 3]],
    ['a box with no edge stands first', 3, edges([0, 1]), [0, 1, 0]],
    ['a source stands just left of what it feeds', 4, edges([0, 1], [1, 2], [3, 2]), [0, 1, 2, 1]],
    ['a cycle is broken at its earliest box', 3, edges([0, 1], [1, 2], [2, 0]), [0, 1, 2]],
    ['self-loops and repeats are ignored', 2, edges([0, 0], [0, 1], [0, 1]), [0, 1]],
  ])('%s', (_name, count, list, expected) => {
    expect(rankLayers(count, list).layer).toEqual(expected);
  });

  it('keeps only edges that point right', () => {
    const { kept } = rankLayers(3, edges([0, 1], [1, 2], [2, 0]));
    expect(kept).toEqual(edges([0, 1], [1, 2]));
  });

  it('takes a long chain without recursion', () => {
    const n = 20_000;
    const chain = Array.from({ length: n - 1 }, (_, k) => ({ from: k, to: k + 1 }));
    expect(rankLayers(n, chain).layer[n - 1]).toBe(n - 1);
  });
});
