import type { Trace } from '../core/trace/types';
import type { PositionedGraph, PositionedNode } from '../layout/finishLayout';
import { roundedPath } from '../layout/geometry';
import type { RoutedEdge } from '../layout/routeEdges';
import { paletteFor, roleColour, roleLook, type Palette, type Theme } from '../roles';
import { fitText, type FontStyle } from './textFit';
import {
  captionBarMarkup,
  layoutCaptions,
  packetMarkup,
  traceCss,
  traceScene,
  type TraceScene,
} from './traceAnimation';
import { safeScope, scopeFromSeed } from './exportScope';
import { el, escapeXml, num, textEl } from './xml';

/**
 * The cluster picture as one standalone SVG string, drawn as the app draws it: groups, boxes
 * with a role bar, arrows, problem badges — and, with a trace, an animation that needs no
 * script (see traceAnimation.ts). Pure: no DOM, no fonts to load, nothing fetched; every
 * string from the input is escaped.
 */

export type RenderOptions = {
  theme?: Theme;
  /** the picture's accessible title */
  title?: string;
  /** a trace to animate, with the box each hop sits on (see `hopBoxesFor`) */
  trace?: { trace: Trace; hopBoxes: (string | undefined)[] };
  /**
   * The root element's id, which starts every id, keyframe name and style rule of the picture
   * (see exportScope.ts); by default derived from what is drawn, so the same input gives the
   * same file and different pictures can sit inline on one page.
   */
  idPrefix?: string;
  /**
   * The trace as one still picture instead of an animation: the packet where the request ends,
   * the last caption, the red ring where it stops — with attributes, not CSS animation, for
   * renderers that play none (a PNG).
   */
  still?: boolean;
};

const MARGIN = 12;
const BOX_PAD_LEFT = 14; // the 4px role bar and 10px of padding
const BOX_PAD_RIGHT = 10;
const FONT = {
  kind: { size: 10, bold: true, letterSpacing: 0.4 },
  title: { size: 13, bold: true },
  subtitle: { size: 11.5 },
  line: { size: 11.5, mono: true },
  groupTitle: { size: 13, bold: true },
  groupSubtitle: { size: 11.5 },
  edgeLabel: { size: 11, mono: true },
  badge: { size: 10.5, bold: true },
} satisfies Record<string, FontStyle>;

type Rect = { x: number; y: number; width: number; height: number };

/** Renders a positioned graph (and optionally a trace) as a standalone SVG document. */
export function renderSvg(positioned: PositionedGraph, options: RenderOptions = {}): string {
  const palette = paletteFor(options.theme ?? 'light');
  const scope = options.idPrefix
    ? safeScope(options.idPrefix)
    : scopeFromSeed(JSON.stringify([positioned, options.theme, options.title, options.trace?.trace.hops]));
  const id = (name: string) => `${scope}-${name}`;
  const rects = absoluteRects(positioned);
  const scene = options.trace ? traceScene(positioned, options.trace.trace, options.trace.hopBoxes) : undefined;
  const width = Math.max(positioned.width, 200) + 2 * MARGIN;
  const graphHeight = Math.max(positioned.height, 60) + 2 * MARGIN;
  const captions = scene ? layoutCaptions(scene, width) : undefined;
  const height = graphHeight + (captions?.height ?? 0);
  const title =
    options.title ?? (scene ? `Portolan trace: ${scene.trace.hops[0]?.detail ?? ''}` : 'Portolan cluster picture');

  const defs: string[] = [markers(palette, id)];
  const body: string[] = [];
  const nodes = positioned.nodes.filter((n) => rects.has(n.id));
  for (const node of nodes) if (node.group) body.push(groupMarkup(node, rects.get(node.id)!, palette));
  const obstacles = labelObstacles(nodes, rects);
  for (const edge of positioned.edges) body.push(edgeMarkup(edge, positioned, rects, obstacles, palette, id, scene));
  nodes.forEach((node, i) => {
    if (node.group) return;
    const clipId = id(`clip-${i}`);
    defs.push(el('clipPath', { id: clipId }, el('rect', { ...rectAttrs(rects.get(node.id)!), rx: 8 })));
    body.push(boxMarkup(node, rects.get(node.id)!, clipId, palette, scene));
  });
  if (scene) {
    body.push(traceOutlines(scene, rects, palette));
    const last = scene.plan.stops[scene.plan.stops.length - 1];
    const failed = scene.failedHop >= 0;
    body.push(
      options.still
        ? packetMarkup(palette, { at: last, fill: failed ? palette.error : palette.accent })
        : packetMarkup(palette),
    );
  }

  const css = [baseCss(palette, scope), scene && !options.still ? traceCss(scene, palette, scope) : ''].join('\n');
  const shownCaptions = captions && options.still ? { ...captions, items: captions.items.slice(-1) } : captions;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" id="${scope}" role="img" aria-labelledby="${id('title')} ${id('desc')}">`,
    el('title', { id: id('title') }, escapeXml(title)),
    el('desc', { id: id('desc') }, escapeXml(describePicture(positioned, scene))),
    el('style', {}, `\n${css}\n`),
    el('defs', {}, defs.join('')),
    el('rect', { width, height, fill: palette.canvasBg }),
    el('g', { transform: `translate(${MARGIN} ${MARGIN})`, fill: palette.text }, body.join('\n')),
    shownCaptions ? captionBarMarkup(shownCaptions, palette, graphHeight, width) : '',
    '</svg>',
    '',
  ].join('\n');
}

