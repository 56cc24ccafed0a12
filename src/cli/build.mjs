// `npm run build:cli`: the command line as plain JavaScript in dist-cli/, so no TypeScript is
// compiled at start-up. ES modules with code splitting: what only `render` needs (ELK's 1.4 MB,
// the renderers) and each Kubernetes version's schemas sit in chunks of their own, loaded when
// used, so `check` and `trace` compile a quarter of the code.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../../dist-cli/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { portolan: new URL('./bin.ts', import.meta.url).pathname },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // resvg is a native module: it stays a package, loaded only for a PNG.
  external: ['@resvg/resvg-js'],
  // Bundled CommonJS packages (yaml) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as portolanRequire } from 'node:module'; const require = portolanRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
