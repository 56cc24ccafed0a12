import type { ViewGraph, ViewNode } from './viewGraph';

/**
 * The presentation's boxes: the same graph, sized for type a room can read from the back.
 * Titles are set large and wrap (at hyphens and dots, as the browser breaks them) instead of
 * running into long boxes, so the picture stays narrow enough to fill a projector at 24 px and
 * more. The numbers estimate the stage styles in styles.css (`.canvas.is-stage`); keep them together.
 */

// Estimates of the stage type: 28px bold titles (34px lines), 18px subtitles, 17px monospace lines.
const TITLE_CHAR_WIDTH = 17.5;
const TITLE_LINE = 34;
const MAX_TITLE_LINES = 3;
const SUBTITLE_CHAR_WIDTH = 10;
const SUBTITLE_LINE = 24;
const MAX_SUBTITLE_LINES = 2;
const MONO_CHAR_WIDTH = 10.3;
const LINE = 24;
const KIND_LINE = 22;
const PADDING_X = 34;
const PADDING_Y = 22;
export const STAGE_MIN_WIDTH = 200;
export const STAGE_MAX_WIDTH = 420;

const TITLE_CHARS_PER_LINE = Math.floor((STAGE_MAX_WIDTH - PADDING_X) / TITLE_CHAR_WIDTH);

/** A title cut into the lines the stage shows it on: after `-`, `.`, `/`, `:` or a space, else anywhere. */
export function wrapTitle(title: string, perLine = TITLE_CHARS_PER_LINE): string[] {
  const tokens = title.match(/[^-./:\s]*[-./:\s]?/g)?.filter(Boolean) ?? [title];
  const lines: string[] = [];
  let line = '';
  for (let token of tokens) {
    if (line && (line + token).trimEnd().length > perLine) {
      lines.push(line);
      line = '';
    }
    // A token longer than a line breaks anywhere (`overflow-wrap: anywhere`).
    while (token.trimEnd().length > perLine) {
      lines.push(token.slice(0, perLine));
      token = token.slice(perLine);
    }
    line += token;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** One box sized for the stage; groups keep the size the layout gives them. */
export function stageNode(node: ViewNode): ViewNode {
  if (node.group) return node;
  // A pod's subtitle says "Pod" again under its kind: on stage the room is worth more.
  const subtitle = node.subtitle && node.subtitle !== node.kind ? node.subtitle : undefined;
  const titleLines = Math.min(MAX_TITLE_LINES, wrapTitle(node.title).length);
  const longestTitle = Math.max(...wrapTitle(node.title).map((l) => l.trimEnd().length));
  const contentWidth = Math.max(
    longestTitle * TITLE_CHAR_WIDTH,
    ...node.lines.map((l) => l.length * MONO_CHAR_WIDTH),
    Math.min(subtitle ? subtitle.length * SUBTITLE_CHAR_WIDTH : 0, STAGE_MAX_WIDTH - PADDING_X),
  );
  const width = Math.round(Math.min(STAGE_MAX_WIDTH, Math.max(STAGE_MIN_WIDTH, contentWidth + PADDING_X)));
  const subtitleLines = subtitle
    ? Math.min(MAX_SUBTITLE_LINES, Math.ceil((subtitle.length * SUBTITLE_CHAR_WIDTH) / (width - PADDING_X)))
    : 0;
  const height =
    PADDING_Y + KIND_LINE + titleLines * TITLE_LINE + subtitleLines * SUBTITLE_LINE + node.lines.length * LINE;
  const { subtitle: _dropped, ...rest } = node;
  return { ...rest, ...(subtitle ? { subtitle } : {}), width, height: Math.round(height) };
}

/** The view graph with every box sized for the stage (see the module comment). */
export function stageGraph(graph: ViewGraph): ViewGraph {
  return { nodes: graph.nodes.map(stageNode), edges: graph.edges };
}