/** Every box's rectangle in absolute coordinates (the layout's are relative to the parent). */
function absoluteRects(graph: PositionedGraph): Map<string, Rect> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rects = new Map<string, Rect>();
  const rectOf = (node: PositionedNode, depth: number): Rect => {
    const known = rects.get(node.id);
    if (known) return known;
    const parent = node.parent ? byId.get(node.parent) : undefined;
    const origin = parent && depth < 20 ? rectOf(parent, depth + 1) : { x: 0, y: 0 };
    const rect = { x: origin.x + node.x, y: origin.y + node.y, width: node.width, height: node.height };
    rects.set(node.id, rect);
    return rect;
  };
  for (const node of graph.nodes) rectOf(node, 0);
  return rects;
}

const rectAttrs = (r: Rect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });

function baseCss(palette: Palette, scope: string): string {
  const sans = `font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif`;
  const mono = `font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace`;
  // Under the root's id: inline on a page, these rules would otherwise restyle its other SVGs.
  return [
    `text { ${sans} }`,
    `.f-kind { font-size: 10px; font-weight: 700; letter-spacing: 0.4px }`,
    `.f-title { font-size: 13px; font-weight: 650 }`,
    `.f-sub { font-size: 11.5px; fill: ${palette.textDim} }`,
    `.f-line { ${mono}; font-size: 11.5px }`,
    `.f-group { font-size: 13px; font-weight: 700 }`,
    `.f-edge { ${mono}; font-size: 11px; fill: ${palette.textDim} }`,
    `.f-badge { font-size: 10.5px; font-weight: 700; fill: #ffffff }`,
    `.pt-dim { opacity: 0.35 }`,
  ]
    .map((rule) => `#${scope} ${rule}`)
    .join('\n');
}

