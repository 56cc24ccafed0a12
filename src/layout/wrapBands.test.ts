import { describe, expect, it } from 'vitest';
import type { Box } from './dock';
import { gridOpenRoots, gridRoots, restackRoots, wrapBands } from './wrapBands';

/** `rows` rows of a Service (100 wide) beside its workload (200 wide), 80 high, 20 apart. */
function rows(count: number): { group: Box; children: Box[] } {
  const children: Box[] = [];
  for (let i = 0; i < count; i++) {
    children.push({ x: 16, y: 56 + i * 100, width: 100, height: 60 });
    children.push({ x: 180, y: 46 + i * 100, width: 200, height: 80 });
  }
  return { group: { x: 0, y: 0, width: 396, height: 56 + count * 100 }, children };
}

describe('wrapBands', () => {
  it('leaves a short list alone', () => {
    const { group, children } = rows(2);
    expect(wrapBands(group, children)).toBe(false);
  });

  it('wraps a tall list of rows into columns, keeping each Service beside its workload', () => {
    const { group, children } = rows(16);
    expect(wrapBands(group, children)).toBe(true);
    const xs = new Set(children.filter((_, i) => i % 2 === 0).map((b) => b.x));
    expect(xs.size).toBeGreaterThan(1);
    for (let i = 0; i < children.length; i += 2) {
      expect(children[i + 1]!.x - children[i]!.x).toBe(164); // still side by side
      expect(children[i + 1]!.y - children[i]!.y).toBe(-10);
    }
    // The group now fits its children, and is far less tall than before.
    expect(group.height).toBeLessThan(56 + 16 * 100);
    for (const b of children) {
      expect(b.x + b.width).toBeLessThanOrEqual(group.width);
      expect(b.y + b.height).toBeLessThanOrEqual(group.height);
    }
  });
});

describe('restackRoots', () => {
  it('pushes boxes down until none overlaps, and centres the lone box beside them', () => {
    const a = { x: 300, y: 16, width: 400, height: 500 };
    const b = { x: 300, y: 300, width: 400, height: 200 };
    const internet = { x: 16, y: 900, width: 120, height: 40 };
    restackRoots([a, b], internet);
    expect(b.y).toBe(16 + 500 + 18);
    expect(internet.y).toBe((16 + b.y + 200) / 2 - 20);
  });

  it('closes the gap a group left when it shrank, keeping the order', () => {
    const a = { x: 300, y: 16, width: 400, height: 300 };
    const b = { x: 300, y: 1200, width: 400, height: 300 };
    const c = { x: 300, y: 2400, width: 400, height: 100 };
    restackRoots([c, a, b], undefined);
    expect([a.y, b.y, c.y]).toEqual([16, 16 + 300 + 18, 16 + 2 * (300 + 18)]);
  });

  it('stacks a box under those it shares width with, and leaves one beside them in its row', () => {
    const a = { x: 300, y: 16, width: 400, height: 300 };
    const controller = { x: 300, y: 1000, width: 120, height: 40 };
    const b = { x: 300, y: 1200, width: 400, height: 300 };
    const aside = { x: 800, y: 1100, width: 200, height: 100 };
    restackRoots([a, controller, b, aside], undefined);
    expect(controller.y).toBe(16 + 300 + 18);
    expect(b.y).toBe(controller.y + 40 + 18);
    expect(aside.y).toBe(1100);
  });
});

describe('gridRoots', () => {
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('leaves the column as it is with few closed groups', () => {
    const boxes = Array.from({ length: 5 }, (_, i) => ({ x: 300, y: 16 + i * 200, width: 400, height: 180 }));
    expect(gridRoots([], boxes, undefined)).toBe(false);
    expect(gridRoots(boxes, [], undefined)).toBe(false);
    expect(boxes[4]!.y).toBe(16 + 4 * 200);
  });

  it('keeps the open groups in a column and lays the closed tiles out in rows under them, without overlap', () => {
    // Three open namespaces and 25 closed ones, one column, as the layered pass leaves them.
    let y = 16;
    const boxes: Box[] = Array.from({ length: 28 }, (_, i) => {
      const box = i % 9 === 4 ? { x: 300, y, width: 900, height: 600 } : { x: 300, y, width: 180, height: 60 };
      y += box.height + 18;
      return box;
    });
    const tallBefore = y;
    const internet = { x: 16, y: 5000, width: 120, height: 40 };
    const open = boxes.filter((b) => b.height === 600);
    const closed = boxes.filter((b) => b.height === 60);
    expect(gridRoots(open, closed, internet)).toBe(true);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    // The open groups: one column, in their order.
    expect(open.map((b) => b.x)).toEqual([300, 300, 300]);
    expect(open.map((b) => b.y)).toEqual([...open.map((b) => b.y)].sort((a, b) => a - b));
    // The closed tiles: rows under the open groups, several a row.
    expect(Math.min(...closed.map((b) => b.y))).toBeGreaterThan(Math.max(...open.map((b) => b.y + b.height)) - 1);
    expect(new Set(closed.map((b) => b.y)).size).toBeLessThan(closed.length / 3);
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    expect(bottom).toBeLessThan(tallBefore / 1.5);
    // The Internet stays left of them all, centred on them.
    expect(internet.y).toBeCloseTo((16 + bottom) / 2 - 20, 0);
  });

  it('keeps the Internet in a column of its own when a group stood in its column', () => {
    const internet = { x: 16, y: 700, width: 130, height: 60 };
    const open = [
      { x: 16, y: 16, width: 900, height: 600 },
      { x: 16, y: 1300, width: 200, height: 80 }, // an ingress controller
      { x: 16, y: 1500, width: 900, height: 600 },
    ];
    const closed = Array.from({ length: 8 }, (_, i) => ({ x: 16, y: 2200 + i * 80, width: 150, height: 60 }));
    expect(gridRoots(open, closed, internet)).toBe(true);
    const all = [...open, ...closed, internet];
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(Math.min(...[...open, ...closed].map((b) => b.x))).toBeGreaterThanOrEqual(16 + 130);
  });
});

describe('gridOpenRoots', () => {
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const column = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ x: 200, y: 16 + i * 1300, width: 1400, height: 1270 }));

  it('leaves two namespaces in their column', () => {
    const groups = column(2);
    expect(gridOpenRoots(groups, [], undefined)).toBe(false);
    expect(groups[1]!.y).toBe(16 + 1300);
  });

  it('lays four namespaces out two by two, in their order, the controller and the Internet left of them', () => {
    const groups = column(4);
    const controller = { x: 200, y: 2600, width: 200, height: 90 };
    const internet = { x: 16, y: 2000, width: 130, height: 60 };
    expect(gridOpenRoots(groups, [controller], internet)).toBe(true);
    const all = [...groups, controller, internet];
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(groups.map((g) => [g.x, g.y])).toEqual([
      [groups[0]!.x, groups[0]!.y],
      [groups[0]!.x + 1400 + 56, groups[0]!.y],
      [groups[0]!.x, groups[0]!.y + 1270 + 56],
      [groups[0]!.x + 1400 + 56, groups[0]!.y + 1270 + 56],
    ]);
    expect(controller.x + controller.width).toBeLessThan(groups[0]!.x);
    expect(internet.x + internet.width).toBeLessThan(controller.x);
    // Centred on the grid's height.
    expect(internet.y).toBeCloseTo(16 + (2 * 1270 + 56) / 2 - 30, 0);
  });
});
