/**
 * `npm run bench`: how long each step of the pipeline takes on generated inputs of growing
 * size, printed as a table. Inputs are Online Boutique (a sample) copied into N namespaces.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { analyze, createAnalyzer } from '../src/core/analyze';
import type { SourceFile } from '../src/core/model/source';
import { traceRequest } from '../src/core/trace';
import { layoutLayered } from '../src/layout/layered/layeredLayout';
import { buildViewGraph } from '../src/layout/viewGraph';
import { HOSTILE_INPUTS } from './hostileInputs';

const boutique = readFileSync(
  new URL('../src/samples/online-boutique/kubernetes-manifests.yaml', import.meta.url),
  'utf8',
);

/** Online Boutique in `copies` namespaces, one file each. */
function workspace(copies: number): SourceFile[] {
  return Array.from({ length: copies }, (_, i) => ({
    name: `shop-${i}.yaml`,
    text: boutique.replace(/^metadata:\n/gm, `metadata:\n  namespace: shop-${i}\n`),
  }));
}

async function time<T>(run: () => T | Promise<T>, repeat = 3): Promise<{ ms: number; value: T }> {
  const samples: number[] = [];
  let value!: T;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    value = await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, value };
}

// Warm the JIT once so the first row measures the work, not the compiler.
{
  const warm = analyze(workspace(1));
  layoutLayered(buildViewGraph(warm.topology, warm.diagnostics));
}
const rows: Record<string, string | number>[] = [];
for (const copies of [1, 5, 20, 40]) {
  const files = workspace(copies);
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const cold = await time(() => analyze(files.map((f) => ({ ...f, text: f.text + `\n# cold ${Math.random()}\n` }))), 1);
  const analyzer = createAnalyzer();
  const warm = await time(() => analyzer.analyze(files));
  // One keystroke in one document of one file: the other documents come from the cache.
  let n = 0;
  const edit = await time(() => {
    const edited = files.map((f, i) =>
      i === 0 ? { ...f, text: f.text.replace('replicas', `# ${n++}\n  replicas`) } : f,
    );
    return analyzer.analyze(edited);
  });
  const { topology, diagnostics } = warm.value;
  const view = await time(() => buildViewGraph(topology, diagnostics));
  const layout = await time(() => layoutLayered(view.value), 1);
  const trace = await time(() =>
    traceRequest(topology, { url: 'http://cartservice.shop-0:7070/', from: 'shop-0/frontend' }),
  );
  rows.push({
    input: `${copies}× boutique`,
    KB: Math.round(bytes / 1024),
    objects: topology.objects.length,
    pods: topology.objects.filter((o) => o.role === 'pod').length,
    'analyze cold ms': cold.ms.toFixed(0),
    'analyze warm ms': warm.ms.toFixed(0),
    'after 1 edit ms': edit.ms.toFixed(0),
    'view ms': view.ms.toFixed(1),
    'layout ms': layout.ms.toFixed(0),
    'trace ms': trace.ms.toFixed(2),
  });
}

function printTable(table: Record<string, string | number>[]) {
  const columns = Object.keys(table[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |';
  console.log(line(columns));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of table) console.log(line(columns.map((c) => String(row[c]))));
}
printTable(rows);
console.log(`\nnode ${process.version}, median of 3 runs (cold and layout: 1 run)`);

// Hostile inputs (issue 13): each in a process of its own, so peak memory is its own, with a
// time limit: a row that hangs says so instead of hanging the bench.
console.log('\nHostile inputs: analyze → view → layout, one process each (peak = max RSS, "input" = RSS once built)\n');
const hostile: Record<string, string | number>[] = [];
for (const input of HOSTILE_INPUTS) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./hostileOne.ts', import.meta.url)), input.name],
    {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 1 << 20,
    },
  );
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status === 0 && last.startsWith('{')) {
    const row = JSON.parse(last) as Record<string, string | number>;
    hostile.push({ ...row, MB: Number(row.MB).toFixed(2) });
  } else {
    const why = child.error ? 'timed out (120 s)' : `failed: ${child.stderr.trim().split('\n').pop() ?? ''}`;
    hostile.push({
      input: input.name,
      MB: '',
      'analyze ms': why,
      'view + layout ms': '',
      boxes: '',
      'peak MB': '',
      'input MB of that': '',
      diagnostics: '',
    });
  }
}
printTable(hostile);
