import { describe, expect, it } from 'vitest';
import { decodeWorkspace, encodeWorkspace } from './codec';
import { CURRENT_WORKSPACE_VERSION, DEFAULT_VIEW, MAX_EXPANDED_STACKS, MAX_FILES, type Workspace } from './workspace';

const workspace: Workspace = {
  files: [
    { name: 'deployment.yaml', text: 'kind: Deployment\n' },
    { name: 'service.yaml', text: 'kind: Service\n' },
  ],
  activeFile: 'service.yaml',
  view: {
    theme: 'dark',
    editorCollapsed: true,
    editorWidth: 0.5,
    nodeCount: 5,
    viewMode: 'application',
    showConfig: true,
    showImages: true,
    expandedStacks: ['stack:a'],
    collapsedGroups: ['ns:shop', 'node/node-2'],
    openedGroups: ['ns:shop-9'],
    controlPlane: 'expanded',
    kubeVersion: '1.32',
  },
  trace: { url: 'http://example.com/api', from: 'web', step: 3 },
  viewport: { x: -120.5, y: 40, zoom: 0.8 },
};

/** Today's localStorage shape, as every Portolan before v2 wrote it. */
const v1 = {
  version: 1,
  files: [{ name: 'mine.yaml', text: 'kind: Pod' }],
  activeFile: 'mine.yaml',
  theme: 'light',
  editorCollapsed: false,
  editorWidth: 0.3,
  nodeCount: 4,
  viewMode: 'application',
  showConfig: true,
  showImages: false,
  expandedStacks: ['stack:x'],
  controlPlane: 'hidden',
};

