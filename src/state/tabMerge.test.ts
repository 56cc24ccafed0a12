import { describe, expect, it } from 'vitest';
import { mergeTabFiles } from './tabMerge';

const f = (name: string, text: string) => ({ name, text });

describe('mergeTabFiles', () => {
  it.each([
    ['nobody changed anything', [f('a', '1')], [f('a', '1')], [f('a', '1')], [f('a', '1')], []],
    ['they edited a file we did not touch', [f('a', '1')], [f('a', '1')], [f('a', '2')], [f('a', '2')], []],
    ['we edited a file they did not touch', [f('a', '1')], [f('a', '9')], [f('a', '1')], [f('a', '9')], []],
    [
      'each edited a different file',
      [f('a', '1'), f('b', '1')],
      [f('a', 'ours'), f('b', '1')],
      [f('a', '1'), f('b', 'theirs')],
      [f('a', 'ours'), f('b', 'theirs')],
      [],
    ],
    ['both made the same edit', [f('a', '1')], [f('a', '2')], [f('a', '2')], [f('a', '2')], []],
    [
      'both edited the same file differently: ours kept, theirs beside it',
      [f('a.yaml', '1')],
      [f('a.yaml', 'ours')],
      [f('a.yaml', 'theirs')],
      [f('a.yaml', 'ours'), f('a-2.yaml', 'theirs')],
      [{ file: 'a.yaml', keptAs: 'a-2.yaml', moved: 'theirs' }],
    ],
    [
      'both edited the same file differently, theirs sorting first: theirs keeps the name, ours beside it',
      [f('a.yaml', '1')],
      [f('a.yaml', 'zz ours')],
      [f('a.yaml', 'aa theirs')],
      [f('a.yaml', 'aa theirs'), f('a-2.yaml', 'zz ours')],
      [{ file: 'a.yaml', keptAs: 'a-2.yaml', moved: 'ours' }],
    ],
    [
      'they opened a file',
      [f('a', '1')],
      [f('a', '1')],
      [f('a', '1'), f('b', 'new')],
      [f('a', '1'), f('b', 'new')],
      [],
    ],
    [
      'they closed a file we did not touch',
      [f('a', '1'), f('b', '1')],
      [f('a', '1'), f('b', '1')],
      [f('a', '1')],
      [f('a', '1')],
      [],
    ],
    [
      'they closed a file we edited: our edit stays',
      [f('a', '1'), f('b', '1')],
      [f('a', '1'), f('b', '2')],
      [f('a', '1')],
      [f('a', '1'), f('b', '2')],
      [],
    ],
    [
      'we closed a file they did not open anew',
      [f('a', '1'), f('b', '1')],
      [f('a', '1')],
      [f('a', '1'), f('b', '1')],
      [f('a', '1')],
      [],
    ],
  ])('%s', (_, base, ours, theirs, files, conflicts) => {
    expect(mergeTabFiles(base, ours, theirs)).toEqual({ files, conflicts });
  });

  it('an older text of ours coming back from the other tab is no conflict', () => {
    const written = new Map([['a', new Set(['ours-1'])]]);
    expect(mergeTabFiles([f('a', '0')], [f('a', 'ours-2')], [f('a', 'ours-1')], written)).toEqual({
      files: [f('a', 'ours-2')],
      conflicts: [],
    });
  });
});
