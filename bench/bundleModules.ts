/**
 * `npx tsx bench/bundleModules.ts`: builds the app into a temporary folder and prints, for each
 * chunk the page loads, how many bytes each source (our folders, each package) adds to it.
 * This is how we find what sits in the initial chunk; it is a tool, not a measure with a budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rollup } from 'vite';

/** The place a module comes from: a package name, or a folder of ours (src/state, src/ui/present…). */
export function sourceGroup(id: string): string {
  const path = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  const ours = /\/(src\/.*)$/.exec(path);
  if (!ours) return path;
  const parts = ours[1]!.split('/');
  return parts.length > 2 ? parts.slice(0, Math.min(parts.length - 1, 3)).join('/') : parts.join('/');
}

const args = process.argv.slice(2);
// With --modules, each module on its own line instead of grouped by folder or package.
const perModule = args.includes('--modules');
// A word names the chunks to print (`index`, `analyze.worker`); without one, every chunk.
const only = args.find((a) => !a.startsWith('--'));
const TOP = perModule ? 60 : 25;
// With --why=TEXT, the chain of static imports that brings the first module matching TEXT in.
const why = args.find((a) => a.startsWith('--why='))?.slice('--why='.length);

type ChunkReport = {
  file: string;
  entry: boolean;
  dynamic: boolean;
  raw: number;
  gzip: number;
  groups: Map<string, number>;
};

function collect(reports: ChunkReport[]): Plugin {
  return {
    name: 'portolan-bundle-modules',
    apply: 'build',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      if (why) printWhy(this, why);
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const groups = new Map<string, number>();
        for (const [id, info] of Object.entries(output.modules)) {
          const group = perModule ? id.replace(/^.*\/(src|node_modules)\//, '$1/') : sourceGroup(id);
          groups.set(group, (groups.get(group) ?? 0) + info.renderedLength);
        }
        reports.push({
          file: output.fileName,
          entry: output.isEntry,
          dynamic: output.isDynamicEntry,
          raw: Buffer.byteLength(output.code),
          gzip: gzipSync(output.code).length,
          groups,
        });
      }
    },
  };
}

/** Prints the shortest chain of static imports from an entry to the first module whose id holds `text`. */
function printWhy(context: Rollup.PluginContext, text: string): void {
  const ids = [...context.getModuleIds()];
  const target = ids.find((id) => id.includes(text));
  if (!target) return;
  const cameFrom = new Map<string, string | null>([[target, null]]);
  const queue = [target];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const info = context.getModuleInfo(id);
    if (info?.isEntry && !id.includes('.worker.')) {
      const chain: string[] = [];
      for (let at: string | null = id; at; at = cameFrom.get(at) ?? null)
        chain.push(at.replace(/^.*\/(src|node_modules)\//, '$1/'));
      console.log(`why ${text}:\n  ${chain.join('\n  → imports ')}`);
      return;
    }
    for (const importer of info?.importers ?? [])
      if (!cameFrom.has(importer)) {
        cameFrom.set(importer, id);
        queue.push(importer);
      }
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const outDir = mkdtempSync(join(tmpdir(), 'portolan-bundle-'));
const reports: ChunkReport[] = [];
try {
  await build({
    logLevel: 'warn',
    plugins: [collect(reports)],
    build: { outDir, emptyOutDir: true },
    worker: { plugins: () => [collect(reports)] },
  });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
for (const report of reports.sort((a, b) => b.raw - a.raw)) {
  if (only && !report.file.includes(only)) continue;
  const kind = report.entry ? 'entry' : report.dynamic ? 'lazy' : 'shared';
  console.log(`\n${report.file} (${kind}): ${kb(report.raw)} raw, ${kb(report.gzip)} gzip`);
  for (const [group, bytes] of [...report.groups].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`  ${kb(bytes).padStart(10)}  ${group}`);
}
