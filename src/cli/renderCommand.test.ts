import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main';
import { formatOf } from './renderCommand';

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

  it('picks the format by the extension of -o: .png at 2x, .html self-contained, .mmd Mermaid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-render-'));
    const svg = (await cli('render', ...SEED)).out;
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const png = join(dir, 'cluster.png');
    const wrote = await cli('render', ...SEED, '-o', png);
    expect(wrote.code).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2 * Number(width), 2 * Number(height)]);
    expect(wrote.err).toContain(`${2 * Number(width)}×${2 * Number(height)} px`);

    const html = join(dir, 'post.html');
    expect((await cli('render', ...SEED, '-o', html, '--trace', 'https://api.hwangbogyumin.com/')).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).not.toMatch(/<script|src="|href="http/);

    const mmd = join(dir, 'cluster.mmd');
    expect((await cli('render', ...SEED, '-o', mmd)).code).toBe(0);
    expect(readFileSync(mmd, 'utf8')).toMatch(/^flowchart LR\n[\s\S]*golang-backend-api-service/);
  });

  it.each([
    ['a.svg', 'svg'],
    ['a.PNG', 'png'],
    ['dir.v2/a.htm', 'html'],
    ['a.mermaid', 'mmd'],
    ['a.jpg', undefined],
    ['svg', undefined],
  ])('formatOf(%j) is %j', (file, format) => {
    expect(formatOf(file)).toBe(format);
  });

  it('takes the analyze options of the other commands: --profile, --var, --kube-version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-render-'));
    const file = join(dir, 'compose.yaml');
    writeFileSync(
      file,
      'services:\n  web:\n    image: "nginx:${TAG}"\n  tools:\n    image: busybox\n    profiles: [debug]\n',
    );
    const plain = await cli('render', file, '-o', join(dir, 'a.mmd'));
    expect(plain.code).toBe(0);
    const without = readFileSync(join(dir, 'a.mmd'), 'utf8');
    expect(without).not.toContain('tools');
    expect((await cli('render', file, '-o', join(dir, 'b.mmd'), '--profile', 'debug', '--var', 'TAG=1.27')).code).toBe(
      0,
    );
    const withProfile = readFileSync(join(dir, 'b.mmd'), 'utf8');
    expect(withProfile).toContain('tools');
    expect(withProfile).toContain('nginx:1.27');
    expect((await cli('render', ...SEED, '--kube-version', '1.30')).code).toBe(0);
    expect((await cli('render', ...SEED, '--kube-version', '0.9')).code).toBe(2);
    expect((await cli('render', file, '--var', 'nope')).code).toBe(2);
  });

  it.each([
    [['--theme', 'pink']],
    [['-o', 'x.jpg']],
    [['--from', 'web']],
    [['--trace', '']],
    [['-o']],
    [['--nodes', '0']],
  ])('exits 2 on a usage error: %j', async (extra) => {
    const { code, out } = await cli('render', ...SEED, ...extra);
    expect(code).toBe(2);
    expect(out).toBe('');
  });
});
