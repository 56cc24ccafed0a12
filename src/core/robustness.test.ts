import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { suggestTraceUrls, traceRequest } from './trace';

/**
 * Pasted text is untrusted and often half-typed: whatever it is, analysis returns diagnostics
 * and never throws. These tests damage real manifests the ways typing does and check that
 * analyze → trace stay on their feet.
 */

const FIXTURES = new URL('./kubernetes/fixtures/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(new URL(name, FIXTURES), 'utf8') }));

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const DAMAGE: ((lines: string[], pick: () => number) => string[])[] = [
  // delete a line (a half-finished edit)
  (lines, pick) => lines.filter((_, i) => i !== Math.floor(pick() * lines.length)),
  // cut the file short mid-line (typing in progress)
  (lines, pick) => {
    const text = lines.join('\n');
    return text.slice(0, Math.floor(pick() * text.length)).split('\n');
  },
  // replace a value with something of the wrong type
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    const odd = ['[]', '{}', 'null', '-1', '99999999999', '"x"', '~', 'true', '*alias', '&anchor'];
    return lines.map((line, j) =>
      j === i ? line.replace(/:\s.*$/, `: ${odd[Math.floor(pick() * odd.length)]}`) : line,
    );
  },
  // shift a line's indentation
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    return lines.map((line, j) => (j === i ? (pick() < 0.5 ? `  ${line}` : line.trimStart()) : line));
  },
  // duplicate a block of lines
  (lines, pick) => {
    const i = Math.floor(pick() * lines.length);
    return [...lines.slice(0, i), ...lines.slice(i, i + 5), ...lines.slice(i)];
  },
];

describe('analysis of damaged manifests', () => {
  it('never throws, and every diagnostic has a file, a line and a column', () => {
    const pick = random(20261126);
    let runs = 0;
    for (const fixture of fixtures) {
      for (let round = 0; round < 12; round++) {
        let lines = fixture.text.split('\n');
        const edits = 1 + Math.floor(pick() * 3);
        for (let e = 0; e < edits; e++) lines = DAMAGE[Math.floor(pick() * DAMAGE.length)]!(lines, pick);
        const file = { name: fixture.name, text: lines.join('\n') };
        const analysis = analyze([file], { nodes: 1 + Math.floor(pick() * 5) });
        for (const d of analysis.diagnostics) {
          expect(d.file).toBe(fixture.name);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(10);
        }
        for (const suggestion of suggestTraceUrls(analysis.topology).slice(0, 3)) {
          const trace = traceRequest(analysis.topology, {
            url: suggestion.url,
            ...(suggestion.from ? { from: suggestion.from } : {}),
          });
          expect(trace.hops.length).toBeGreaterThan(0);
        }
        runs++;
      }
    }
    expect(runs).toBe(fixtures.length * 12);
    // Hundreds of analyses: generous, as other work may share the machine.
  }, 30_000);

  it('traces nonsense URLs to a failure, not an exception', () => {
    const { topology } = analyze(fixtures.filter((f) => f.name.startsWith('seed__')));
    for (const url of ['', ' ', 'http://', '://x', 'https://[::1', 'http://a:99999/', 'ftp://x/y', 'x'.repeat(5000)]) {
      const trace = traceRequest(topology, { url });
      expect(trace.ok).toBe(false);
      expect(trace.failure?.message).toBeTruthy();
    }
  });
});
