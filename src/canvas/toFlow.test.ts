import { describe, expect, it } from 'vitest';
import { keepUnchanged, mostlyNew, onlyRenamed } from './toFlow';

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

describe('onlyRenamed', () => {
  const boxes = (n: number, renamed = 0) =>
    Array.from({ length: n }, (_, i) => (i < renamed ? `new-${i}` : `box-${i}`)).join('|');

  it.each([
    ['one box of 12 renamed', boxes(12), boxes(12, 1), true],
    ['two boxes of 12 renamed', boxes(12), boxes(12, 2), false],
    ['ten boxes of 1,000 renamed', boxes(1000), boxes(1000, 10), true],
    ['a box added', boxes(12), boxes(13), false],
    ['another picture of the same size', boxes(12), boxes(12, 12), false],
    ['the first picture', '', boxes(12), false],
  ])('%s: %s', (_, before, after, expected) => {
    expect(onlyRenamed(before, after)).toBe(expected);
  });
});

describe('mostlyNew', () => {
  const boxes = (n: number, renamed = 0) =>
    Array.from({ length: n }, (_, i) => (i < renamed ? `new-${i}` : `box-${i}`)).join('|');

  it.each([
    ['the first picture', '', boxes(12), true],
    ['another picture', boxes(12), boxes(30, 30), true],
    ['a Service added', boxes(12), boxes(13), false],
    ['a namespace of 20 boxes opened in 30', boxes(10), boxes(30), true],
    ['a namespace of 20 boxes opened in 300', boxes(280), boxes(300), false],
    ['no boxes at all', boxes(12), '', false],
  ])('%s', (_, before, after, expected) => {
    expect(mostlyNew(before, after)).toBe(expected);
  });
});
