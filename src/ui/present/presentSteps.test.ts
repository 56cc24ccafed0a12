import { describe, expect, it } from 'vitest';
import { clampStep, hopOfStep, outcomeOf, stepForKey } from './presentSteps';

const counts = { build: 3, hops: 4 };

describe('presentation steps', () => {
  it.each([
    ['ArrowRight', 0, 1],
    [' ', 2, 3],
    ['ArrowRight', 6, 6],
    ['ArrowLeft', 3, 2],
    ['ArrowLeft', 0, 0],
    ['Home', 5, 0],
    ['End', 1, 6],
    ['x', 1, undefined],
  ])('%j from %i → %j', (key, from, to) => {
    expect(stepForKey(key, from, counts)).toBe(to);
  });

  it('maps steps past the build-up to hops', () => {
    expect(hopOfStep(2, counts)).toBeUndefined();
    expect(hopOfStep(3, counts)).toBe(0);
    expect(hopOfStep(6, counts)).toBe(3);
    expect(hopOfStep(3, { build: 3, hops: 0 })).toBeUndefined();
  });

  it('clamps to a shorter trace', () => {
    expect(clampStep(6, { build: 3, hops: 2 })).toBe(4);
  });

  it('names the outcome', () => {
    expect(outcomeOf(null)).toBe('none');
    expect(outcomeOf({ ok: true, hops: [] })).toBe('ok');
    expect(outcomeOf({ ok: true, hops: [], doubt: 'refused' })).toBe('doubt');
    expect(outcomeOf({ ok: false, hops: [] })).toBe('failed');
  });
});
