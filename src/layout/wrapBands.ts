import { GROUP_PADDING, MIN_GROUP, packRows, type Box } from './dock';

const GAP = 18;
const COLUMN_GAP = 56;
const MAX_COLUMNS = 4;

/**
 * A namespace in the application view is a tall list of rows (a Service beside its workload):
 * the layered pass puts them all in two columns. This wraps the rows ("bands" of boxes side by side) into a
 * few columns so the namespace is about as wide as it is tall, and grows or shrinks the group to
 * fit. Returns whether it moved anything.
 */
export function wrapBands(group: Box, children: readonly Box[]): boolean {
  if (children.length < 6) return false;
  const bands: { boxes: Box[]; top: number; bottom: number; left: number; right: number }[] = [];
  for (const box of [...children].sort((a, b) => a.y - b.y)) {
    const band = bands[bands.length - 1];
    if (band && box.y < band.bottom) {
      band.boxes.push(box);
      band.bottom = Math.max(band.bottom, box.y + box.height);
      band.left = Math.min(band.left, box.x);
      band.right = Math.max(band.right, box.x + box.width);
    } else {
      bands.push({ boxes: [box], top: box.y, bottom: box.y + box.height, left: box.x, right: box.x + box.width });
    }
  }
  const left = Math.min(...bands.map((b) => b.left));
  const width = Math.max(...bands.map((b) => b.right)) - left;
  const height = bands.reduce((sum, b) => sum + b.bottom - b.top + GAP, 0) - GAP;
  const columns = Math.min(MAX_COLUMNS, bands.length, Math.max(1, Math.round(Math.sqrt(height / width))));
  if (columns <= 1) return false;

  // Fill columns top to bottom, each about as tall as the whole divided by the column count.
  const target = height / columns;
  const top = Math.min(...bands.map((b) => b.top));
  let column = 0;
  let y = top;
  for (const band of bands) {
    if (y > top && y - top + (band.bottom - band.top) / 2 > target && column < columns - 1) {
      column++;
      y = top;
    }
    const dx = left + column * (width + COLUMN_GAP) - left;
    const dy = y - band.top;
    for (const box of band.boxes) {
      box.x += dx;
      box.y += dy;
    }
    y += band.bottom - band.top + GAP;
  }
  group.width = Math.max(MIN_GROUP.width, ...children.map((b) => b.x + b.width + GROUP_PADDING.right));
  group.height = Math.max(MIN_GROUP.height, ...children.map((b) => b.y + b.height + GROUP_PADDING.bottom));
  return true;
}

