import type { Trace } from '../core/trace/types';
import type { PositionedGraph } from '../layout/finishLayout';
import { arrivalMs, durationMs, planTrace, type TracePlan } from '../layout/tracePlan';
import type { Palette } from '../roles';
import { textWidth, wrapText, type FontStyle } from './textFit';
import { el, escapeXml, num } from './xml';

/**
 * The trace as an animation that needs no script: CSS keyframes computed from the same plan
 * the canvas samples (`planTrace`, travel 700 ms, dwell 1100 ms), a packet that moves from stop
 * to stop, and captions whose opacity changes in step with it. Looping, with a pause at the end.
 */

export type TraceScene = {
  trace: Trace;
  plan: TracePlan;
  /** the box each hop sits on */
  hopBoxes: (string | undefined)[];
  pathBoxes: Set<string>;
  pathEdges: Set<string>;
  /** the hop where the request stops, or -1 */
  failedHop: number;
  /** the whole loop, pause included */
  cycleMs: number;
};

/** How long the last hop stays on screen before the loop starts over. */
export const END_PAUSE_MS = 2200;
const FADE_MS = 160;
const PACKET_FADE_MS = 300;
const PACKET_INSET = { x: 20, y: 15 };
/** The width of one problem badge and its gap (see badgeMarkup in svg.ts). */
const BADGE_SPACE = 22;

/** Where a trace sits on the drawn graph: its stops, and the boxes and edges on its path. */
export function traceScene(
  graph: PositionedGraph,
  trace: Trace,
  hopBoxes: readonly (string | undefined)[],
): TraceScene {
  const centred = planTrace(graph, hopBoxes);
  // The packet rests in the top right corner of its box, where it covers no text.
  const sizes = new Map(graph.nodes.map((n) => [n.id, n]));
  const plan = {
    ...centred,
    stops: centred.stops.map((stop) => {
      const box = stop.boxId ? sizes.get(stop.boxId) : undefined;
      // …left of its problem badges, which it would otherwise hide.
      const badges = (box?.problems.error ? BADGE_SPACE : 0) + (box?.problems.warning ? BADGE_SPACE : 0);
      return box
        ? {
            ...stop,
            x: stop.centre.x + box.width / 2 - PACKET_INSET.x - badges,
            y: stop.centre.y - box.height / 2 + PACKET_INSET.y,
          }
        : stop;
    }),
  };
  const boxes = plan.stops.map((s) => s.boxId);
  const pairs = new Set<string>();
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    if (a && b && a !== b) pairs.add(`${a}->${b}`);
  }
  const pathEdges = new Set(
    graph.edges
      .filter((e) => pairs.has(`${e.source}->${e.target}`) || pairs.has(`${e.target}->${e.source}`))
      .map((e) => e.id),
  );
  let failedHop = trace.hops.findIndex((h) => h.failed);
  if (failedHop === -1 && !trace.ok && trace.hops.length > 0) failedHop = trace.hops.length - 1;
  return {
    trace,
    plan,
    hopBoxes: boxes,
    pathBoxes: new Set(boxes.filter((id): id is string => !!id)),
    pathEdges,
    failedHop,
    cycleMs: durationMs(plan) + END_PAUSE_MS,
  };
}

const pct = (scene: TraceScene, ms: number) =>
  `${num((Math.min(Math.max(ms, 0), scene.cycleMs) / scene.cycleMs) * 100)}%`;
const at = (x: number, y: number) => `transform: translate(${num(x)}px, ${num(y)}px)`;

/**
 * The keyframes and reduced-motion rules of the animation (no user text in here). `scope` is the
 * picture's root id: every selector sits under `#scope` and every keyframe name starts with it,
 * because an SVG's stylesheet applies to the whole page once the SVG is inline, and two traces on
 * one page must not drive each other's packets.
 */
