import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main';

const FIXTURES = 'src/core/kubernetes/fixtures';
const SEED = ['deployment', 'service', 'ingress'].map((f) => `${FIXTURES}/seed__${f}.yaml`);

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (t) => (out += t),
    (t) => (err += t),
  );
  return { code, out, err };
}

describe('portolan render', () => {
  it('prints the SVG to stdout without -o, and the count of problems to stderr', async () => {
    const { code, out, err } = await cli('render', ...SEED);
    expect(code).toBe(0);
    expect(out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(out).toContain('golang-backend-api-service');
    expect(out).not.toContain('@keyframes');
    expect(err).toContain('1 warning');
  });

  it('writes an animated trace to the file given by -o', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portolan-render-')), 'trace.svg');
    const { code, out, err } = await cli(
      'render',
      ...SEED,
      '-o',
      file,
      '--trace',
      'https://api.hwangbogyumin.com/',
      '--theme',
      'dark',
    );
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`wrote ${file}`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/@keyframes pt-[0-9a-f]{8}-move/);
    expect(svg).toContain('Hop 6/6');
  });

  it('still draws a request that stops, and says why on stderr', async () => {
    const { code, out, err } = await cli('render', ...SEED, '--trace', 'https://nope.example/');
    expect(code).toBe(0);
    expect(out).toContain('404 Not Found');
    expect(err).toContain('the traced request stops: 404 Not Found');
  });

  it.each([[['--theme', 'pink']], [['--from', 'web']], [['--trace', '']], [['-o']], [['--nodes', '0']]])(
    'exits 2 on a usage error: %j',
    async (extra) => {
      const { code, out } = await cli('render', ...SEED, ...extra);
      expect(code).toBe(2);
      expect(out).toBe('');
    },
  );
});