/** Top to bottom, then left to right. */
function inReadingOrder(boxes: readonly Box[]): Box[] {
  return [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Puts `boxes` one under the other from (`left`, `top`), a gap apart; returns the y under the last. */
function stackInColumn(boxes: readonly Box[], left: number, top: number): number {
  let y = top;
  for (const box of boxes) {
    box.x = left;
    box.y = y;
    y += box.height + GAP;
  }
  return y;
}

function sharesWidth(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

/**
 * The lone box beside the others (the Internet) keeps a column of its own: when a box stands in
 * its column (a group of config, a namespace no arrow enters, both in the layered pass's first
 * layer), every box moves right of it.
 */
function clearOfBeside(boxes: readonly Box[], beside: Box | undefined): void {
  if (!beside || !boxes.some((box) => sharesWidth(box, beside))) return;
  const dx = beside.x + beside.width + COLUMN_GAP - Math.min(...boxes.map((b) => b.x));
  for (const box of boxes) box.x += dx;
}

/** Centres the lone box (the Internet) on the height of `boxes`. */
function centreBeside(boxes: readonly Box[], beside: Box | undefined): void {
  if (!beside || boxes.length === 0) return;
  const top = Math.min(...boxes.map((b) => b.y));
  const end = Math.max(...boxes.map((b) => b.y + b.height));
  beside.y = Math.max(16, (top + end) / 2 - beside.height / 2);
}

/**
 * After groups changed size, the top-level boxes are stacked again, in the same order, a gap
 * under the boxes above them (those they share some width with): neither overlapping (a group
 * grew) nor leaving the room a group had before its rows were wrapped into columns (at half its
 * height, a namespace left a gap as tall as itself under it). A box with none above it keeps its
 * place. A lone box beside them (the Internet) is centred on them, in a column of its own.
 */
export function restackRoots(roots: readonly Box[], beside: Box | undefined): void {
  clearOfBeside(roots, beside);
  const stacked = inReadingOrder(roots);
  const placed: Box[] = [];
  for (const box of stacked) {
    const above = placed.filter((other) => sharesWidth(other, box));
    if (above.length) box.y = Math.max(...above.map((other) => other.y + other.height)) + GAP;
    placed.push(box);
  }
  centreBeside(stacked, beside);
}

/** Fewer closed top-level groups than this stay in the layered pass's column. */
const GRID_FROM = 6;
/** The grid's aim: a landscape picture, as a window or a slide is. */
const GRID_ASPECT = 1.6;

/**
 * Many top-level groups (the namespaces of a big application view, most of them closed) stand
 * in one column after the layered pass: a strip hundreds of boxes tall that no window shows at a
 * readable size. The open groups (and boxes of their own, such as an ingress controller) keep
 * their column, one under the other; the groups drawn closed are laid out under them as rows of
 * tiles, about 1.6 times as wide as tall and never narrower than the open groups. A lone box
 * beside them (the Internet) is centred on all, in a column of its own.
 * Open groups stay in a column on purpose: a trace's camera frames one of them at a time, and
 * a grid of open groups puts several in every frame. Returns whether it moved anything.
 */
export function gridRoots(open: readonly Box[], closed: readonly Box[], beside: Box | undefined): boolean {
  if (closed.length < GRID_FROM) return false;
  const big = inReadingOrder(open);
  const small = inReadingOrder(closed);
  const ordered = [...big, ...small];
  clearOfBeside(ordered, beside);
  const tilesArea = small.reduce((sum, b) => sum + (b.width + GAP) * (b.height + GAP), 0);
  const rowWidth = Math.max(...ordered.map((b) => b.width), Math.sqrt(tilesArea * GRID_ASPECT));
  const left = Math.min(...ordered.map((b) => b.x));
  const top = Math.min(...ordered.map((b) => b.y));
  const y = stackInColumn(big, left, top);
  packRows(small, { left, top: y, right: left + rowWidth }, GAP);
  centreBeside(ordered, beside);
  return true;
}

/** From this many open top-level groups on, a picture small enough to draw whole lays them out in a grid. */
const OPEN_GRID_FROM = 3;
/** The gap between the grid's groups: room for the arrows that pass between them. */
const OPEN_GRID_GAP = 56;
/** The canvas the grid aims at: a window beside the editor (1400×900 leaves about 1050×820). */
const CANVAS_ASPECT = 1.3;

/**
 * A few open namespaces (a picture small enough to be drawn whole) stand in rows and columns,
 * as many columns as make the picture largest on the canvas beside the editor, instead of a column that
 * the fit shrinks until nothing reads. Boxes of their own (an ingress controller) stand in a
 * column left of the grid; the Internet left of all, centred. Returns whether it moved anything.
 */
export function gridOpenRoots(groups: readonly Box[], others: readonly Box[], beside: Box | undefined): boolean {
  if (groups.length < OPEN_GRID_FROM) return false;
  const ordered = inReadingOrder(groups);
  const lone = inReadingOrder(others);
  clearOfBeside([...ordered, ...lone], beside);
  const left = Math.min(...[...ordered, ...lone].map((b) => b.x));
  const top = Math.min(...[...ordered, ...lone].map((b) => b.y));
  const shape = (columns: number) => {
    const widths = Array.from({ length: columns }, (_, c) =>
      Math.max(...ordered.filter((_, i) => i % columns === c).map((b) => b.width)),
    );
    const rows = Math.ceil(ordered.length / columns);
    const heights = Array.from({ length: rows }, (_, r) =>
      Math.max(...ordered.slice(r * columns, (r + 1) * columns).map((b) => b.height)),
    );
    const width = widths.reduce((sum, w) => sum + w + OPEN_GRID_GAP, -OPEN_GRID_GAP);
    const height = heights.reduce((sum, h) => sum + h + OPEN_GRID_GAP, -OPEN_GRID_GAP);
    return { widths, heights, width, height };
  };
  let columns = 1;
  let best = 0;
  for (let c = 1; c <= ordered.length; c++) {
    const { width, height } = shape(c);
    const zoom = Math.min(CANVAS_ASPECT / width, 1 / height);
    if (zoom > best * 1.05) {
      best = zoom;
      columns = c;
    }
  }
  if (columns === 1) return false;
  const { widths, heights } = shape(columns);
  stackInColumn(lone, left, top);
  const gridLeft = lone.length ? left + Math.max(...lone.map((b) => b.width)) + COLUMN_GAP : left;
  for (const [i, box] of ordered.entries()) {
    const row = Math.floor(i / columns);
    const column = i % columns;
    box.x = gridLeft + widths.slice(0, column).reduce((sum, w) => sum + w + OPEN_GRID_GAP, 0);
    box.y = top + heights.slice(0, row).reduce((sum, h) => sum + h + OPEN_GRID_GAP, 0);
  }
  centreBeside([...ordered, ...lone], beside);
  return true;
}
