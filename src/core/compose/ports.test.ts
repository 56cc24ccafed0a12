import { describe, expect, it } from 'vitest';
import table from './fixtures/compose_ports.json';
import { parseExposeEntry, parsePortEntry, type ParsedPort } from './ports';

/** The reference's shape: `{hostIp, published: "8080" | "8000-9000" | null, target, protocol, mode, name?, app_protocol?}`. */
type Expected = {
  hostIp: string | null;
  published: string | number | null;
  target: number;
  protocol: string;
  mode: string;
  name?: string;
  app_protocol?: string;
};
type Row = { input: unknown; expected?: Expected[] | string; error?: string; source?: string };

function asReference(port: ParsedPort): Expected {
  const published =
    port.published === undefined
      ? null
      : port.publishedEnd !== undefined
        ? `${port.published}-${port.publishedEnd}`
        : String(port.published);
  return {
    hostIp: port.hostIp ?? null,
    published,
    target: port.target,
    protocol: port.protocol.toLowerCase(),
    mode: port.mode,
    ...(port.name !== undefined ? { name: port.name } : {}),
    ...(port.appProtocol !== undefined ? { app_protocol: port.appProtocol } : {}),
  };
}

function parseAll(input: unknown): Expected[] | { error: string } {
  const items = Array.isArray(input) ? input : [input];
  const out: Expected[] = [];
  for (const item of items) {
    const parsed = parsePortEntry(item);
    if ('error' in parsed) return parsed;
    out.push(...parsed.ports.map(asReference));
  }
  return out;
}

const rows: Row[] = [...table.specShortSyntaxRows, ...table.specLongSyntaxRows, ...table.implementationTestRows];

describe('compose_ports.json: every row', () => {
  it.each(rows.map((row) => [JSON.stringify(row.input), row] as const))('%s', (_name, row) => {
    const result = parseAll(row.input);
    if (row.error !== undefined) {
      expect(result).toHaveProperty('error');
      return;
    }
    if (typeof row.expected === 'string') {
      // "interpolate first, then parse": the raw `${HOST_IP}:…` string is not a port.
      expect(result).toHaveProperty('error');
      return;
    }
    // The long syntax keeps a number `published` as given; compare as strings, as the loader does.
    const expected = row.expected!.map((e) => ({ ...e, published: e.published === null ? null : String(e.published) }));
    expect(result).toEqual(expected);
  });
});

describe('parseExposeEntry', () => {
  it.each([
    ['3000', [{ port: 3000, protocol: 'TCP' }]],
    [8080, [{ port: 8080, protocol: 'TCP' }]],
    ['53/udp', [{ port: 53, protocol: 'UDP' }]],
    [
      '9091-9092',
      [
        { port: 9091, protocol: 'TCP' },
        { port: 9092, protocol: 'TCP' },
      ],
    ],
  ])('%s', (input, expected) => {
    expect(parseExposeEntry(input)).toEqual({ ports: expected });
  });
  it.each(['abc', '70000', '80/xyz'])('rejects %s', (input) => {
    expect(parseExposeEntry(input)).toHaveProperty('error');
  });
});
