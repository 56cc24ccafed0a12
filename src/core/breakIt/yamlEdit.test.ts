import { describe, expect, it } from 'vitest';
import type { Node } from 'yaml';
import { applyEdit, documentsOf, removeItem } from './yamlEdit';

function remove(text: string, path: string[], key: string, index: number, doc = 0): string {
  const parsed = documentsOf(text)[doc]!;
  const parent = parsed.getIn(path, true) as Node;
  const edit = removeItem(text, parent, key, index);
  expect(edit).toBeDefined();
  return applyEdit(text, edit!);
}

describe('removeItem', () => {
  it.each([
    ['a block sequence item', 'x:\n  - a # one\n  - b\ny: 1\n', 0, 'x:\n  - b\ny: 1\n'],
    ['the last item, leaving []', 'x:\n  - a\ny: 1\n', 0, 'x: []\ny: 1\n'],
    ['a flow sequence item', 'x: [a, b]\ny: 1\n', 1, 'x: [a]\ny: 1\n'],
    ['the first flow item', 'x: [a, b]\n', 0, 'x: [b]\n'],
    ['a flow map item', 'x: { a: 1, b: 2 }\n', 0, 'x: { b: 2 }\n'],
    ['the only flow item', 'x: [a]\ny: 1\n', 0, 'x: []\ny: 1\n'],
    ['a map item', 'x:\n  a: 1\n  b: 2\n', 1, 'x:\n  a: 1\n'],
    ['the only map item, leaving {}', 'x:\n  a: 1\n', 0, 'x: {}\n'],
  ])('%s', (_, text, index, expected) => {
    expect(remove(text, [], 'x', index)).toBe(expected);
  });

  it('edits the document asked for and leaves the others alone', () => {
    const text = 'a: 1\n---\nx:\n  - a\n  - b # keep\n---\nz: 3\n';
    expect(remove(text, [], 'x', 0, 1)).toBe('a: 1\n---\nx:\n  - b # keep\n---\nz: 3\n');
  });

  it('removes a multi-line item whole', () => {
    const text = 'rules:\n- host: a\n  http: {}\n- host: b\n  http: {}\ntls: []\n';
    expect(remove(text, [], 'rules', 0)).toBe('rules:\n- host: b\n  http: {}\ntls: []\n');
  });
});