function decoded(input: unknown): Workspace {
  const result = decodeWorkspace(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.workspace;
}

const codes = (input: unknown) => decodeWorkspace(input).problems.map((p) => p.code);

describe('the workspace codec', () => {
  it('round-trips the current version', () => {
    const text = encodeWorkspace(workspace);
    expect(JSON.parse(text).version).toBe(CURRENT_WORKSPACE_VERSION);
    expect(decoded(text)).toEqual(workspace);
    const result = decodeWorkspace(text);
    expect(result.ok && result.problems).toEqual([]);
  });

  it.each([
    { name: 'a save from before the version selector', kubeVersion: undefined, problems: [] },
    { name: 'a version no longer offered', kubeVersion: '1.12', problems: ['WS-FIELD-IGNORED'] },
    { name: 'not a string', kubeVersion: 132, problems: ['WS-FIELD-IGNORED'] },
  ])('reads the Kubernetes version: $name → the default', ({ kubeVersion, problems }) => {
    const { kubeVersion: _v, ...view } = workspace.view;
    const input = { ...JSON.parse(encodeWorkspace(workspace)), view: { ...view, kubeVersion } };
    expect(decoded(input).view.kubeVersion).toBe(DEFAULT_VIEW.kubeVersion);
    expect(codes(input)).toEqual(problems);
  });

  it('round-trips a workspace without a trace, and without files', () => {
    const { trace: _trace, viewport: _viewport, ...local } = workspace;
    expect(decoded(encodeWorkspace(local))).toEqual(local);
    const empty: Workspace = { files: [], activeFile: '', view: { ...DEFAULT_VIEW, expandedStacks: [] } };
    expect(decoded(encodeWorkspace(empty))).toEqual(empty);
  });

  it('migrates v1 (the flat localStorage shape) to the current version', () => {
    const result = decodeWorkspace(JSON.stringify(v1));
    expect(result.ok && result.fromVersion).toBe(1);
    expect(decoded(JSON.stringify(v1))).toEqual({
      files: [{ name: 'mine.yaml', text: 'kind: Pod' }],
      activeFile: 'mine.yaml',
      view: {
        theme: 'light',
        editorCollapsed: false,
        editorWidth: 0.3,
        nodeCount: 4,
        viewMode: 'application',
        showConfig: true,
        showImages: false,
        expandedStacks: ['stack:x'],
        collapsedGroups: [],
        openedGroups: [],
        controlPlane: 'hidden',
        kubeVersion: DEFAULT_VIEW.kubeVersion,
      },
    });
  });

  it('fills what an old v1 save lacks with the defaults', () => {
    expect(decoded({ version: 1, files: [] })).toEqual({
      files: [],
      activeFile: '',
      view: { ...DEFAULT_VIEW, expandedStacks: [] },
    });
  });

  it('opens a save from before closed groups with every group as the view decides (no migration)', () => {
    const old = JSON.parse(encodeWorkspace(workspace));
    delete old.view.collapsedGroups;
    delete old.view.openedGroups;
    const view = decoded(old).view;
    expect([view.collapsedGroups, view.openedGroups]).toEqual([[], []]);
    expect(decoded(encodeWorkspace(workspace)).view.collapsedGroups).toEqual(['ns:shop', 'node/node-2']);
    const broken = { ...old, view: { ...old.view, collapsedGroups: 'ns:shop', openedGroups: [1, 'ns:a', 'ns:a'] } };
    expect(decoded(broken).view.collapsedGroups).toEqual([]);
    expect(decoded(broken).view.openedGroups).toEqual(['ns:a']);
    expect(codes(broken)).toContain('WS-FIELD-IGNORED');
  });

  it('accepts a parsed value as well as text', () => {
    expect(decoded(v1)).toEqual(decoded(JSON.stringify(v1)));
  });

  it.each([
    ['not JSON', '{not json', 'WS-NOT-JSON'],
    ['empty text', '', 'WS-NOT-JSON'],
    ['null', 'null', 'WS-NOT-OBJECT'],
    ['an array', '[1,2]', 'WS-NOT-OBJECT'],
    ['a number', 42, 'WS-NOT-OBJECT'],
    ['undefined', undefined, 'WS-NOT-OBJECT'],
    ['no version', '{"files":[]}', 'WS-VERSION-UNKNOWN'],
    ['a string version', '{"version":"1","files":[]}', 'WS-VERSION-UNKNOWN'],
    ['a fractional version', '{"version":1.5,"files":[]}', 'WS-VERSION-UNKNOWN'],
    ['version 0', '{"version":0,"files":[]}', 'WS-VERSION-UNKNOWN'],
    ['a newer version', '{"version":7,"files":[]}', 'WS-VERSION-NEWER'],
    ['no files', '{"version":2}', 'WS-FILES-MISSING'],
    ['files as an object', '{"version":2,"files":{"0":{"name":"a","text":""}}}', 'WS-FILES-MISSING'],
  ])('refuses %s with a problem, never an exception', (_name, input, code) => {
    const result = decodeWorkspace(input);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual([code]);
    expect(result.problems.every((p) => p.fatal && p.message.length > 0)).toBe(true);
  });

  it('drops files of the wrong shape and keeps the rest', () => {
    const input = {
      version: 1,
      files: [{ name: 'a.yaml', text: 'x' }, { name: 3 }, null, 'b.yaml', [1], { name: 'c' }],
    };
    expect(decoded(input).files).toEqual([{ name: 'a.yaml', text: 'x' }]);
    expect(codes(input)).toEqual(Array(5).fill('WS-FILE-DROPPED'));
  });

  it('makes duplicate and empty file names unique', () => {
    const input = {
      version: 2,
      files: [
        { name: 'a.yaml', text: '1' },
        { name: 'a.yaml', text: '2' },
        { name: 'a.yaml', text: '3' },
        { name: '  ', text: '4' },
        { name: 'a-2.yaml', text: '5' },
      ],
      activeFile: 'a.yaml',
    };
    const result = decoded(input);
    expect(result.files.map((f) => f.name)).toEqual(['a.yaml', 'a-2.yaml', 'a-3.yaml', 'untitled.yaml', 'a-2-2.yaml']);
    expect(result.files.map((f) => f.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(result.activeFile).toBe('a.yaml');
    expect(codes(input).filter((c) => c === 'WS-FILE-RENAMED')).toHaveLength(4);
  });

  it('falls back to the first file when the active one is missing or odd', () => {
    for (const activeFile of ['gone.yaml', 3, null, undefined, { name: 'a.yaml' }])
      expect(decoded({ version: 2, files: [{ name: 'a.yaml', text: '' }], activeFile }).activeFile).toBe('a.yaml');
  });

  it('keeps the defaults for view settings of the wrong type or value, and clamps numbers', () => {
    const input = {
      version: 1,
      files: [],
      theme: 'purple',
      editorCollapsed: 'yes',
      editorWidth: 99,
      nodeCount: -5,
      viewMode: { a: 1 },
      showConfig: 1,
      showImages: null,
      expandedStacks: 'stack:a',
      controlPlane: '__proto__',
    };
    const view = decoded(input).view;
    expect(view).toEqual({ ...DEFAULT_VIEW, editorWidth: 0.75, nodeCount: 1, expandedStacks: [] });
    expect(codes(input).filter((c) => c === 'WS-FIELD-IGNORED')).toHaveLength(7);
    expect(decoded({ version: 2, files: [], view: 'dark' }).view).toEqual({ ...DEFAULT_VIEW, expandedStacks: [] });
    expect(decoded({ version: 2, files: [], view: { nodeCount: 7.6 } }).view.nodeCount).toBe(8);
  });

  it('bounds huge arrays: files and opened stacks', () => {
    const files = Array.from({ length: MAX_FILES + 50 }, (_, i) => ({ name: `f${i}.yaml`, text: '' }));
    const stacks = Array.from({ length: 10_000 }, (_, i) => `stack:${i}`);
    const input = JSON.stringify({ version: 1, files, expandedStacks: [...stacks, 5, 'stack:9999'] });
    const result = decoded(input);
    expect(result.files).toHaveLength(MAX_FILES);
    expect(result.view.expandedStacks.length).toBeLessThanOrEqual(MAX_EXPANDED_STACKS);
    expect(result.view.expandedStacks.at(-1)).toBe('stack:9999');
    expect(codes(input)).toContain('WS-TOO-MANY-FILES');
    // A sparse array a million long is not walked to the end.
    const sparse: unknown[] = [];
    sparse.length = 1_000_000;
    expect(decoded({ version: 2, files: sparse }).files).toEqual([]);
  });

  it('is not fooled by prototype keys or hostile objects', () => {
    const text =
      '{"version":2,"files":[{"name":"__proto__","text":"x"}],"__proto__":{"polluted":true},"view":{"__proto__":{"theme":"dark"}}}';
    const result = decoded(text);
    expect(result.files).toEqual([{ name: '__proto__', text: 'x' }]);
    expect(result.view.theme).toBe('system');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const throwing = {
      version: 2,
      get files(): unknown {
        throw new Error('boom');
      },
    };
    expect(decodeWorkspace(throwing)).toMatchObject({ ok: false, problems: [{ code: 'WS-UNREADABLE' }] });
    const nested = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(decodeWorkspace(nested).ok).toBe(false);
  });

  it('ignores a trace of the wrong shape or size', () => {
    const base = { version: 2, files: [] };
    expect(decoded({ ...base, trace: { url: 'http://a/' } }).trace).toEqual({ url: 'http://a/', from: '', step: 0 });
    for (const trace of ['http://a/', { url: 3 }, { url: 'x', from: 4 }, { url: 'x'.repeat(10_000) }, null])
      expect(decoded({ ...base, trace }).trace).toBeUndefined();
    for (const step of [-1, 1.5, '2', Infinity, null])
      expect(decoded({ ...base, trace: { url: 'http://a/', step } }).trace?.step).toBe(0);
    expect(decoded({ ...base, trace: { url: 'http://a/', step: 1e9 } }).trace?.step).toBe(1000);
  });

  it('migrates a v2 trace (no step) to v3 at its first hop', () => {
    const v2 = { version: 2, files: [], trace: { url: 'http://a/', from: 'web' } };
    const result = decodeWorkspace(v2);
    expect(result.ok && result.fromVersion).toBe(2);
    expect(decoded(v2).trace).toEqual({ url: 'http://a/', from: 'web', step: 0 });
  });

  it('keeps a usable viewport within bounds and ignores a broken one', () => {
    const base = { version: 3, files: [] };
    expect(decoded({ ...base, viewport: { x: 1e12, y: -5, zoom: 99 } }).viewport).toEqual({
      x: 1_000_000,
      y: -5,
      zoom: 2.5,
    });
    for (const viewport of [null, 'fit', { x: 1, y: 2 }, { x: NaN, y: 0, zoom: 1 }, { x: 0, y: 0, zoom: 0 }])
      expect(decoded({ ...base, viewport }).viewport).toBeUndefined();
  });
});
