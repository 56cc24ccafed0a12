import { describe, expect, it } from 'vitest';
import { orderLayers } from './order';

describe('orderLayers', () => {
  it('keeps model order when nothing says otherwise', () => {
    expect(orderLayers([0, 0, 0], [])).toEqual([[0, 1, 2]]);
  });

  it('puts a box level with what feeds it', () => {
    // 0 and 1 in the first layer; 2 fed by 1, 3 fed by 0: 3 goes first.
    expect(
      orderLayers(
        [0, 0, 1, 1],
        [
          { from: 1, to: 2 },
          { from: 0, to: 3 },
        ],
      ),
    ).toEqual([
      [0, 1],
      [3, 2],
    ]);
  });
});
