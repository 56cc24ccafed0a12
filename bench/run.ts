/**
 * `npm run bench`: every measure of issue 12 with its budget, printed as a table and written to
 * bench/results.json (one row per measure: name, input, median, p95, runs, budget, pass), then
 * issue 13's hostile inputs with the time and peak memory each takes. Exit 1 when a budget fails.
 *
 * `npm run bench -- --only core,cli` runs some sections: core, cli, bundle, browser, hostile.
 * `--no-build` reuses dist/ and dist-cli/ as they are.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ANALYSIS_BUDGET_MS } from '../src/state/analyzeAsync';
import { benchBrowser } from './browserSection';
import { benchBundle } from './bundle';
import { benchCli } from './cli';
import { benchCore } from './core';
import { HOSTILE_INPUTS } from './hostileInputs';
import { row, table, type Row } from './measure';

const SECTIONS = ['core', 'cli', 'bundle', 'browser', 'hostile'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1]! : args[args.indexOf(onlyArg) + 1]!).split(','))
  : new Set<string>(SECTIONS);
const wanted = (section: Section) => only.has(section);
const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);

const ROOT = fileURLToPath(new URL('../', import.meta.url));
if (!args.includes('--no-build') && (wanted('cli') || wanted('bundle') || wanted('browser'))) {
  log('building the app and the command line (npm run build)');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** The hostile inputs' own table (their columns differ from the budgets' table). */
let hostileTable = '';
const rows: Row[] = [];
if (wanted('bundle')) rows.push(...benchBundle());
if (wanted('cli')) rows.push(...benchCli(log));
if (wanted('core')) rows.push(...(await benchCore(log)));
if (wanted('browser')) rows.push(...(await benchBrowser(log)));
if (wanted('hostile')) rows.push(...hostileRows());

/**
 * Hostile inputs (issue 13): each in a process of its own, so peak memory is its own, with a
 * time limit: a row that hangs says so instead of hanging the bench.
 */
function hostileRows(): Row[] {
  const out: Row[] = [];
  const printed: string[] = [];
  for (const input of HOSTILE_INPUTS) {
    log(`hostile: ${input.name}`);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./hostileOne.ts', import.meta.url)), input.name],
      { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 20 },
    );
    const last = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status === 0 && last.startsWith('{')) {
      const r = JSON.parse(last) as Record<string, number | string>;
      const input = `${r.input} (${Number(r.MB).toFixed(2)} MB)`;
      const note = `${r.boxes} boxes, peak ${r['peak MB']} MB; ${r.diagnostics || 'no diagnostic'}`;
      out.push(
        row({
          section: 'hostile',
          name: 'analyze',
          input,
          unit: 'ms',
          samples: [Number(r['analyze ms'])],
          budget: { kind: 'max', max: ANALYSIS_BUDGET_MS },
          note,
        }),
        row({
          section: 'hostile',
          name: 'view + layout',
          input,
          unit: 'ms',
          samples: [Number(r['view + layout ms'])],
          budget: { kind: 'max', max: 15_000 },
        }),
        row({
          section: 'hostile',
          name: 'peak memory',
          input,
          unit: 'MB',
          samples: [Number(r['peak MB'])],
          budget: { kind: 'none' },
        }),
      );
      printed.push(
        `| ${input} | ${r['analyze ms']} ms | ${r['view + layout ms']} ms | ${r.boxes} | ${r['peak MB']} MB | ${r.diagnostics || '—'} |`,
      );
    } else {
      const why = child.error ? 'timed out (120 s)' : `failed: ${child.stderr.trim().split('\n').pop() ?? ''}`;
      out.push({
        section: 'hostile',
        name: 'analyze',
        input: input.name,
        unit: 'ms',
        median: NaN,
        p95: NaN,
        runs: 1,
        budget: { kind: 'max', max: ANALYSIS_BUDGET_MS },
        pass: false,
        note: why,
      });
      printed.push(`| ${input.name} | ${why} | | | | |`);
    }
  }
  hostileTable = [
    '| input | analyze | view + layout | boxes | peak memory | diagnostics |',
    '|---|---|---|---|---|---|',
    ...printed,
  ].join('\n');
  return out;
}
console.log(table(rows.filter((r) => r.section !== 'hostile')));
if (hostileTable) console.log(`\nHostile inputs (issue 13), one process each:\n\n${hostileTable}`);
const failed = rows.filter((r) => r.pass === false);
const seconds = (performance.now() - started) / 1000;
console.log(
  `\nnode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}); ${rows.length} measures, ` +
    `${rows.filter((r) => r.pass !== null).length} with a budget, ${failed.length} over it; ${seconds.toFixed(0)} s.`,
);
for (const r of failed)
  console.log(`  over budget: ${r.section} ${r.name} on ${r.input}${r.note ? ` (${r.note})` : ''}`);
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify({ node: process.version, cores: cpus().length, seconds: Math.round(seconds), rows }, null, 2) + '\n',
);
process.exitCode = failed.length > 0 ? 1 : 0;
