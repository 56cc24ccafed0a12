import type { ViewEdge } from './viewGraph';

/** Past this many, arrows' labels would cover the picture: the boxes say the same, so none shows. */
const MAX_LABELLED_EDGES = 8;

/**
 * The label each arrow shows, if any: none on routes and selections (their boxes say where they
 * lead and on which ports) and none
 * at all past eight labelled arrows. The layout leaves room for exactly these, and the canvas
 * draws exactly these, so a label never lands on a box.
 */
export function shownEdgeLabels(edges: readonly ViewEdge[]): Map<string, string> {
  // A Service's arrows to its pods would repeat the ports its box already says (80 → 8080).
  const labelled = edges.filter((e) => e.label && e.kind !== 'routes' && e.kind !== 'selects');
  if (labelled.length > MAX_LABELLED_EDGES) return new Map();
  return new Map(labelled.map((e) => [e.id, e.label!]));
}

/** The room a label takes, estimated as the canvas draws it (11px text on a padded chip). */
export function edgeLabelSize(label: string): { width: number; height: number } {
  return { width: Math.round(label.length * 6.4 + 12), height: 18 };
}
