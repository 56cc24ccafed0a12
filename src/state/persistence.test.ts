import { describe, expect, it } from 'vitest';
import { CURRENT_WORKSPACE_VERSION } from '../workspace';
import { readSavedWorkspace, restoreWorkspace, startPersistence, WORKSPACE_STORAGE_KEY } from './persistence';
import { createAppStore, type Store } from './store';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, String(value)),
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
    expect(readSavedWorkspace(memoryStorage({ [WORKSPACE_STORAGE_KEY]: '{not json' }))).toBeUndefined();
    expect(readSavedWorkspace(memoryStorage({ [WORKSPACE_STORAGE_KEY]: '{"version":7}' }))).toBeUndefined();
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
    };
    expect(readSavedWorkspace(blocked)).toBeUndefined();
    const odd = readSavedWorkspace(
      memoryStorage({
        [WORKSPACE_STORAGE_KEY]: JSON.stringify({
          version: 1,
          files: [{ name: 'a.yaml', text: 'x' }, { name: 3 }, null],
        }),
      }),
    );
    expect(odd?.files).toEqual([{ name: 'a.yaml', text: 'x' }]);
  });

  it('reads a v1 save written by an older Portolan', () => {
    const v1 = { version: 1, files: [{ name: 'old.yaml', text: 'kind: Pod' }], activeFile: 'old.yaml', theme: 'dark' };
    const store = createAppStore();
    restoreWorkspace(store, memoryStorage({ [WORKSPACE_STORAGE_KEY]: JSON.stringify(v1) }));
    expect(store.getState()).toMatchObject({ files: v1.files, activeFile: 'old.yaml', theme: 'dark', nodeCount: 3 });
  });

  it('saves on every change and restores files, the active tab and the view settings', () => {
    const storage = memoryStorage();
    const source = createAppStore();
    startPersistence(source, storage);
    source.setState({
      files: [{ name: 'mine.yaml', text: 'kind: Pod' }],
      activeFile: 'mine.yaml',
      theme: 'dark',
      editorCollapsed: true,
      editorWidth: 0.5,
      nodeCount: 5,
      viewMode: 'application',
      showConfig: true,
    });
    expect(JSON.parse(storage.data.get(WORKSPACE_STORAGE_KEY)!).version).toBe(CURRENT_WORKSPACE_VERSION);

    const target = createAppStore();
    restoreWorkspace(target, storage);
    expect(target.getState()).toMatchObject({
      files: [{ name: 'mine.yaml', text: 'kind: Pod' }],
      activeFile: 'mine.yaml',
      theme: 'dark',
      editorCollapsed: true,
      editorWidth: 0.5,
      nodeCount: 5,
      viewMode: 'application',
      showConfig: true,
    });
  });

  it('writes nothing when only derived state changes, and nothing without storage', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    startPersistence(store, storage);
    store.setState({ stale: true, selectedId: 'x' });
    expect(storage.data.size).toBe(0);
    expect(() => startPersistence(store, undefined)()).not.toThrow();
  });
});
