import type { PositionedGraph, PositionedNode } from '../layout/finishLayout';
import { paletteFor, roleColour, roleLook, type Theme } from '../roles';

/**
 * What is drawn, as a Mermaid flowchart that GitHub, GitLab and many blog engines render
 * natively: groups (cluster, worker nodes, the Docker host, networks) become subgraphs, boxes
 * become nodes, arrows keep their labels and their dashes. Ids are generated (`n0`, `n1`…),
 * never taken from the input; every label is quoted and escaped (see `mermaidText`).
 */

export type MermaidOptions = {
  /** whose role colours outline the boxes (the renderer's own theme decides the fill) */
  theme?: Theme;
  /** wrap in a ```mermaid fence, ready to paste into Markdown */
  fenced?: boolean;
};

/** Text for a quoted Mermaid label: quotes, markup and Mermaid's own entity sign become entity codes. */
export function mermaidText(text: string): string {
  return (
    text
      // `#` first: it starts Mermaid's entity codes (`#quot;`), so a literal one must be a code too.
      .replace(/#/g, '#35;')
      .replace(/"/g, '#quot;')
      .replace(/&/g, '#amp;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/`/g, '#96;')
      .replace(/\|/g, '#124;')
      // eslint-disable-next-line no-control-regex -- line breaks and control characters end a Mermaid statement
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .trim()
  );
}

/** A box's label: its title, and the subtitle (or the kind) under it. */
function nodeLabel(node: PositionedNode): string {
  const kind = roleLook(node.role).kindLabel ?? node.kind;
  const second = node.subtitle || (node.group ? '' : kind);
  return second && second !== node.title
    ? `${mermaidText(node.title)}<br/>${mermaidText(second)}`
    : mermaidText(node.title);
}

/** The node statement: the Internet as a circle, a published port as a stadium, a box otherwise. */
function nodeShape(id: string, node: PositionedNode): string {
  const label = `"${nodeLabel(node)}"`;
  if (node.role === 'internet') return `${id}((${label}))`;
  if (node.role === 'door') return `${id}([${label}])`;
  return `${id}[${label}]`;
}

/** A class name Mermaid accepts, from a role name. */
const roleClass = (role: string) => `role_${role.replace(/[^A-Za-z0-9]/g, '_')}`;

/** Renders the positioned graph as a Mermaid flowchart (left to right, as the canvas reads). */
export function renderMermaid(graph: PositionedGraph, options: MermaidOptions = {}): string {
  const palette = paletteFor(options.theme ?? 'light');
  const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const children = new Map<string | undefined, PositionedNode[]>();
  for (const node of graph.nodes) {
    // A parent that is not drawn (or not a group) would hide the box: put it at the top level.
    const parent = node.parent && graph.nodes.some((n) => n.id === node.parent && n.group) ? node.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }

  const lines = ['flowchart LR'];
  const visited = new Set<string>();
  const emit = (parent: string | undefined, depth: number) => {
    const pad = '  '.repeat(depth);
    for (const node of children.get(parent) ?? []) {
      if (visited.has(node.id)) continue;
      visited.add(node.id);
      const id = ids.get(node.id)!;
      if (node.group && depth < 20) {
        lines.push(`${pad}subgraph ${id}["${nodeLabel(node)}"]`);
        lines.push(`${pad}  direction LR`);
        emit(node.id, depth + 1);
        lines.push(`${pad}end`);
      } else {
        lines.push(`${pad}${nodeShape(id, node)}`);
      }
    }
  };
  emit(undefined, 1);

  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (let p = byId.get(id)?.parent; p && out.size < 20; p = byId.get(p)?.parent) out.add(p);
    return out;
  };
  for (const edge of graph.edges) {
    const from = ids.get(edge.source);
    const to = ids.get(edge.target);
    // Mermaid cannot draw an arrow from a subgraph to what is inside it (nor does the canvas).
    if (
      !from ||
      !to ||
      from === to ||
      ancestors(edge.source).has(edge.target) ||
      ancestors(edge.target).has(edge.source)
    )
      continue;
    const arrow = edge.dashed ? '-.->' : '-->';
    const label = edge.label ? mermaidText(edge.label) : '';
    lines.push(label ? `  ${from} ${arrow}|"${label}"| ${to}` : `  ${from} ${arrow} ${to}`);
  }

  // Role colours outline the boxes, as on the canvas; boxes with errors get a thick red outline.
  const byRole = new Map<string, string[]>();
  const withErrors: string[] = [];
  for (const node of graph.nodes) {
    if (node.group) continue;
    const id = ids.get(node.id)!;
    byRole.set(node.role, [...(byRole.get(node.role) ?? []), id]);
    if (node.problems.error > 0) withErrors.push(id);
  }
  for (const [role, members] of byRole) {
    lines.push(`  classDef ${roleClass(role)} stroke:${roleColour(palette, role)},stroke-width:2px`);
    lines.push(`  class ${members.join(',')} ${roleClass(role)}`);
  }
  if (withErrors.length > 0) {
    lines.push(`  classDef problem stroke:${palette.error},stroke-width:3px`);
    lines.push(`  class ${withErrors.join(',')} problem`);
  }
  const text = lines.join('\n') + '\n';
  return options.fenced ? '```mermaid\n' + text + '```\n' : text;
}
