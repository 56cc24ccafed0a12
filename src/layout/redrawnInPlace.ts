import type { PositionedGraph, PositionedNode } from './finishLayout';
import type { ViewEdge, ViewGraph, ViewNode } from './viewGraph';

/** More boxes renamed at once than this is not someone typing a name: the layout runs. */
const MOST_RENAMED = 4;

/**
 * What makes two boxes interchangeable in a picture, but for their name. A group's size is the
 * layout's (its view node has none): with every box inside unchanged, it is unchanged too.
 */
function boxShape(node: ViewNode): string {
  const size = node.group ? [] : [node.width, node.height];
  return [node.parent ?? '', node.role, node.kind, node.group, ...size].join('\n');
}

/** What makes two arrows interchangeable, with the ends given (a renamed end under its old name). */
function edgeShape(edge: ViewEdge, source: string, target: string): string {
  return [source, target, edge.kind, edge.dashed, edge.shapesLayout ?? ''].join('\n');
}

/**
 * `next` drawn where `previous` drew it, when it has the same boxes of the same sizes joined by
 * the same arrows, but for a few renamed boxes: each takes the place, the parent, the size and
 * the arrows of the one it replaces. An edit that changes what a box says (an env value) or
 * renames it (typing a Service's name renames its box at each keystroke) then runs no layout:
 * no box moves under the user's eyes, and the picture is back a worker's round trip sooner.
 * Anything else (a box added, removed or resized): `undefined`, and the layout runs.
 */
export function redrawnInPlace(previous: PositionedGraph, next: ViewGraph): PositionedGraph | undefined {
  if (previous.nodes.length !== next.nodes.length || previous.edges.length !== next.edges.length) return undefined;
  const before = new Map(previous.nodes.map((n) => [n.id, n]));
  const added = next.nodes.filter((n) => !before.has(n.id));
  if (added.length > MOST_RENAMED) return undefined;
  const nextIds = new Set(next.nodes.map((n) => n.id));
  // The boxes that left, by shape: each new box takes the one left box of its very shape.
  const left = new Map<string, PositionedNode[]>();
  for (const node of previous.nodes) {
    if (nextIds.has(node.id)) continue;
    const shape = boxShape(node);
    const alike = left.get(shape);
    if (alike) alike.push(node);
    else left.set(shape, [node]);
  }
  const oldIdOf = new Map<string, string>();
  for (const node of added) {
    const candidates = left.get(boxShape(node));
    // None, or two alike (which went where is a guess): lay out again.
    if (candidates?.length !== 1) return undefined;
    oldIdOf.set(node.id, candidates[0]!.id);
    left.delete(boxShape(node));
  }
  if (left.size > 0) return undefined;

  const nextById = new Map<string, ViewNode>();
  for (const node of next.nodes) {
    const old = before.get(oldIdOf.get(node.id) ?? node.id)!;
    if (boxShape(old) !== boxShape(node)) return undefined;
    nextById.set(old.id, node);
  }
  // Every arrow joins the same boxes as one before it did; it keeps that one's route.
  const routes = new Map<string, PositionedGraph['edges']>();
  for (const edge of previous.edges) {
    const shape = edgeShape(edge, edge.source, edge.target);
    const alike = routes.get(shape);
    if (alike) alike.push(edge);
    else routes.set(shape, [edge]);
  }
  const edges: PositionedGraph['edges'] = [];
  for (const edge of next.edges) {
    const shape = edgeShape(edge, oldIdOf.get(edge.source) ?? edge.source, oldIdOf.get(edge.target) ?? edge.target);
    const routed = routes.get(shape)?.pop();
    if (!routed) return undefined;
    edges.push({
      ...edge,
      ...(routed.points ? { points: routed.points } : {}),
      ...(routed.labelAt ? { labelAt: routed.labelAt } : {}),
    });
  }
  const nodes = previous.nodes.map((old) => ({
    ...nextById.get(old.id)!,
    x: old.x,
    y: old.y,
    width: old.width,
    height: old.height,
  }));
  return { nodes, edges, width: previous.width, height: previous.height };
}