function markers(palette: Palette, id: (name: string) => string): string {
  const marker = (id: string, colour: string) =>
    el(
      'marker',
      {
        id,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 9,
        markerHeight: 9,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      el('path', { d: 'M0,1 L9,5 L0,9 z', fill: colour }),
    );
  return marker(id('arrow'), palette.edge) + marker(id('arrow-path'), palette.accent);
}

function groupMarkup(node: PositionedNode, rect: Rect, palette: Palette): string {
  const style = roleLook(node.role).group;
  const synthetic = style === 'frame';
  const fill = synthetic ? 'none' : style === 'outer' ? palette.groupCluster : palette.groupNode;
  const textSpace = rect.width - 24;
  const parts = [
    el('rect', {
      ...rectAttrs(rect),
      rx: 12,
      fill,
      stroke: palette.groupBorder,
      'stroke-width': 1.5,
      'stroke-dasharray': synthetic ? '6 4' : undefined,
    }),
    textEl({ x: rect.x + 12, y: rect.y + 22, class: 'f-group' }, fitText(node.title, textSpace, FONT.groupTitle)),
  ];
  if (node.subtitle) {
    parts.push(
      textEl({ x: rect.x + 12, y: rect.y + 38, class: 'f-sub' }, fitText(node.subtitle, textSpace, FONT.groupSubtitle)),
    );
  }
  return el('g', { class: 'pt-group' }, parts.join(''));
}

function boxMarkup(node: PositionedNode, rect: Rect, clipId: string, palette: Palette, scene?: TraceScene): string {
  const role = roleColour(palette, node.role);
  const hasError = node.problems.error > 0;
  const { x, y } = rect;
  const textSpace = rect.width - BOX_PAD_LEFT - BOX_PAD_RIGHT;
  const badges = badgeMarkup(node, rect, palette);
  const left = x + BOX_PAD_LEFT;
  const parts = [
    el('rect', {
      ...rectAttrs(rect),
      rx: 8,
      fill: hasError ? mix(palette.errorSoft, palette.boxBg, 0.45) : palette.boxBg,
      stroke: hasError ? palette.error : palette.border,
      // A rejected object (the API server would refuse it) is dashed, as in the app.
      'stroke-dasharray': node.rejected ? '6 4' : undefined,
    }),
    el('rect', {
      x,
      y,
      width: 4,
      height: rect.height,
      fill: hasError ? palette.error : role,
      'clip-path': `url(#${clipId})`,
    }),
  ];
  const texts = [
    textEl(
      { x: left, y: y + 17, class: 'f-kind', fill: role },
      fitText(kindLabel(node).toUpperCase(), textSpace - badges.width, FONT.kind),
    ),
    textEl({ x: left, y: y + 34, class: 'f-title' }, fitText(node.title, textSpace, FONT.title)),
  ];
  if (node.subtitle)
    texts.push(textEl({ x: left, y: y + 50, class: 'f-sub' }, fitText(node.subtitle, textSpace, FONT.subtitle)));
  node.lines.forEach((line, i) => {
    // Leading spaces indent a line (`  → backend`); XML would collapse them.
    const indent = line.length - line.trimStart().length;
    const lineX = left + indent * FONT.line.size * 0.61;
    texts.push(
      textEl(
        { x: lineX, y: y + 68 + 18 * i, class: 'f-line' },
        fitText(line.trimStart(), textSpace - (lineX - left), FONT.line),
      ),
    );
  });
  if (node.rejected) {
    texts.push(
      textEl(
        { x: left, y: y + 68 + 18 * node.lines.length, class: 'f-line', fill: palette.error },
        fitText(node.rejected, textSpace, FONT.line),
      ),
    );
  }
  parts.push(el('g', { 'clip-path': `url(#${clipId})` }, texts.join('')), badges.markup);
  const dim = scene && !scene.pathBoxes.has(node.id);
  const tooltip = el(
    'title',
    {},
    escapeXml([node.kind, node.title, node.subtitle, node.rejectedMessage].filter(Boolean).join(' · ')),
  );
  return el('g', { class: dim ? 'pt-box pt-dim' : 'pt-box' }, tooltip + parts.join(''));
}

function kindLabel(node: PositionedNode): string {
  return roleLook(node.role).kindLabel ?? node.kind;
}

/** Red and orange counts in the box's top right corner, as the app's badges. */
function badgeMarkup(node: PositionedNode, rect: Rect, palette: Palette): { markup: string; width: number } {
  const counts = [
    { count: node.problems.error, colour: palette.error, label: 'error' },
    { count: node.problems.warning, colour: palette.warning, label: 'warning' },
  ].filter((b) => b.count > 0);
  let right = rect.x + rect.width - 6;
  const parts: string[] = [];
  for (const badge of counts) {
    const text = badge.count > 99 ? '99+' : String(badge.count);
    const w = Math.max(16, text.length * 6.5 + 8);
    parts.push(
      el(
        'g',
        { class: `pt-badge pt-badge-${badge.label}` },
        el('title', {}, `${badge.count} ${badge.label}${badge.count === 1 ? '' : 's'}`) +
          el('rect', { x: right - w, y: rect.y + 5, width: w, height: 16, rx: 8, fill: badge.colour }) +
          el('text', { x: right - w / 2, y: rect.y + 16.5, class: 'f-badge', 'text-anchor': 'middle' }, text),
      ),
    );
    right -= w + 4;
  }
  return { markup: parts.join(''), width: rect.x + rect.width - 6 - right };
}

function edgeMarkup(
  edge: RoutedEdge,
  graph: PositionedGraph,
  rects: Map<string, Rect>,
  obstacles: readonly Rect[],
  palette: Palette,
  id: (name: string) => string,
  scene?: TraceScene,
): string {
  const from = rects.get(edge.source);
  const to = rects.get(edge.target);
  if (!from || !to || isAncestor(graph, edge.source, edge.target) || isAncestor(graph, edge.target, edge.source))
    return '';
  // Right side to left side, as the app draws it; an edge that runs right to left (a cycle
  // the layered layout had to break) leaves from the left side instead of looping around.
  const backward = to.x + to.width <= from.x;
  const x0 = backward ? from.x : from.x + from.width;
  const y0 = from.y + from.height / 2;
  const x3 = backward ? to.x + to.width : to.x;
  const y3 = to.y + to.height / 2;
  const bend = Math.max(30, Math.abs(x3 - x0) / 2) * (backward ? -1 : 1);
  // The route the layout drew around the boxes, as the canvas draws it; a curve without one.
  const routed = edge.points && edge.points.length >= 2 ? edge.points : undefined;
  const d = routed
    ? roundedPath(routed.map((p) => ({ x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 })))
    : `M${num(x0)},${num(y0)} C${num(x0 + bend)},${num(y0)} ${num(x3 - bend)},${num(y3)} ${num(x3)},${num(y3)}`;
  const onPath = scene?.pathEdges.has(edge.id) ?? false;
  const parts: string[] = [];
  if (onPath) {
    parts.push(el('path', { d, fill: 'none', stroke: palette.accent, 'stroke-width': 8, 'stroke-opacity': 0.2 }));
  }
  parts.push(
    el('path', {
      d,
      fill: 'none',
      stroke: onPath ? palette.accent : palette.edge,
      'stroke-width': onPath ? 2.5 : 1.5,
      'stroke-dasharray': edge.dashed ? '6 5' : undefined,
      'marker-end': `url(#${id(onPath ? 'arrow-path' : 'arrow')})`,
    }),
  );
  if (edge.label) {
    // Where the layout made room for it; else the midpoint of the cubic, here the chord's midpoint.
    const mx = edge.labelAt?.x ?? (x0 + x3) / 2;
    const my = edge.labelAt?.y ?? (y0 + y3) / 2;
    const label = fitText(edge.label, 180, FONT.edgeLabel);
    const w = label.length * FONT.edgeLabel.size * 0.61 + 8;
    const pill = { x: mx - w / 2, y: my - 8, width: w, height: 16 };
    // A label that would cover a box or a group's title is left out: the boxes at both ends
    // say the same (a Service's ports, an Ingress rule's host), and the edge keeps it as a tooltip.
    if (!obstacles.some((o) => overlaps(o, pill))) {
      parts.push(
        el('rect', { ...pill, rx: 4, fill: palette.canvasBg, 'fill-opacity': 0.9 }),
        textEl({ x: mx, y: my + 4, class: 'f-edge', 'text-anchor': 'middle' }, label),
      );
    } else {
      parts.unshift(el('title', {}, escapeXml(edge.label)));
    }
  }
  const dim = scene && !onPath;
  return el('g', { class: dim ? 'pt-edge pt-dim' : 'pt-edge' }, parts.join(''));
}

/** What an edge label must not cover: every box, and the title band of every group. */
function labelObstacles(nodes: readonly PositionedNode[], rects: Map<string, Rect>): Rect[] {
  return nodes.map((node) => {
    const rect = rects.get(node.id)!;
    return node.group ? { ...rect, height: Math.min(rect.height, 46) } : rect;
  });
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Each graph's boxes by id, made once per picture rather than once per arrow (the picture has thousands of arrows at scale).
const boxesById = new WeakMap<PositionedGraph, Map<string, PositionedGraph['nodes'][number]>>();

function isAncestor(graph: PositionedGraph, ancestor: string, id: string): boolean {
  let byId = boxesById.get(graph);
  if (!byId) {
    byId = new Map(graph.nodes.map((n) => [n.id, n]));
    boxesById.set(graph, byId);
  }
  for (let p = byId.get(id)?.parent, depth = 0; p && depth < 20; p = byId.get(p)?.parent, depth++) {
    if (p === ancestor) return true;
  }
  return false;
}

/** Outlines of the boxes on the path; the box where the request stops turns red when reached. */
function traceOutlines(scene: TraceScene, rects: Map<string, Rect>, palette: Palette): string {
  const failBox = scene.failedHop >= 0 ? scene.hopBoxes[scene.failedHop] : undefined;
  const parts: string[] = [];
  for (const id of scene.pathBoxes) {
    const rect = rects.get(id);
    if (!rect) continue;
    const ring = { x: rect.x - 3, y: rect.y - 3, width: rect.width + 6, height: rect.height + 6, rx: 10, fill: 'none' };
    parts.push(el('rect', { ...ring, stroke: palette.accent, 'stroke-width': 2 }));
    if (id === failBox)
      parts.push(el('rect', { ...ring, stroke: palette.error, 'stroke-width': 3, class: 'pt-fail-ring' }));
  }
  return el('g', { class: 'pt-outlines' }, parts.join(''));
}

/** A text description for screen readers: what is drawn, and the trace hop by hop. */
function describePicture(graph: PositionedGraph, scene?: TraceScene): string {
  const boxes = graph.nodes.filter((n) => !n.group).map((n) => `${n.kind} ${n.title}`);
  const lines = [`${boxes.length} objects: ${boxes.join(', ')}.`];
  if (scene) {
    scene.trace.hops.forEach((hop, i) =>
      lines.push(`Hop ${i + 1}/${scene.trace.hops.length}: ${hop.caption || hop.detail}`),
    );
    if (scene.trace.failure) lines.push(`The request stops: ${scene.trace.failure.message}`);
  }
  return lines.join('\n');
}

/** `a` over `b` with weight `t`, for the tinted background of a box with errors. */
function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * t + channel(b, i) * (1 - t)));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
