import { dockOf } from '../roles';
import { shapesLayout, type ViewGraph, type ViewNode } from './viewGraph';

/** A place relative to the parent, and a size. */
export type Box = { x: number; y: number; width: number; height: number };

export const GROUP_PADDING = { top: 56, left: 16, bottom: 16, right: 16 };
export const MIN_GROUP = { width: 220, height: 96 };
const GAP = 18;
const ROW_GAP = 28;

/**
 * The cluster's children that carry no traffic (the control plane, idle worker nodes, network
 * policies, kinds drawn as plain boxes): the layered pass would scatter them in its first layer, so they are
 * left out of its pass and docked afterwards — idle nodes under the busy ones, the rest in a
 * row at the bottom of the cluster. Which roles host docked boxes, join the grid or wrap their
 * column, the role registry says (`RoleSpec.dock`).
 */
export function dockedIds(graph: ViewGraph): Set<string> {
  const clusters = new Set(graph.nodes.filter((n) => dockOf(n.role).hostsDocked).map((n) => n.id));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const touched = new Set<string>();
  for (const edge of graph.edges) {
    if (!shapesLayout(edge)) continue; // drawn, but not laid out (see layered/layeredLayout.ts)
    for (let id: string | undefined = edge.source; id; id = byId.get(id)?.parent) touched.add(id);
    for (let id: string | undefined = edge.target; id; id = byId.get(id)?.parent) touched.add(id);
  }
  const docked = new Set<string>();
  for (const node of graph.nodes) {
    if (node.parent && clusters.has(node.parent) && !touched.has(node.id)) docked.add(node.id);
  }
  return docked;
}

