import { describe, expect, it } from 'vitest';
import { splitDocuments } from './splitDocuments';

describe('splitDocuments', () => {
  it('keeps a single document whole', () => {
    expect(splitDocuments('a: 1\nb: 2\n')).toEqual([{ text: 'a: 1\nb: 2\n', offset: 0, line: 0 }]);
  });

  it('splits at markers and keeps each marker with the document it opens', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3';
    expect(splitDocuments(text)).toEqual([
      { text: 'a: 1\n', offset: 0, line: 0 },
      { text: '---\nb: 2\n', offset: 5, line: 1 },
      { text: '--- # c\nc: 3', offset: 14, line: 3 },
    ]);
  });

  it('does not split at an indented marker or at ----', () => {
    expect(splitDocuments('a: |\n  ---\nb: ----\n----\n')).toHaveLength(1);
  });

  it('does not make an empty chunk for a leading marker', () => {
    expect(splitDocuments('---\na: 1\n')).toEqual([{ text: '---\na: 1\n', offset: 0, line: 0 }]);
  });
});