export function traceCss(scene: TraceScene, palette: Palette, scope: string): string {
  const { plan, cycleMs, failedHop } = scene;
  const s = (selectors: string) =>
    selectors
      .split(',')
      .map((selector) => `#${scope} ${selector.trim()}`)
      .join(', ');
  const k = (name: string) => `${scope}-${name}`;
  const stops = plan.stops;
  if (stops.length === 0) return '';
  const last = stops[stops.length - 1]!;
  const rules: string[] = [];

  // The packet: dwell at each stop, then travel (eased, as positionAt eases) to the next.
  const moves: string[] = [];
  stops.forEach((stop, i) => {
    const arrive = arrivalMs(plan, i);
    if (i === stops.length - 1) {
      moves.push(`${pct(scene, arrive)}, 100% { ${at(stop.x, stop.y)} }`);
    } else {
      moves.push(`${pct(scene, arrive)} { ${at(stop.x, stop.y)} }`);
      moves.push(
        `${pct(scene, arrive + plan.dwellMs)} { ${at(stop.x, stop.y)}; animation-timing-function: ease-in-out }`,
      );
    }
  });
  rules.push(`@keyframes ${k('move')} { ${moves.join(' ')} }`);
  const failAt = failedHop >= 0 ? arrivalMs(plan, failedHop) : -1;
  // Fade in at the start and out at the end of the loop, so the jump back is not seen.
  rules.push(
    `@keyframes ${k('fade')} { 0% { opacity: 0 } ${pct(scene, PACKET_FADE_MS)}, ${pct(scene, cycleMs - PACKET_FADE_MS * 2)} { opacity: 1 } 100% { opacity: 0 } }`,
  );
  rules.push(
    `${s('.pt-packet')} { ${at(stops[0]!.x, stops[0]!.y)}; animation: ${k('move')} ${cycleMs}ms linear infinite, ${k('fade')} ${cycleMs}ms linear infinite }`,
  );
  rules.push(`${s('.pt-dot')} { fill: ${palette.accent} }`);
  if (failAt >= 0) {
    // The packet turns red where the request stops.
    rules.push(
      `@keyframes ${k('dot')} { 0%, ${pct(scene, failAt - 1)} { fill: ${palette.accent} } ${pct(scene, failAt)}, 100% { fill: ${palette.error} } }`,
      `${s('.pt-dot')} { animation: ${k('dot')} ${cycleMs}ms linear infinite }`,
    );
  }
  if (failAt >= 0) {
    rules.push(
      `@keyframes ${k('fail')} { 0%, ${pct(scene, failAt - 1)} { opacity: 0 } ${pct(scene, failAt)}, 100% { opacity: 1 } }`,
      `${s('.pt-fail-ring')} { opacity: 0; animation: ${k('fail')} ${cycleMs}ms linear infinite }`,
    );
  }

  // One caption at a time, cross-fading when the packet arrives at the next hop.
  rules.push(`${s('.pt-cap')} { opacity: 0 }`);
  stops.forEach((_, i) => {
    const show = arrivalMs(plan, i);
    const hide = i === stops.length - 1 ? cycleMs : arrivalMs(plan, i + 1);
    const frames =
      i === 0
        ? `0%, ${pct(scene, hide - FADE_MS)} { opacity: 1 } ${pct(scene, hide)}, 100% { opacity: 0 }`
        : i === stops.length - 1
          ? `0%, ${pct(scene, show - FADE_MS)} { opacity: 0 } ${pct(scene, show)}, 100% { opacity: 1 }`
          : `0%, ${pct(scene, show - FADE_MS)} { opacity: 0 } ${pct(scene, show)}, ${pct(scene, hide - FADE_MS)} { opacity: 1 } ${pct(scene, hide)}, 100% { opacity: 0 }`;
    rules.push(
      `@keyframes ${k(`cap-${i}`)} { ${frames} }`,
      `${s(`.pt-cap-${i}`)} { animation: ${k(`cap-${i}`)} ${cycleMs}ms linear infinite }`,
    );
  });

  // No motion: the packet rests where the request ends, with the last caption.
  rules.push(
    `@media (prefers-reduced-motion: reduce) { ` +
      `${s(`.pt-packet, .pt-dot, .pt-cap${failAt >= 0 ? ', .pt-fail-ring' : ''}`)} { animation: none } ` +
      `${s('.pt-packet')} { ${at(last.x, last.y)} } ` +
      `${s('.pt-packet')} { opacity: 1 } ${s('.pt-dot')} { fill: ${failAt >= 0 ? palette.error : palette.accent} } ` +
      `${failAt >= 0 ? `${s('.pt-fail-ring')} { opacity: 1 } ` : ''}${s('.pt-cap')} { opacity: 0 } ${s(`.pt-cap-${stops.length - 1}`)} { opacity: 1 } }`,
  );
  return rules.join('\n');
}

