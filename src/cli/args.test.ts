import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, escapeControls, OPTIONS } from './args';
import { run } from './main';

const dir = mkdtempSync(join(tmpdir(), 'portolan-cli-'));
const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: x\n  ports:\n    - port: 80\n`;
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const a = write('a.yaml', service('a'));
const b = write('b.yaml', service('b'));
const utf16 = write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(service('wide'), 'utf16le')]));
const latin1 = write('latin1.yaml', Buffer.from(`# caf\u00e9\n${service('old')}`, 'latin1'));
const binary = write(
  'image.png',
  Uint8Array.from({ length: 512 }, (_, i) => (i * 31) % 256),
);
const hostile = write('hostile.yaml', service('x').replace('app: x', 'app: "\\e]0;pwned\\a\\e[2J"'));

async function cli(argv: string[], stdin?: string) {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (text) => (out += text),
    (text) => (err += text),
    () => new TextEncoder().encode(stdin ?? ''),
  );
  return { code, out, err };
}

describe('portolan reads its command line strictly', () => {
  it.each([
    ['an unknown flag names it and does not swallow the next file', ['check', '--verbose', a, b], 2, '--verbose'],
    ['an unknown flag with =value', ['check', '--colour=always', a], 2, 'unknown option "--colour"'],
    ['an unknown short flag', ['graph', '-v', a], 2, 'unknown option "-v"'],
    ['an option of another command', ['check', '--url', 'http://x/', a], 2, '--url is not an option of check'],
    ['an option without its value', ['trace', a, '--url'], 2, '--url needs a value'],
    ['an option followed by another option', ['trace', a, '--url', '--from', 'web'], 2, '--url needs a value'],
    ['an unknown command', ['draw', a], 2, 'unknown command "draw"'],
    ['no file', ['check'], 2, 'needs at least one FILE'],
    ['a directory', ['check', dir], 2, `${dir} is a directory`],
    ['a missing file', ['check', join(dir, 'nope.yaml')], 2, `cannot read ${join(dir, 'nope.yaml')}: no such file`],
    ['a binary file', ['check', binary], 2, `${binary} is not a text file`],
    ['stdin twice', ['check', '-', '-'], 2, 'can be given once'],
    ['--nodes out of range', ['graph', a, '--nodes', '99'], 2, '--nodes takes a whole number'],
  ])('%s: exit %s', async (_, argv, code, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
  });

  it('checks every file when no flag is unknown', async () => {
    const result = await cli(['check', a, b]);
    expect(result.code).toBe(0);
    const files = new Set((JSON.parse(result.out) as { file: string }[]).map((d) => d.file));
    expect(files).toEqual(new Set([a, b]));
  });

  it('reads - from standard input, named <stdin>', async () => {
    const result = await cli(['graph', '-'], service('piped'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('"piped"');
  });

  it.each([
    ['UTF-16', utf16, 'wide', 'is UTF-16LE, not UTF-8'],
    ['Latin-1', latin1, 'old', 'is Latin-1, not UTF-8'],
  ])('reads a %s file as what it is, and says so', async (_, path, name, note) => {
    const result = await cli(['graph', path]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`"${name}"`);
    expect(result.err).toContain(`${path} ${note}`);
  });

  it.each(COMMANDS)('%s --help lists its options and exits 0', async (command) => {
    const result = await cli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`usage: portolan ${command} FILE...`);
    for (const [name, spec] of Object.entries(OPTIONS)) {
      if (!spec.commands.includes(command) || name === 'output') continue;
      expect(result.out).toContain(`--${name}`);
    }
  });

  it('--help alone lists the commands', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.out).toContain(command);
  });

  it('never lets control characters of a file reach the terminal', async () => {
    const result = await cli(['trace', hostile, '--url', 'http://x/', '--from', 'web\u001b[2J']);
    // eslint-disable-next-line no-control-regex
    expect(result.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(result.out || '{}')).toBeTruthy();
  });
});

describe('escapeControls', () => {
  it.each([
    ['plain text', 'web-1 → 8080', 'web-1 → 8080'],
    ['newlines and tabs are kept', 'a\n\tb', 'a\n\tb'],
    ['ESC', 'a\u001b[2Jb', 'a\\u001b[2Jb'],
    ['BEL and NUL', '\u0007\u0000', '\\u0007\\u0000'],
    ['carriage return', 'ok\rno', 'ok\\u000dno'],
    ['C1 CSI', '\u009b31m', '\\u009b31m'],
    ['DEL', '\u007f', '\\u007f'],
    ['bidi override', 'a\u202eb', 'a\\u202eb'],
  ])('%s', (_, input, output) => {
    expect(escapeControls(input)).toBe(output);
  });
});
