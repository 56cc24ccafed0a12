import { describe, expect, it } from 'vitest';
import { CURRENT_WORKSPACE_VERSION } from '../workspace';
import {
  readSavedWorkspace,
  restoreWorkspace,
  SET_ASIDE_STORAGE_KEY,
  startPersistence,
  WORKSPACE_STORAGE_KEY,
} from './persistence';
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

describe('nothing typed is lost', () => {
  const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

  it('a failed save is shown until a save succeeds', () => {
    const storage = memoryStorage();
    let full = true;
    const flaky = {
      getItem: storage.getItem,
      setItem: (key: string, value: string) => {
        if (full) throw Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });
        storage.setItem(key, value);
      },
    };
    const store = createAppStore();
    startPersistence(store, flaky);
    store.getState().replaceWorkspace([{ name: 'a.yaml', text: 'one' }]);
    expect(store.getState().saveError).toBe('The browser storage is full');
    store.getState().setFileText('a.yaml', 'two');
    expect(store.getState().saveError).toBe('The browser storage is full');
    full = false;
    store.getState().setFileText('a.yaml', 'three');
    expect(store.getState().saveError).toBeUndefined();
    expect(readSavedWorkspace(storage)?.files).toEqual([{ name: 'a.yaml', text: 'three' }]);
  });

  /** Two tabs on one storage: each write of one is an event in the other, as browsers do. */
  function twoTabs() {
    const storage = memoryStorage();
    const listeners = new Map<number, (key: string | null, value: string | null) => void>();
    const network = { paused: false };
    const tab = (id: number) => {
      const store = createAppStore();
      restoreWorkspace(store, storage);
      const own = {
        getItem: storage.getItem,
        setItem: (key: string, value: string) => {
          storage.setItem(key, value);
          if (network.paused) return;
          for (const [other, listener] of listeners) if (other !== id) listener(key, value);
        },
      };
      startPersistence(store, own, (listener) => {
        listeners.set(id, listener);
        return () => listeners.delete(id);
      });
      return store;
    };
    storage.setItem(
      WORKSPACE_STORAGE_KEY,
      JSON.stringify({
        version: 2,
        files: [
          { name: 'a.yaml', text: 'a0' },
          { name: 'b.yaml', text: 'b0' },
        ],
        activeFile: 'a.yaml',
      }),
    );
    const deliver = (id: number) => listeners.get(id)!(WORKSPACE_STORAGE_KEY, storage.getItem(WORKSPACE_STORAGE_KEY));
    return { storage, network, deliver, first: tab(1), second: tab(2) };
  }

  it('two tabs editing different files: both edits kept, in both tabs and in storage', () => {
    const { storage, first, second } = twoTabs();
    first.getState().setFileText('a.yaml', 'a1');
    second.getState().setFileText('b.yaml', 'b1');
    first.getState().setFileText('a.yaml', 'a2');
    const expected = [
      { name: 'a.yaml', text: 'a2' },
      { name: 'b.yaml', text: 'b1' },
    ];
    expect(first.getState().files).toEqual(expected);
    expect(second.getState().files).toEqual(expected);
    expect(readSavedWorkspace(storage)?.files).toEqual(expected);
  });

  it('two tabs editing the same file at once: neither edit is overwritten, and the user is told', () => {
    const { network, deliver, first, second } = twoTabs();
    // Both type before either hears of the other.
    network.paused = true;
    first.getState().setFileText('a.yaml', 'mine');
    second.getState().setFileText('a.yaml', 'theirs');
    network.paused = false;
    deliver(1);
    expect(first.getState().files).toEqual([
      { name: 'a.yaml', text: 'mine' },
      { name: 'b.yaml', text: 'b0' },
      { name: 'a-2.yaml', text: 'theirs' },
    ]);
    expect(first.getState().tabNotice).toContain('a.yaml was also changed in another tab');
    // The first tab's merged save reaches the second: it now holds both versions too.
    expect(
      second
        .getState()
        .files.map((f) => f.text)
        .sort(),
    ).toEqual(['b0', 'mine', 'theirs']);
  });

  it('an unreadable save is kept aside and offered, not overwritten', () => {
    const storage = memoryStorage({ [WORKSPACE_STORAGE_KEY]: '{"version": 2, "files": "damaged' });
    const store = createAppStore();
    restoreWorkspace(store, storage);
    expect(store.getState().setAside?.text).toBe('{"version": 2, "files": "damaged');
    expect(storage.data.get(SET_ASIDE_STORAGE_KEY)).toBe('{"version": 2, "files": "damaged');
    startPersistence(store, storage);
    store.getState().setFileText(store.getState().files[0]!.name, service('new'));
    expect(storage.data.get(SET_ASIDE_STORAGE_KEY)).toBe('{"version": 2, "files": "damaged');
  });

  it('a save with duplicate names is repaired (unique names), and dropped files are kept aside', () => {
    const raw = JSON.stringify({
      version: 2,
      files: [{ name: 'a.yaml', text: '1' }, { name: 'a.yaml', text: '2' }, { name: 7 }],
      activeFile: 'a.yaml',
    });
    const store = createAppStore();
    restoreWorkspace(store, memoryStorage({ [WORKSPACE_STORAGE_KEY]: raw }));
    expect(store.getState().files.map((f) => f.name)).toEqual(['a.yaml', 'a-2.yaml']);
    expect(store.getState().setAside?.text).toBe(raw);
  });

  it('a save with no files, and closing the last tab, leave one empty tab that is saved', () => {
    const storage = memoryStorage({
      [WORKSPACE_STORAGE_KEY]: JSON.stringify({ version: 2, files: [], activeFile: '' }),
    });
    const store = createAppStore();
    restoreWorkspace(store, storage);
    expect(store.getState().files).toEqual([{ name: 'untitled.yaml', text: '' }]);
    startPersistence(store, storage);
    store.getState().closeFile('untitled.yaml');
    expect(store.getState().files).toEqual([{ name: 'untitled.yaml', text: '' }]);
    expect(store.getState().activeFile).toBe('untitled.yaml');
    store.getState().setFileText('untitled.yaml', 'typed');
    expect(readSavedWorkspace(storage)?.files).toEqual([{ name: 'untitled.yaml', text: 'typed' }]);
  });
});
