import { describe, expect, it } from 'vitest';
import { chooseStartMode, type StartModeKind } from './startMode';

const ALL: StartModeKind[] = ['workspace', 'link', 'embed', 'present'];

describe('chooseStartMode', () => {
  it.each([
    ['http://127.0.0.1:5173/', { kind: 'workspace' }],
    ['http://127.0.0.1:5173/?foo=1', { kind: 'workspace' }],
    ['http://127.0.0.1:5173/#', { kind: 'workspace' }],
    ['https://portolan.dev/#v2.abc', { kind: 'link', fragment: 'v2.abc' }],
    ['https://portolan.dev/?embed', { kind: 'embed' }],
    ['https://portolan.dev/?embed=1#v2.abc', { kind: 'embed', fragment: 'v2.abc' }],
    ['https://portolan.dev/?present#v2.abc', { kind: 'present', fragment: 'v2.abc' }],
    ['https://portolan.dev/?embed&present', { kind: 'embed' }],
    ['https://portolan.dev/?sample=guestbook', { kind: 'link' }],
    ['https://portolan.dev/?sample=', { kind: 'workspace' }],
    ['https://portolan.dev/?trace=http://a/', { kind: 'workspace' }],
    ['not a url', { kind: 'workspace' }],
    ['', { kind: 'workspace' }],
  ])('reads %s', (url, mode) => {
    expect(chooseStartMode(url, ALL)).toEqual(mode);
  });

  it('opens the workspace for a mode this build does not have', () => {
    for (const url of ['https://portolan.dev/#v2.abc', 'https://portolan.dev/?embed', 'https://portolan.dev/?present'])
      expect(chooseStartMode(url, ['workspace'])).toEqual({ kind: 'workspace' });
    expect(chooseStartMode('https://portolan.dev/#s1.abc')).toEqual({ kind: 'link', fragment: 's1.abc' });
    expect(chooseStartMode('https://portolan.dev/#v2.abc', ['workspace', 'embed'])).toEqual({ kind: 'workspace' });
  });

  it('starts a presentation for ?present', () => {
    expect(chooseStartMode('https://portolan.dev/?present&sample=go-backend-k8s')).toEqual({ kind: 'present' });
  });
});
