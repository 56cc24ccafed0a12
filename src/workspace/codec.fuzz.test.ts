import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSettings, fuzzTimeout } from '../core/fuzzSettings.testkit';
import { decodeWorkspace, encodeWorkspace } from './codec';

// Shapes close to a real workspace, with every field possibly wrong: the likeliest damage.
const nearlyWorkspace = fc.record(
  {
    version: fc.oneof(fc.constantFrom(1, 2, 3, 0, -1, 1.5), fc.anything()),
    files: fc.oneof(
      fc.array(
        fc.record(
          { name: fc.oneof(fc.string({ maxLength: 30 }), fc.anything()), text: fc.oneof(fc.string(), fc.anything()) },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.anything(),
    ),
    activeFile: fc.anything(),
    view: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
    trace: fc.anything(),
    theme: fc.anything(),
    __proto__: fc.anything(),
  },
  { requiredKeys: [] },
);

const input = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.json(),
  nearlyWorkspace,
  nearlyWorkspace.map((value) => JSON.stringify(value) ?? ''),
);

describe('the workspace codec on any input (property)', () => {
  it(
    'never throws; what it accepts encodes and decodes to itself, with unique file names',
    () => {
      fc.assert(
        fc.property(input, (value) => {
          const result = decodeWorkspace(value);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            return;
          }
          const names = result.workspace.files.map((f) => f.name);
          expect(new Set(names).size).toBe(names.length);
          const again = decodeWorkspace(encodeWorkspace(result.workspace));
          expect(again.ok && again.workspace).toEqual(result.workspace);
        }),
        fuzzSettings(500),
      );
    },
    fuzzTimeout(500, 20),
  );
});
