import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv';
import { interpolateString, interpolateValue } from './interpolate';

const vars = new Map([
  ['PORT', '8080'],
  ['EMPTY', ''],
  ['HOST', 'db'],
]);

describe('interpolateString', () => {
  it.each([
    ['${PORT}:80', '8080:80', []],
    ['$PORT', '8080', []],
    ['${MISSING:-3000}', '3000', []],
    ['${EMPTY:-3000}', '3000', []],
    ['${EMPTY-3000}', '', []],
    ['${MISSING-3000}', '3000', []],
    ['${PORT:?need a port}', '8080', []],
    ['$$HOME', '$HOME', []],
    ['$${PORT}', '${PORT}', []],
    ['${PORT:+on}', 'on', []],
    ['${MISSING:+on}', '', []],
    ['${MISSING:-${HOST}}', 'db', []],
    ['${MISSING}', '', [{ kind: 'unset', name: 'MISSING' }]],
    ['$MISSING/x', '/x', [{ kind: 'unset', name: 'MISSING' }]],
    ['${MISSING:?set MISSING}', '', [{ kind: 'required', name: 'MISSING', message: 'set MISSING' }]],
    ['${EMPTY?must exist}', '', []],
    ['${MISSING?must exist}', '', [{ kind: 'required', name: 'MISSING', message: 'must exist' }]],
    ['${', '${', [{ kind: 'syntax', text: '${' }]],
    ['cost $ 5', 'cost $ 5', []],
  ])('%s', (input, value, problems) => {
    expect(interpolateString(input, vars)).toEqual({ value, problems });
  });
});

describe('interpolateValue', () => {
  it('walks mappings and lists, reports paths, leaves x- fields alone', () => {
    const seen: unknown[] = [];
    const out = interpolateValue(
      { services: { web: { ports: ['${PORT}:80', '${NOPE}:81'] } }, 'x-raw': '${NOPE}' },
      vars,
      (path, problem) => seen.push([path, problem]),
    );
    expect(out).toEqual({ services: { web: { ports: ['8080:80', ':81'] } }, 'x-raw': '${NOPE}' });
    expect(seen).toEqual([[['services', 'web', 'ports', 1], { kind: 'unset', name: 'NOPE' }]]);
  });
});

describe('parseDotenv', () => {
  it('reads Compose .env syntax', () => {
    const env = parseDotenv(
      ['# comment', 'A=1', 'export B=two', "C='lit $X'", 'D="a\\nb"', 'E=plain # trailing', 'F=', ' G = spaced '].join(
        '\n',
      ),
    );
    expect(Object.fromEntries(env)).toEqual({
      A: '1',
      B: 'two',
      C: 'lit $X',
      D: 'a\nb',
      E: 'plain',
      F: '',
      G: 'spaced',
    });
  });
});
