// The CLI contract for Compose: containers take the place of pods, with the host as their parent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './main';

const fixture = (name: string) => fileURLToPath(new URL(`../core/compose/fixtures/${name}`, import.meta.url));
const goBackend = fixture('seed__golang-backend__docker-compose.yaml');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(
    args,
    (text) => (out += text),
    (text) => (err += text),
  );
  return { code, err, json: out ? JSON.parse(out) : undefined };
}

describe('portolan on Compose files', () => {
  it('graph: host, networks and containers whose parent is the host; dependency edges', async () => {
    const { code, json } = await cli(['graph', goBackend]);
    expect(code).toBe(0);
    expect(json.kind).toBe('compose');
    expect(json.objects).toEqual(
      expect.arrayContaining([
        {
          id: 'compose:host',
          kind: 'Host',
          name: 'host',
          ports: [
            { port: 5432, protocol: 'TCP' },
            { port: 8080, protocol: 'TCP' },
          ],
        },
        { id: 'compose:network/default', kind: 'Network', name: 'default', parent: 'compose:host' },
        {
          id: 'compose:container/api',
          kind: 'Container',
          name: 'api',
          parent: 'compose:host',
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ]),
    );
    expect(json.edges).toEqual(
      expect.arrayContaining([
        { from: 'compose:container/api', to: 'compose:container/postgres', kind: 'depends-on' },
        { from: 'compose:container/api', to: 'compose:container/postgres', kind: 'talks-to' },
        { from: 'compose:internet', to: 'compose:host', kind: 'routes' },
      ]),
    );
  });

  it('trace: http://localhost:8080/ ends at the api container on 8080', async () => {
    const { code, json } = await cli(['trace', goBackend, '--url', 'http://localhost:8080/']);
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.hops.map((h: { kind: string }) => h.kind)).toEqual(['client', 'host', 'network', 'container']);
    expect(json.hops[3]).toMatchObject({ kind: 'container', name: 'api', port: 8080 });
    expect(json.hops[1].detail).toBe('0.0.0.0:8080 → api:8080 (published)');
  });

  it('trace --from: a service reaches another by name', async () => {
    const { json } = await cli(['trace', goBackend, '--from', 'api', '--url', 'postgres://postgres']);
    expect(json).toMatchObject({
      ok: true,
      hops: [
        { kind: 'client', name: 'api' },
        { kind: 'network', name: 'default' },
        { kind: 'container', name: 'postgres', port: 5432 },
      ],
    });
  });

  it('check: a port clash is an error at its line (exit 1); --var and .env files feed interpolation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-compose-'));
    const file = join(dir, 'compose.yaml');
    writeFileSync(
      file,
      'services:\n  a:\n    image: x\n    ports: ["${P}:80"]\n  b:\n    image: y\n    ports: ["8080:80"]\n',
    );
    const clash = await cli(['check', file, '--var', 'P=8080']);
    expect(clash.code).toBe(1);
    expect(clash.json).toEqual([
      expect.objectContaining({ severity: 'error', code: 'COMPOSE-PORT-CLASH', file, line: 7, column: 13 }),
    ]);
    writeFileSync(join(dir, '.env'), 'P=9090\n');
    expect(await cli(['check', file, join(dir, '.env')])).toMatchObject({ code: 0, json: [] });
    expect((await cli(['check', file, '--var', 'nope'])).code).toBe(2);
  });

  it('--profile activates services behind a profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portolan-compose-'));
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, 'services:\n  a:\n    image: x\n  tools:\n    image: y\n    profiles: [debug]\n');
    const names = async (args: string[]) =>
      (await cli(['graph', file, ...args])).json.objects.map((o: { name: string }) => o.name);
    expect(await names([])).not.toContain('tools');
    expect(await names(['--profile', 'debug'])).toContain('tools');
  });
});
