/**
 * One hostile input through the pipeline (analyze → view → layout), in a process of its own so
 * its peak memory is its own: prints one JSON line for bench/run.ts.
 */
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/core/analyze';
import { layoutLayered } from '../src/layout/layered/layeredLayout';
import { buildViewGraph } from '../src/layout/viewGraph';
import { HOSTILE_INPUTS } from './hostileInputs';

const input = HOSTILE_INPUTS.find((i) => i.name === process.argv[2]);
if (!input) throw new Error(`no hostile input named ${process.argv[2]}`);
const files = input.files();
const baseline = process.resourceUsage().maxRSS;
const started = performance.now();
const analysis = analyze(files);
const analyzed = performance.now();
const graph = buildViewGraph(analysis.topology, analysis.diagnostics);
const positioned = layoutLayered(graph);
const done = performance.now();
const codes = [...new Set(analysis.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code))];
console.log(
  JSON.stringify({
    input: input.name,
    MB: files.reduce((n, f) => n + f.text.length, 0) / 1e6,
    'analyze ms': Math.round(analyzed - started),
    'view + layout ms': Math.round(done - analyzed),
    boxes: positioned.nodes.length,
    'peak MB': Math.round(process.resourceUsage().maxRSS / 1024),
    'input MB of that': Math.round(baseline / 1024),
    diagnostics: codes.slice(0, 3).join(' ') + (codes.length > 3 ? ' …' : ''),
  }),
);
