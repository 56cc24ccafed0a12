import { describe, expect, it } from 'vitest';
import { readSavedWorkspace, restoreWorkspace, startPersistence } from './persistence';
import type { Store } from './store';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

describe('workspace persistence', () => {
  it('starts a new visitor on the first sample', () => {
    let state: Partial<Store> = {};
    restoreWorkspace({ setState: (p) => (state = { ...state, ...p }) }, memoryStorage());
    expect(state.files?.map((f) => f.name)).toEqual(['deployment.yaml', 'service.yaml', 'ingress.yaml']);
    expect(state.activeFile).toBe('deployment.yaml');
  });

  it('tolerates a broken or foreign save', () => {
    expect(readSavedWorkspace(memoryStorage({ 'portolan:workspace:v1': '{not json' }))).toBeUndefined();
    expect(readSavedWorkspace(memoryStorage({ 'portolan:workspace:v1': '{"version":7}' }))).toBeUndefined();
    const odd = readSavedWorkspace(
      memoryStorage({
        'portolan:workspace:v1': JSON.stringify({
          version: 1,
          files: [{ name: 'a.yaml', text: 'x' }, { name: 3 }, null],
        }),
      }),
    );
    expect(odd?.files).toEqual([{ name: 'a.yaml', text: 'x' }]);
  });

  it('saves on every change and restores files, the active tab and the view settings', () => {
    const storage = memoryStorage();
    let listener: ((state: Store, previous: Store) => void) | undefined;
    startPersistence({ subscribe: (l) => ((listener = l), () => {}) }, storage);
    const before = { files: [], activeFile: '' } as unknown as Store;
    const after = {
      files: [{ name: 'mine.yaml', text: 'kind: Pod' }],
      activeFile: 'mine.yaml',
      theme: 'dark',
      editorCollapsed: true,
      editorWidth: 0.5,
      nodeCount: 5,
      viewMode: 'application',
      showConfig: true,
    } as unknown as Store;
    listener!(after, before);

    let state: Partial<Store> = {};
    restoreWorkspace({ setState: (p) => (state = { ...state, ...p }) }, storage);
    expect(state).toMatchObject({
      files: [{ name: 'mine.yaml', text: 'kind: Pod' }],
      activeFile: 'mine.yaml',
      theme: 'dark',
      editorCollapsed: true,
      nodeCount: 5,
      viewMode: 'application',
      showConfig: true,
    });
  });
});
