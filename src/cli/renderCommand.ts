import { writeFileSync } from 'node:fs';
import type { AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { exportHtml, exportMermaid, exportTraceStill } from '../render/exports';
import { renderFiles } from '../render/renderFiles';

/**
 * `portolan render FILE... [-o OUT] [--trace URL] [--from NAME] [--nodes N] [--theme
 * light|dark]`: writes the picture in the format OUT's extension names — `.svg` (animated with
 * the trace of URL when `--trace` is given), `.png` (the SVG at 2×; a trace as it ends), `.html` (one self-contained
 * page), `.mmd` (a Mermaid flowchart) — or an SVG to stdout without `-o`. Exit codes: 0 when
 * written — input with problems is still drawn, as the app draws it, and the count of problems
 * goes to stderr; 2 for a usage error; 1 when the output file cannot be written.
 */

type OutputFormat = 'svg' | 'png' | 'html' | 'mmd';
const FORMATS: readonly OutputFormat[] = ['svg', 'png', 'html', 'mmd'];

/** The format a file name's extension asks for, or undefined for one we do not write. */
export function formatOf(file: string): OutputFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'htm') return 'html';
  if (ext === 'mermaid') return 'mmd';
  return FORMATS.find((f) => f === ext);
}

/** Runs `render` with the analyze options the other commands take (`--nodes`, `--kube-version`, `--profile`, `--var`). */
export async function runRender(
  sources: readonly SourceFile[],
  analyzeOptions: AnalyzeOptions,
  options: ReadonlyMap<string, string>,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const theme = options.get('theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') {
    err('portolan: --theme takes light or dark\n');
    return 2;
  }
  const output = options.get('output');
  if (options.has('output') && !output) {
    err('portolan: -o takes a file name (e.g. -o cluster.svg)\n');
    return 2;
  }
  const format = output ? formatOf(output) : 'svg';
  if (!format) {
    err('portolan: -o names the format by its extension: .svg, .png, .html or .mmd\n');
    return 2;
  }
  const traceUrl = options.get('trace');
  if (options.has('trace') && !traceUrl) {
    err('portolan: --trace takes a URL (e.g. --trace https://api.example.com/)\n');
    return 2;
  }
  const from = options.get('from');
  if (from && !traceUrl) {
    err('portolan: --from needs --trace URL\n');
    return 2;
  }

  const result = renderFiles(sources, {
    analyze: analyzeOptions,
    theme,
    ...(traceUrl ? { traceUrl } : {}),
    ...(from ? { traceFrom: from } : {}),
  });
  const counts = { error: 0, warning: 0 };
  for (const d of result.analysis.diagnostics) if (d.severity !== 'info') counts[d.severity] += 1;
  if (counts.error + counts.warning > 0) {
    err(
      `portolan: the input has ${plural(counts.error, 'error')} and ${plural(counts.warning, 'warning')}; portolan check lists them\n`,
    );
  }
  if (result.trace && !result.trace.ok) {
    err(`portolan: the traced request stops: ${result.trace.failure?.message ?? 'see the last hop'}\n`);
  }
  if (!output) {
    out(result.svg);
    return 0;
  }
  let content: string | Buffer;
  let note = '';
  if (format === 'png') {
    // A PNG cannot animate: a trace is drawn as it ends, packet on the last hop, last caption.
    // resvg (a native module) loads only for a PNG, so every other command starts without it.
    const { svgToPng } = await import('./png');
    const png = svgToPng(exportTraceStill(result.source) ?? result.svg);
    content = png.png;
    note = `, ${png.width}×${png.height} px${result.trace ? ', the trace as it ends' : ''}`;
  } else if (format === 'html') {
    content = exportHtml(result.source);
  } else if (format === 'mmd') {
    content = exportMermaid(result.source);
  } else {
    content = result.svg;
  }
  try {
    writeFileSync(output, content);
  } catch (error) {
    err(`portolan: cannot write ${output}: ${(error as Error).message}\n`);
    return 1;
  }
  err(`portolan: wrote ${output} (${Math.max(1, Math.round(content.length / 1024))} KB${note})\n`);
  return 0;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
