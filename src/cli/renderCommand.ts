import { writeFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { AnalyzeOptions } from '../core/analyze';
import type { SourceFile } from '../core/model/source';
import { renderFiles } from '../render/renderFiles';

/**
 * `portolan render FILE... [-o out.svg] [--trace URL] [--from NAME] [--nodes N] [--theme
 * light|dark]`: writes the cluster picture as a standalone SVG (to stdout without `-o`),
 * animated with the trace of URL when `--trace` is given. Exit codes: 0 when the SVG was
 * written — input with problems is still drawn, as the app draws it, and the count of
 * problems goes to stderr; 2 for a usage error; 1 when the output file cannot be written.
 */
export async function runRender(
  sources: readonly SourceFile[],
  nodes: number | undefined,
  options: ReadonlyMap<string, string>,
  out: (text: string) => void,
  err: (text: string) => void,
  analyzeOptions: AnalyzeOptions = {},
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

  const result = await renderFiles(new ELK(), sources, {
    analyze: analyzeOptions,
    theme,
    ...(nodes !== undefined ? { nodes } : {}),
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
  try {
    writeFileSync(output, result.svg);
  } catch (error) {
    err(`portolan: cannot write ${output}: ${(error as Error).message}\n`);
    return 1;
  }
  err(`portolan: wrote ${output} (${Math.round(result.svg.length / 1024)} KB)\n`);
  return 0;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
