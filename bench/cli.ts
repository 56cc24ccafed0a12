/**
 * The command line as a user runs it: whole-process wall time of the bundled script
 * (dist-cli/portolan.mjs, which `npm run bench` builds first), inputs written to a temp folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { SourceFile } from '../src/core/model/source';
import { kubeCluster, onlineBoutique, seed } from './inputs';
import { row, type Budget, type Row } from './measure';

const SCRIPT = fileURLToPath(new URL('../dist-cli/portolan.mjs', import.meta.url));

/** KubeDiagrams' SVG time on Online Boutique ×10, as issue 12 measured it on this machine (see README). */
export const KUBEDIAGRAMS_BOUTIQUE_X10_S = 1.2;

type Case = { name: string; input: string; files: SourceFile[]; args: string[]; budget: Budget };

function cases(): Case[] {
  const boutique = onlineBoutique();
  const boutique10 = onlineBoutique(10);
  const k1000 = kubeCluster(1000);
  const max = (s: number): Budget => ({ kind: 'max', max: s });
  return [
    { name: 'check', input: 'seed (3 files)', files: seed(), args: ['check'], budget: max(0.15) },
    { name: '--help', input: '—', files: [], args: ['--help'], budget: max(0.15) },
    { name: 'check', input: 'Online Boutique', files: boutique, args: ['check'], budget: max(0.2) },
    {
      name: 'trace',
      input: 'Online Boutique',
      files: boutique,
      args: ['trace', '--url', 'http://cartservice:7070/', '--from', 'frontend'],
      budget: max(0.2),
    },
    {
      name: 'render -o x.svg',
      input: 'Online Boutique',
      files: boutique,
      args: ['render', '-o', 'OUT.svg'],
      budget: max(0.25),
    },
    {
      name: 'render -o x.svg',
      input: 'Online Boutique ×10 (350 objects)',
      files: boutique10,
      args: ['render', '-o', 'OUT.svg'],
      // Half of KubeDiagrams' time on the same files.
      budget: max(KUBEDIAGRAMS_BOUTIQUE_X10_S / 2),
    },
    { name: 'check', input: 'k8s 1,000 objects', files: k1000, args: ['check'], budget: max(1) },
    {
      name: 'trace',
      input: 'k8s 1,000 objects',
      files: k1000,
      args: ['trace', '--url', 'https://app-0.team-0.example.com/'],
      budget: max(1),
    },
    {
      name: 'render -o x.svg',
      input: 'k8s 1,000 objects',
      files: k1000,
      args: ['render', '-o', 'OUT.svg'],
      budget: max(1),
    },
  ];
}

/** Wall time of each command, `runs` times after one warm-up (the file cache, not a JIT). */
export function benchCli(log: (line: string) => void, runs = 5): Row[] {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-bench-'));
  const rows: Row[] = [];
  try {
    cases().forEach((c, index) => {
      log(`cli: ${c.name} ${c.input}`);
      const folder = join(dir, String(index));
      mkdirSync(folder);
      const paths = c.files.map((f) => {
        const path = join(folder, f.name);
        writeFileSync(path, f.text);
        return path;
      });
      const args = [SCRIPT, ...c.args.map((a) => a.replace('OUT', join(folder, 'out'))), ...paths];
      const times: number[] = [];
      let note: string | undefined;
      for (let i = 0; i <= runs && !note; i++) {
        const start = performance.now();
        // A command far over its budget is stopped, so one slow row cannot hang the bench.
        const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
        const seconds = (performance.now() - start) / 1000;
        if (child.error) note = `stopped after ${seconds.toFixed(0)} s`;
        else if (child.status !== 0 && child.status !== 1) note = `exit ${child.status}: ${child.stderr.slice(0, 200)}`;
        if (note) times.push(Infinity);
        else if (i > 0) times.push(seconds);
      }
      const measured = row({
        section: 'cli',
        name: `portolan ${c.name}`,
        input: c.input,
        unit: 's',
        samples: times,
        budget: c.budget,
      });
      rows.push(note ? { ...measured, note, pass: false } : measured);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