/**
 * The packet: a dot with a halo, moved by `.pt-packet`'s keyframes — or, for a still picture,
 * placed and coloured by attributes (`still`), which every renderer reads.
 */
export function packetMarkup(palette: Palette, still?: { at?: { x: number; y: number }; fill: string }): string {
  const fill = still?.fill;
  return el(
    'g',
    { class: 'pt-packet', transform: still?.at ? `translate(${num(still.at.x)} ${num(still.at.y)})` : undefined },
    el('circle', { r: 13, 'fill-opacity': 0.22, class: 'pt-dot', fill }) +
      el('circle', { r: 8, stroke: palette.panel, 'stroke-width': 2.5, class: 'pt-dot', fill }),
  );
}

const CAPTION_PAD_X = 16;
const CAPTION_MAX_LINES = 3;

export type CaptionLayout = {
  items: { prefix: string; lines: string[]; failed: boolean }[];
  /** px; the caption grows with the picture, so it stays legible when a blog scales it down */
  fontSize: number;
  lineHeight: number;
  prefixWidth: number;
  height: number;
};

/** The caption of every hop, wrapped to the bar's width ("Hop 3/6 · Service port 80 → …"). */
export function layoutCaptions(scene: TraceScene, width: number): CaptionLayout {
  const { hops, failure } = scene.trace;
  const prefixes = hops.map((_, i) => `Hop ${i + 1}/${hops.length}${i === scene.failedHop ? ' ✗' : ''} · `);
  const fontSize = Math.min(22, Math.max(14, Math.round(width / 62)));
  const lineHeight = Math.round(fontSize * 1.4);
  const font: FontStyle = { size: fontSize };
  const prefixWidth = Math.max(0, ...prefixes.map((p) => textWidth(p, { size: fontSize, bold: true })));
  const textSpace = Math.max(120, width - 2 * CAPTION_PAD_X - prefixWidth);
  const items = hops.map((hop, i) => {
    const failed = i === scene.failedHop;
    const text = failed && failure ? failure.message : hop.caption || hop.detail;
    return { prefix: prefixes[i]!, lines: wrapText(text, textSpace, font, CAPTION_MAX_LINES), failed };
  });
  const lines = Math.max(1, ...items.map((item) => item.lines.length));
  const pad = Math.round(fontSize * 0.8);
  return { items, fontSize, lineHeight, prefixWidth, height: 2 * pad + lines * lineHeight };
}

/** The caption bar at the bottom of the picture: stacked captions, one visible at a time. */
export function captionBarMarkup(layout: CaptionLayout, palette: Palette, y: number, width: number): string {
  const parts = [
    el('rect', { x: 0, y, width, height: layout.height, fill: palette.panel }),
    el('line', { x1: 0, y1: y + 0.5, x2: width, y2: y + 0.5, stroke: palette.border }),
  ];
  layout.items.forEach((item, i) => {
    const baseline = y + Math.round(layout.fontSize * 0.8) + Math.round(layout.lineHeight * 0.75);
    const size = `font-size: ${layout.fontSize}px`;
    const colour = item.failed ? palette.error : palette.text;
    // "Hop 3/6 · " ends where the caption's column starts, whatever the font's real widths.
    const column = CAPTION_PAD_X + layout.prefixWidth;
    const prefix = el(
      'text',
      {
        x: column,
        y: baseline,
        style: `${size}; font-weight: 700`,
        'text-anchor': 'end',
        fill: item.failed ? palette.error : palette.accent,
      },
      escapeXml(item.prefix.trimEnd()),
    );
    const text = item.lines
      .map((line, n) =>
        el(
          'text',
          { x: column + layout.fontSize * 0.3, y: baseline + n * layout.lineHeight, style: size, fill: colour },
          escapeXml(line),
        ),
      )
      .join('');
    parts.push(el('g', { class: `pt-cap pt-cap-${i}` }, prefix + text));
  });
  return el('g', { class: 'pt-captions' }, parts.join(''));
}
