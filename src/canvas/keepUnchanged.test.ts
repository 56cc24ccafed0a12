import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './toFlow';

describe('keepUnchanged', () => {
  const a = { id: 'a', x: 1 };
  const b = { id: 'b', x: 2 };

  it('gives the previous list itself when nothing changed', () => {
    const previous = [a, b];
    expect(keepUnchanged(previous, [{ ...a }, { ...b }])).toBe(previous);
  });

  it('keeps the objects of unchanged items and takes the changed ones', () => {
    const changed = { id: 'b', x: 3 };
    const kept = keepUnchanged([a, b], [{ ...a }, changed]);
    expect(kept[0]).toBe(a);
    expect(kept[1]).toBe(changed);
  });

  it('takes new items, and a new order, as they come', () => {
    const c = { id: 'c', x: 4 };
    const kept = keepUnchanged([a, b], [{ ...b }, { ...a }, c]);
    expect(kept).toEqual([b, a, c]);
    expect(kept[0]).toBe(b);
    expect(kept[2]).toBe(c);
  });

  it('takes the next list when there was none before', () => {
    const next = [a];
    expect(keepUnchanged([], next)).toBe(next);
  });
});
