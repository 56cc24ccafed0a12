import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, SHARE_FRAGMENT_PREFIX } from './shareLink';
import { DEFAULT_VIEW, type Workspace } from './workspace';

const workspace: Workspace = {
  files: [
    { name: 'deployment.yaml', text: 'kind: Deployment # ünïcödé ✓ 🚀\n' },
    { name: 'service.yaml', text: 'kind: Service\n'.repeat(50) },
  ],
  activeFile: 'service.yaml',
  view: {
    ...DEFAULT_VIEW,
    theme: 'dark',
    nodeCount: 4,
    viewMode: 'application',
    showConfig: true,
    expandedStacks: ['stack:a'],
  },
  trace: { url: 'https://api.example.com/v1', from: '', step: 2 },
  viewport: { x: 10, y: -20.5, zoom: 0.75 },
};

const pack = (json: string) =>
  SHARE_FRAGMENT_PREFIX +
  btoa(String.fromCharCode(...deflateSync(strToU8(json))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('share link fragments', () => {
  it('round-trips a workspace exactly, in URL-safe characters', () => {
    const fragment = encodeShareFragment(workspace);
    expect(fragment).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    const result = decodeShareFragment(fragment);
    expect(result.ok && result.workspace).toEqual(workspace);
    expect(result.problems).toEqual([]);
    // Compressed: fifty repeated lines cost almost nothing.
    expect(fragment.length).toBeLessThan(JSON.stringify(workspace).length);
  });

  it('opens a link packed by an older app (v1 and v2 JSON inside)', () => {
    const v1 = pack(JSON.stringify({ version: 1, files: [{ name: 'a.yaml', text: 'x' }], theme: 'dark' }));
    const one = decodeShareFragment(v1);
    expect(one.ok && one.workspace.view.theme).toBe('dark');
    expect(one.ok && one.fromVersion).toBe(1);
    const v2 = pack(JSON.stringify({ version: 2, files: [], trace: { url: 'http://a/', from: 'web' } }));
    const two = decodeShareFragment(v2);
    expect(two.ok && two.workspace.trace).toEqual({ url: 'http://a/', from: 'web', step: 0 });
  });

  const bomb = SHARE_FRAGMENT_PREFIX + pack('{"version":3,"files":[],"x":"' + 'a'.repeat(6_000_000) + '"}').slice(3);

  it.each([
    ['an empty fragment', ''],
    ['a foreign fragment', 'section-2'],
    ['only the prefix', 's1.'],
    ['characters no link has', 's1.abc$%^<script>'],
    ['a cut-off link', encodeShareFragment(workspace).slice(0, 40)],
    ['random base64', 's1.' + 'QUJD'.repeat(30)],
    ['a bad length', 's1.AAAAA'],
    ['valid deflate of garbage', pack('not json at all')],
    ['valid deflate of an array', pack('[1,2,3]')],
    ['a newer version', pack('{"version":99,"files":[]}')],
    ['a huge fragment', 's1.' + 'A'.repeat(300_000)],
    ['a zip bomb', bomb],
    ['deep nesting', pack('['.repeat(50_000) + ']'.repeat(50_000))],
  ])('refuses %s with a message, never an exception', (_name, fragment) => {
    const result = decodeShareFragment(fragment);
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.fatal && p.message.length > 10)).toBe(true);
  });

  it('keeps hostile values inside a valid link harmless', () => {
    const text = JSON.stringify({
      version: 3,
      files: [{ name: '<img src=x onerror=alert(1)>', text: '</script>' }],
      __proto__: { polluted: true },
      trace: { url: 'javascript:alert(1)', from: '', step: 5 },
      viewport: { x: 'a', y: 0, zoom: 1 },
    });
    const result = decodeShareFragment(pack(text));
    expect(result.ok).toBe(true);
    expect(result.ok && result.workspace.files[0]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(result.ok && result.workspace.viewport).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
