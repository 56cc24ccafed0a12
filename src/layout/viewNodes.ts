import type { Diagnostic, Severity } from '../core/model/diagnostics';
import type { EdgeKind, Topology, TopologyObject } from '../core/model/topology';
import { boxText, specOf, type BoxText, type ViewContext, type ViewRole } from '../roles';
import type { ProblemCounts, ViewNode } from './viewGraph';

/**
 * Boxes of the view graph, shared by every world's view: sizes estimated from their text (no
 * DOM here), problem counts, and the parents-first order React Flow and ELK want.
 */

// Estimates of the rendered text: 17px bold titles (wrapping onto a second line rather than
// widening the box), 11.5px text and monospace lines.
const TITLE_CHAR_WIDTH = 10.8;
const TITLE_LINE_HEIGHT = 21;
/** A title longer than this wraps (a pod's generated name) instead of making its column wide. */
const TITLE_WRAP_WIDTH = 250;
const CHAR_WIDTH = 6.6;
const MONO_CHAR_WIDTH = 7.0;
const LINE_HEIGHT = 18;
const HEADER_HEIGHT = 66;
const MIN_WIDTH = 120;
const MAX_WIDTH = 420;

/** Edges that carry traffic: drawn solid, and the only ones that shape the layout. */
export const TRAFFIC_EDGES: ReadonlySet<EdgeKind> = new Set(['routes', 'selects']);
export const NO_PROBLEMS: ProblemCounts = { error: 0, warning: 0, info: 0 };

/** The size of a plain box that says `text`, at most `maxWidth` wide. */
function boxSize(text: BoxText, maxWidth = MAX_WIDTH): { width: number; height: number } {
  const titleWidth = text.title.length * TITLE_CHAR_WIDTH;
  const textWidth =
    Math.max(
      Math.min(titleWidth, TITLE_WRAP_WIDTH),
      (text.subtitle ?? '').length * CHAR_WIDTH,
      ...text.lines.map((l) => l.length * MONO_CHAR_WIDTH),
    ) + 30;
  const width = Math.round(Math.min(maxWidth, Math.max(MIN_WIDTH, textWidth)));
  // Three lines at most (the canvas clamps the rest): a bit of slack, as words wrap before the edge.
  const titleLines = Math.min(3, Math.ceil((titleWidth * 1.08) / (width - 30)));
  return {
    width,
    height:
      HEADER_HEIGHT +
      (titleLines - 1) * TITLE_LINE_HEIGHT +
      text.lines.length * LINE_HEIGHT +
      (text.lines.length > 0 ? 8 : 0),
  };
}

/** A box the view makes without a Topology object of its own (a registry, a published port). */
export function viewOnlyBox(
  fields: { id: string; role: ViewRole; kind: string; parent?: string; objectId?: ViewNode['objectId'] } & BoxText,
): ViewNode {
  const { title, subtitle, lines, parent, ...rest } = fields;
  return {
    ...rest,
    title,
    ...(subtitle ? { subtitle } : {}),
    lines,
    ...(parent ? { parent } : {}),
    group: false,
    ...boxSize({ title, subtitle, lines }),
    problems: NO_PROBLEMS,
  };
}

/** A synthetic group box (a namespace, `Other objects`): sized by the layout around its children. */
export function groupNode(
  id: string,
  title: string,
  subtitle: string | undefined,
  parent: string | undefined,
): ViewNode {
  return {
    id,
    role: 'group',
    kind: 'Group',
    title,
    ...(subtitle ? { subtitle } : {}),
    lines: [],
    ...(parent ? { parent } : {}),
    group: true,
    width: 0,
    height: 0,
    problems: NO_PROBLEMS,
  };
}

/** The box of one Topology object, sized to its text. */
export function toViewNode(
  object: TopologyObject,
  parent: string | undefined,
  problems: ProblemCounts | undefined,
  view: ViewContext,
): ViewNode {
  const spec = specOf(object);
  const { title, subtitle, lines } = boxText(object, view);
  const group = spec.group !== undefined;
  const rejected = object.rejected ? `rejected: ${rejectionSummary(object.rejected.message)}` : undefined;
  const size = boxSize({ title, subtitle, lines: rejected ? [...lines, rejected] : lines }, spec.maxWidth);
  return {
    id: object.id,
    objectId: object.id,
    role: object.role,
    kind: object.kind,
    title,
    ...(subtitle ? { subtitle } : {}),
    lines: group ? [] : lines,
    ...(parent ? { parent } : {}),
    group,
    width: group ? 0 : size.width,
    height: group ? 0 : size.height,
    problems: problems ?? NO_PROBLEMS,
    ...(rejected ? { rejected, rejectedMessage: object.rejected!.message } : {}),
  };
}

/** The first clause of a rejection (`CronJob batch/v1beta1 was removed in Kubernetes 1.25`), for the box's line. */
export function rejectionSummary(message: string): string {
  return message.split(/;|\.\s/)[0]!.trim();
}

/**
 * Problems per object. With `podsInheritFrom` (the infrastructure view, where workloads are not
 * drawn), a workload's problems show on each of its pods: they share its template.
 */
export function countProblems(
  diagnostics: readonly Diagnostic[],
  podsInheritFrom?: Topology,
): Map<string, ProblemCounts> {
  const counts = new Map<string, ProblemCounts>();
  const add = (id: string, severity: Severity, n = 1) => {
    const entry = counts.get(id) ?? { ...NO_PROBLEMS };
    entry[severity] += n;
    counts.set(id, entry);
  };
  for (const diagnostic of diagnostics) if (diagnostic.objectId) add(diagnostic.objectId, diagnostic.severity);
  for (const object of podsInheritFrom?.objects ?? []) {
    const from = specOf(object).inherits?.(object);
    const inherited = from ? counts.get(from) : undefined;
    if (!inherited) continue;
    for (const severity of ['error', 'warning', 'info'] as const) add(object.id, severity, inherited[severity]);
  }
  return counts;
}

/** Parents before their children, as React Flow and ELK both want them; dangling parents dropped. */
export function orderParentsFirst(nodes: ViewNode[]): ViewNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const node of nodes) if (node.parent && !byId.has(node.parent)) delete node.parent;
  const depth = (node: ViewNode): number => {
    let d = 0;
    for (let p = node.parent; p && d < 10; p = byId.get(p)?.parent) d++;
    return d;
  };
  return nodes
    .map((node, index) => ({ node, index, depth: depth(node) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((entry) => entry.node);
}