/** Packs a docked group's children: a column for a worker node's pods, a grid for the rest. */
export function packChildren(group: ViewNode, children: readonly ViewNode[], place: Map<string, Box>): Box {
  const columns = dockOf(group.role).columns ?? 3;
  let x = GROUP_PADDING.left;
  let y = GROUP_PADDING.top;
  let rowHeight = 0;
  let width = MIN_GROUP.width;
  children.forEach((child, i) => {
    if (i > 0 && i % columns === 0) {
      x = GROUP_PADDING.left;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    place.set(child.id, { x, y, width: child.width, height: child.height });
    x += child.width + GAP;
    rowHeight = Math.max(rowHeight, child.height);
    width = Math.max(width, x - GAP + GROUP_PADDING.right);
  });
  const height = children.length ? y + rowHeight + GROUP_PADDING.bottom : MIN_GROUP.height;
  return { x: 0, y: 0, width, height: Math.max(MIN_GROUP.height, height) };
}

/**
 * Places the docked children of one cluster around what the layered pass placed, then grows the cluster to
 * hold them. `place` holds every box's place relative to its parent and is updated in place.
 */
export function dockIntoCluster(
  cluster: ViewNode,
  laidOut: readonly ViewNode[],
  docked: readonly ViewNode[],
  place: Map<string, Box>,
  nodeOrder: readonly string[],
): void {
  const inGrid = (node: ViewNode) => dockOf(node.role).grid === true;
  const boxes = laidOut
    .filter((n) => !inGrid(n))
    .map((n) => place.get(n.id)!)
    .filter(Boolean);
  const right = boxes.length ? Math.max(...boxes.map((b) => b.x + b.width)) : GROUP_PADDING.left;
  let bottom = boxes.length ? Math.max(...boxes.map((b) => b.y + b.height)) : GROUP_PADDING.top - ROW_GAP;

  // Worker nodes, busy and idle, in node order, packed into a grid where the busy ones stood:
  // a single column of many nodes would make a tall, thin picture with tiny text.
  const busyNodes = laidOut.filter(inGrid);
  const allNodes = [...busyNodes, ...docked.filter(inGrid)].sort(
    (a, b) => nodeOrder.indexOf(a.id) - nodeOrder.indexOf(b.id),
  );
  if (allNodes.length) {
    const busyBoxes = busyNodes.map((n) => place.get(n.id)!);
    const x0 = busyBoxes.length ? Math.min(...busyBoxes.map((b) => b.x)) : right + (boxes.length ? 96 : 0);
    const y0 = busyBoxes.length ? Math.min(...busyBoxes.map((b) => b.y)) : GROUP_PADDING.top;
    const sizes = allNodes.map((n) => place.get(n.id)!);
    const columns = gridColumns(sizes);
    const columnWidths = Array.from({ length: columns }, (_, c) =>
      Math.max(...sizes.filter((_, i) => i % columns === c).map((b) => b.width)),
    );
    let y = y0;
    for (let row = 0; row * columns < sizes.length; row++) {
      const cells = sizes.slice(row * columns, row * columns + columns);
      let x = x0;
      cells.forEach((box, c) => {
        box.x = x;
        box.y = y;
        box.width = Math.max(box.width, columnWidths[c]!);
        x += columnWidths[c]! + GAP;
      });
      y += Math.max(...cells.map((b) => b.height)) + GAP;
    }
    bottom = Math.max(bottom, y - GAP);
  }

  // A long column of Services wraps into a few, beside each other, no taller than the nodes.
  const nodeBoxes = allNodes.map((n) => place.get(n.id)!);
  if (
    wrapColumn(
      laidOut.filter((n) => dockOf(n.role).wrapsColumn).map((n) => place.get(n.id)!),
      nodeBoxes,
      boxes,
      place,
    )
  ) {
    const all = [...boxes, ...nodeBoxes];
    bottom = Math.max(...all.map((b) => b.y + b.height));
  }

  // Everything else in a row (wrapping) along the bottom.
  const rest = docked.filter((n) => !inGrid(n));
  const rowWidth = Math.max(right, 900);
  packRows(
    rest.map((node) => place.get(node.id)!),
    { left: GROUP_PADDING.left, top: bottom + ROW_GAP, right: rowWidth },
    GAP,
  );

  const all = [...laidOut, ...docked].map((n) => place.get(n.id)!);
  const clusterBox = place.get(cluster.id)!;
  clusterBox.width = Math.max(MIN_GROUP.width, ...all.map((b) => b.x + b.width + GROUP_PADDING.right));
  clusterBox.height = Math.max(MIN_GROUP.height, ...all.map((b) => b.y + b.height + GROUP_PADDING.bottom));
}

/** How many columns of worker nodes: enough that the grid is not much taller than wide. */
function gridColumns(sizes: readonly { width: number; height: number }[]): number {
  if (sizes.length <= 1) return 1;
  const height = sizes.reduce((sum, b) => sum + b.height + GAP, 0);
  const width = Math.max(...sizes.map((b) => b.width));
  return Math.min(sizes.length, Math.max(1, Math.round(Math.sqrt((height / width) * 0.8))));
}

const MIN_WRAP_HEIGHT = 420;
const MAX_WRAP_COLUMNS = 4;

/**
 * Wraps one column of boxes (the Services layer) into up to four columns no taller than the
 * node grid beside them, shifting what stands right of it. Returns whether it moved anything.
 */
function wrapColumn(
  column: Box[],
  nodeBoxes: readonly Box[],
  others: readonly Box[],
  place: Map<string, Box>,
): boolean {
  void place;
  if (column.length < 6) return false;
  const sorted = [...column].sort((a, b) => a.y - b.y);
  const top = sorted[0]!.y;
  const height = sorted.reduce((sum, b) => sum + b.height + GAP, 0) - GAP;
  const gridHeight = nodeBoxes.length
    ? Math.max(...nodeBoxes.map((b) => b.y + b.height)) - Math.min(...nodeBoxes.map((b) => b.y))
    : 0;
  const limit = Math.max(MIN_WRAP_HEIGHT, gridHeight);
  const columns = Math.min(MAX_WRAP_COLUMNS, Math.ceil(height / limit));
  if (columns <= 1) return false;
  const x0 = Math.min(...sorted.map((b) => b.x));
  const columnWidth = Math.max(...sorted.map((b) => b.width));
  const perColumn = Math.ceil(sorted.length / columns);
  sorted.forEach((box, i) => {
    const c = Math.floor(i / perColumn);
    const above = sorted.slice(c * perColumn, i);
    box.x = x0 + c * (columnWidth + GAP);
    box.y = top + above.reduce((sum, b) => sum + b.height + GAP, 0);
  });
  // Everything that stood right of the column moves right by the columns added.
  const shift = (columns - 1) * (columnWidth + GAP);
  const inColumn = new Set(sorted);
  for (const box of [...others, ...nodeBoxes]) if (!inColumn.has(box) && box.x > x0) box.x += shift;
  return true;
}

/**
 * Boxes in rows, left to right in their order, a new row when the next would pass `right`
 * (a row always takes at least one box). Returns the bottom of the last row.
 */
export function packRows(
  boxes: readonly Box[],
  area: { left: number; top: number; right: number },
  gap: number,
): number {
  let x = area.left;
  let y = area.top;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > area.left && x + box.width > area.right) {
      x = area.left;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    box.x = x;
    box.y = y;
    x += box.width + gap;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return y + rowHeight;
}
