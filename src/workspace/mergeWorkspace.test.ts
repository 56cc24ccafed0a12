import { describe, expect, it } from 'vitest';
import { mergeFiles } from './mergeWorkspace';

describe('mergeFiles', () => {
  it.each([
    ['into an empty workspace', [], [{ name: 'a.yaml', text: '1' }], ['a.yaml'], ['a.yaml'], 'a.yaml'],
    [
      'a taken name gets a fresh one; local text is kept',
      [{ name: 'a.yaml', text: 'mine' }],
      [{ name: 'a.yaml', text: 'theirs' }],
      ['a.yaml', 'a-2.yaml'],
      ['a-2.yaml'],
      'a-2.yaml',
    ],
    [
      'an identical file is not added twice',
      [{ name: 'a.yaml', text: 'same' }],
      [
        { name: 'a.yaml', text: 'same' },
        { name: 'b.yaml', text: 'new' },
      ],
      ['a.yaml', 'b.yaml'],
      ['b.yaml'],
      'b.yaml',
    ],
    [
      'nothing new: the local tab stays active',
      [{ name: 'a.yaml', text: 'x' }],
      [{ name: 'a.yaml', text: 'x' }],
      ['a.yaml'],
      [],
      'a.yaml',
    ],
  ])('%s', (_name, current, incoming, names, added, active) => {
    const merged = mergeFiles(current, incoming, current[0]?.name ?? '');
    expect(merged.files.map((f) => f.name)).toEqual(names);
    expect(merged.added).toEqual(added);
    expect(merged.activeFile).toBe(active);
    expect(merged.files[0]?.text).toBe(current[0]?.text ?? incoming[0]?.text);
  });
});
