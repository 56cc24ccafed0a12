import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, encodeWorkspace } from '../workspace';
import {
  INDEX_KEY,
  LEGACY_WORKSPACE_KEY,
  loadSavedWorkspace,
  readSavedWorkspace,
  restoreWorkspace,
  SET_ASIDE_STORAGE_KEY,
  startPersistence,
  type SavePlaces,
} from './persistence';
import { fileKey, LOCAL_FILE_LIMIT } from './savedLayout';
import { createAppStore, type AppStore } from './store';
import { memoryChannels, memoryRecords, memoryStorage, settle } from './testStorage';

const BIG = 'x'.repeat(LOCAL_FILE_LIMIT + 1);
const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

/** A tab of the app on `places`: restored, then saving. */
async function openTab(places: SavePlaces): Promise<AppStore> {
  const store = createAppStore();
  const restored = await restoreWorkspace(store, places.storage, places.records);
  startPersistence(store, places, restored);
  return store;
}

describe('workspace persistence', () => {
  it('starts a new visitor on the first sample', () => {
    const store = createAppStore();
    restoreWorkspace(store, memoryStorage());
    expect(store.getState().files.map((f) => f.name)).toEqual(['deployment.yaml', 'service.yaml', 'ingress.yaml']);
    expect(store.getState().activeFile).toBe('deployment.yaml');
  });

  it('tolerates a broken or foreign save', () => {
    expect(readSavedWorkspace(memoryStorage({ [INDEX_KEY]: '{not json' }))).toBeUndefined();
    expect(readSavedWorkspace(memoryStorage({ [INDEX_KEY]: '{"layout":1}' }))).toBeUndefined();
    expect(readSavedWorkspace(memoryStorage({ [LEGACY_WORKSPACE_KEY]: '{"version":7}' }))).toBeUndefined();
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
    };
    expect(readSavedWorkspace(blocked)).toBeUndefined();
    const odd = readSavedWorkspace(
      memoryStorage({
        [INDEX_KEY]: JSON.stringify({
          layout: 1,
          version: 3,
          files: [{ name: 'a.yaml', at: 'local' }, { name: 3 }, null, { name: 'b.yaml', at: 'moon' }],
        }),
        [fileKey('a.yaml')]: 'x',
      }),
    );
    expect(odd?.files).toEqual([{ name: 'a.yaml', text: 'x' }]);
  });

  it('saves each file as its own record, and the rest in a small index', () => {
    const storage = memoryStorage();
    const source = createAppStore();
    startPersistence(source, storage);
    source.setState({
      files: [
        { name: 'mine.yaml', text: 'kind: Pod' },
        { name: 'other.yaml', text: 'kind: Service' },
      ],
      activeFile: 'mine.yaml',
      theme: 'dark',
      editorCollapsed: true,
      editorWidth: 0.5,
      nodeCount: 5,
      viewMode: 'application',
      showConfig: true,
    });
    expect(storage.data.get(fileKey('mine.yaml'))).toBe('kind: Pod');
    expect(JSON.parse(storage.data.get(INDEX_KEY)!)).toMatchObject({
      layout: 1,
      files: [
        { name: 'mine.yaml', at: 'local' },
        { name: 'other.yaml', at: 'local' },
      ],
      view: { theme: 'dark' },
    });

    // One edited file: that file is written, nothing else (the index did not change).
    storage.writes.length = 0;
    source.getState().setFileText('other.yaml', 'kind: Deployment');
    expect(storage.writes).toEqual([fileKey('other.yaml')]);
    // A view setting: only the index.
    storage.writes.length = 0;
    source.getState().setNodeCount(7);
    expect(storage.writes).toEqual([INDEX_KEY]);

    const target = createAppStore();
    restoreWorkspace(target, storage);
    expect(target.getState()).toMatchObject({
      files: [
        { name: 'mine.yaml', text: 'kind: Pod' },
        { name: 'other.yaml', text: 'kind: Deployment' },
      ],
      activeFile: 'mine.yaml',
      theme: 'dark',
      editorCollapsed: true,
      editorWidth: 0.5,
      nodeCount: 7,
      viewMode: 'application',
      showConfig: true,
    });
  });

  it('a closed or renamed file’s record is removed', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    startPersistence(store, storage);
    store.getState().replaceWorkspace([
      { name: 'a.yaml', text: 'a' },
      { name: 'b.yaml', text: 'b' },
    ]);
    store.getState().closeFile('a.yaml');
    store.getState().renameFile('b.yaml', 'c.yaml');
    expect([...storage.data.keys()].sort()).toEqual([INDEX_KEY, fileKey('c.yaml')].sort());
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

describe('moving an older save to the per-file layout', () => {
  it('a v1 save (one JSON) is read, written file by file, and the old key freed, with nothing lost', async () => {
    const v1 = {
      version: 1,
      files: [
        { name: 'old.yaml', text: 'kind: Pod' },
        { name: 'big.yaml', text: BIG },
      ],
      activeFile: 'big.yaml',
      theme: 'dark',
      nodeCount: 4,
      expandedStacks: ['stack:a'],
    };
    const storage = memoryStorage({ [LEGACY_WORKSPACE_KEY]: JSON.stringify(v1) });
    const records = memoryRecords();
    const first = await openTab({ storage, records });
    expect(first.getState()).toMatchObject({ files: v1.files, activeFile: 'big.yaml', theme: 'dark', nodeCount: 4 });
    await settle();
    expect(storage.data.has(LEGACY_WORKSPACE_KEY)).toBe(false);
    expect(storage.data.get(fileKey('old.yaml'))).toBe('kind: Pod');
    expect(records.data.get(fileKey('big.yaml'))).toBe(BIG);

    const again = createAppStore();
    await restoreWorkspace(again, storage, records);
    expect(again.getState()).toMatchObject({
      files: v1.files,
      activeFile: 'big.yaml',
      theme: 'dark',
      nodeCount: 4,
      expandedStacks: ['stack:a'],
    });
  });

  it('a v3 save written by the previous Portolan moves too', async () => {
    const workspace = {
      files: [{ name: 'a.yaml', text: service('a') }],
      activeFile: 'a.yaml',
      view: { ...DEFAULT_VIEW, expandedStacks: [], viewMode: 'application' as const },
    };
    const storage = memoryStorage({ [LEGACY_WORKSPACE_KEY]: encodeWorkspace(workspace) });
    await openTab({ storage });
    expect(storage.data.has(LEGACY_WORKSPACE_KEY)).toBe(false);
    expect(readSavedWorkspace(storage)).toEqual(workspace);
  });
});

describe('big files go to the record store (IndexedDB)', () => {
  it('a file past the localStorage limit is saved in the record store; the others stay in localStorage', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    const store = await openTab({ storage, records });
    store.getState().replaceWorkspace([
      { name: 'small.yaml', text: 'kind: Pod' },
      { name: 'huge.yaml', text: BIG },
    ]);
    await settle();
    expect(storage.data.get(fileKey('small.yaml'))).toBe('kind: Pod');
    expect(storage.data.has(fileKey('huge.yaml'))).toBe(false);
    expect(records.data.get(fileKey('huge.yaml'))).toBe(BIG);
    // Editing the small file does not write the big one again.
    records.control.writes.length = 0;
    store.getState().setFileText('small.yaml', 'kind: Service');
    await settle();
    expect(records.control.writes).toEqual([]);
    expect(storage.data.get(fileKey('small.yaml'))).toBe('kind: Service');
  });

  it('restoring waits for the record store without showing the sample, then opens every file', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    const store = await openTab({ storage, records });
    store.getState().replaceWorkspace([
      { name: 'small.yaml', text: 'kind: Pod' },
      { name: 'huge.yaml', text: BIG },
    ]);
    await settle();

    const next = createAppStore();
    const restoring = restoreWorkspace(next, storage, records);
    expect(restoring).toBeInstanceOf(Promise);
    expect(next.getState().files).toEqual([]);
    expect(next.getState().restoring).toBeTruthy();
    next.getState().addFile('typed-meanwhile.yaml', 'kind: Pod');
    startPersistence(next, { storage, records }, await restoring);
    expect(next.getState().restoring).toBeUndefined();
    expect(readSavedWorkspace(storage)).toBeUndefined(); // a file is in the database: not readable synchronously
    expect((await loadSavedWorkspace({ storage, records }))?.files.map((f) => f.name)).toEqual([
      'small.yaml',
      'huge.yaml',
      'typed-meanwhile.yaml',
    ]);
    expect(next.getState().files.map((f) => f.name)).toEqual(['small.yaml', 'huge.yaml', 'typed-meanwhile.yaml']);
    expect(next.getState().files[1]!.text).toBe(BIG);
  });

  it('when localStorage is full, every file and the index go to the record store, and are read back', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    const store = await openTab({ storage, records });
    store.getState().replaceWorkspace([{ name: 'a.yaml', text: 'a0' }]);
    storage.control.refuse = /./;
    store.getState().setFileText('a.yaml', 'a1 typed while localStorage is full');
    await settle();
    expect(store.getState().saveError).toBeUndefined();
    expect(storage.data.has(INDEX_KEY)).toBe(false);
    expect(await loadSavedWorkspace({ storage, records })).toMatchObject({
      files: [{ name: 'a.yaml', text: 'a1 typed while localStorage is full' }],
    });
    // localStorage has room again: the index comes back there, and the one in the database goes.
    storage.control.refuse = undefined;
    store.getState().setFileText('a.yaml', 'a2');
    await settle();
    expect(storage.data.has(INDEX_KEY)).toBe(true);
    expect(records.data.has(INDEX_KEY)).toBe(false);
    expect(readSavedWorkspace(storage)?.files).toEqual([{ name: 'a.yaml', text: 'a2' }]);
  });

  it('a new visitor sees the sample at once; saving waits for the database to say it holds nothing', async () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const restoring = restoreWorkspace(store, storage, memoryRecords());
    expect(store.getState().files.map((f) => f.name)).toEqual(['deployment.yaml', 'service.yaml', 'ingress.yaml']);
    expect(store.getState().restoring).toBeUndefined();
    // Typed before the database answered: saved as soon as saving starts.
    store.getState().setFileText('service.yaml', 'typed at once');
    startPersistence(store, { storage }, await restoring);
    expect(readSavedWorkspace(storage)?.files[1]).toEqual({ name: 'service.yaml', text: 'typed at once' });
  });

  it('an index in the database is found, with or without a note in localStorage', async () => {
    for (const note of [true, false]) {
      const storage = memoryStorage();
      const records = memoryRecords();
      const store = await openTab({ storage, records });
      store.getState().replaceWorkspace([{ name: 'a.yaml', text: 'in the database' }]);
      // Full: only a write that shrinks a value still fits (the note over the index).
      storage.control.refuse = note ? /^portolan:file:|^portolan:workspace:index=\{/ : /./;
      store.getState().setFileText('a.yaml', 'typed while full');
      await settle();
      expect(storage.data.get(INDEX_KEY)).toBe(note ? 'in-records' : undefined);
      const next = createAppStore();
      await restoreWorkspace(next, storage, records);
      expect(next.getState().files).toEqual([{ name: 'a.yaml', text: 'typed while full' }]);
    }
  });

  it('without a usable record store, big files are saved in localStorage as before', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    records.control.broken = true;
    const store = await openTab({ storage, records });
    store.getState().replaceWorkspace([{ name: 'huge.yaml', text: BIG }]);
    await settle();
    expect(store.getState().saveError).toBeUndefined();
    expect(storage.data.get(fileKey('huge.yaml'))).toBe(BIG);
    expect(readSavedWorkspace(storage)?.files).toEqual([{ name: 'huge.yaml', text: BIG }]);
  });

  it('a record the database no longer has is named, and the rest opens', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: JSON.stringify({
        layout: 1,
        version: 3,
        activeFile: 'a.yaml',
        files: [
          { name: 'a.yaml', at: 'local' },
          { name: 'gone.yaml', at: 'records' },
        ],
      }),
      [fileKey('a.yaml')]: 'a',
    });
    const store = createAppStore();
    await restoreWorkspace(store, storage, memoryRecords());
    expect(store.getState().files).toEqual([{ name: 'a.yaml', text: 'a' }]);
    expect(store.getState().setAside?.reason).toContain('gone.yaml was not found in browser storage');
  });
});

describe('nothing typed is lost', () => {
  it('a failed save is shown until a save succeeds', async () => {
    const storage = memoryStorage();
    const records = memoryRecords();
    const store = await openTab({ storage, records });
    storage.control.refuse = /./;
    records.control.broken = true;
    store.getState().replaceWorkspace([{ name: 'a.yaml', text: 'one' }]);
    await settle();
    expect(store.getState().saveError).toBe('The browser storage is full');
    store.getState().setFileText('a.yaml', 'two');
    await settle();
    expect(store.getState().saveError).toBe('The browser storage is full');
    storage.control.refuse = undefined;
    store.getState().setFileText('a.yaml', 'three');
    expect(store.getState().saveError).toBeUndefined();
    expect(readSavedWorkspace(storage)?.files).toEqual([{ name: 'a.yaml', text: 'three' }]);
  });

  /** Two tabs on one storage, hearing each other through a channel. */
  async function twoTabs(withRecords = false) {
    const storage = memoryStorage({
      [LEGACY_WORKSPACE_KEY]: JSON.stringify({
        version: 2,
        files: [
          { name: 'a.yaml', text: 'a0' },
          { name: 'b.yaml', text: 'b0' },
        ],
        activeFile: 'a.yaml',
      }),
    });
    const records = withRecords ? memoryRecords() : undefined;
    const channels = memoryChannels();
    const places = (id: number): SavePlaces => ({
      storage,
      ...(records ? { records } : {}),
      channel: channels.channel(id),
    });
    const first = await openTab(places(1));
    const second = await openTab(places(2));
    return { storage, records, channels, first, second };
  }

  it('two tabs editing different files: both edits kept, in both tabs and in storage', async () => {
    const { storage, first, second } = await twoTabs();
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

  it('a tab hears of a save before its localStorage shows it: no file reads as closed', async () => {
    // Chromium brings another tab's view of localStorage up to date a little after a message.
    const { storage, channels } = await twoTabs();
    const blind = {
      ...storage,
      getItem: (key: string) => (key.startsWith('portolan:file:') ? null : storage.getItem(key)),
    };
    const late = createAppStore();
    startPersistence(late, { storage: blind, channel: channels.channel(3) }, await restoreWorkspace(late, storage));
    const first = await openTab({ storage, channel: channels.channel(4) });
    first.getState().setFileText('a.yaml', 'a1');
    first.getState().addFile('c.yaml', 'c');
    expect(late.getState().files).toEqual([
      { name: 'a.yaml', text: 'a1' },
      { name: 'b.yaml', text: 'b0' },
      { name: 'c.yaml', text: 'c' },
    ]);
  });

  it('two tabs, one editing a huge file kept in the database: both edits survive', async () => {
    const { storage, records, first, second } = await twoTabs(true);
    first.getState().setFileText('a.yaml', BIG);
    second.getState().setFileText('b.yaml', 'b1');
    await settle();
    first.getState().setFileText('a.yaml', `${BIG}!`);
    second.getState().setFileText('b.yaml', 'b2');
    await settle();
    const expected = [
      { name: 'a.yaml', text: `${BIG}!` },
      { name: 'b.yaml', text: 'b2' },
    ];
    expect(first.getState().files).toEqual(expected);
    expect(second.getState().files).toEqual(expected);
    expect(await loadSavedWorkspace({ storage, records: records! })).toMatchObject({ files: expected });
  });

  it('two tabs editing the same file at once: neither edit is overwritten, and the user is told', async () => {
    const { channels, first, second } = await twoTabs();
    // Both type before either hears of the other.
    channels.network.paused = true;
    first.getState().setFileText('a.yaml', 'mine');
    second.getState().setFileText('a.yaml', 'theirs');
    channels.resume();
    const texts = (store: AppStore) =>
      store
        .getState()
        .files.map((f) => f.text)
        .sort();
    expect(texts(first)).toEqual(['b0', 'mine', 'theirs']);
    expect(texts(second)).toEqual(['b0', 'mine', 'theirs']);
    expect(first.getState().tabNotice ?? second.getState().tabNotice).toContain(
      'a.yaml was also changed in another tab',
    );
  });

  it('a tab that edited a file another tab closed keeps it, in storage too', async () => {
    const { storage, channels, first, second } = await twoTabs();
    channels.network.paused = true;
    second.getState().setFileText('b.yaml', 'b edited');
    first.getState().closeFile('b.yaml');
    channels.resume();
    expect(second.getState().files.map((f) => f.name)).toEqual(['a.yaml', 'b.yaml']);
    expect(readSavedWorkspace(storage)?.files).toEqual([
      { name: 'a.yaml', text: 'a0' },
      { name: 'b.yaml', text: 'b edited' },
    ]);
  });

  it('an unreadable save is kept aside and offered, not overwritten', () => {
    const storage = memoryStorage({ [INDEX_KEY]: '{"layout": 1, "files": "damaged' });
    const store = createAppStore();
    restoreWorkspace(store, storage);
    expect(store.getState().setAside?.text).toBe('{"layout": 1, "files": "damaged');
    expect(storage.data.get(SET_ASIDE_STORAGE_KEY)).toBe('{"layout": 1, "files": "damaged');
    startPersistence(store, storage);
    store.getState().setFileText(store.getState().files[0]!.name, service('new'));
    expect(storage.data.get(SET_ASIDE_STORAGE_KEY)).toBe('{"layout": 1, "files": "damaged');
  });

  it('an unreadable older save is kept aside too', () => {
    const storage = memoryStorage({ [LEGACY_WORKSPACE_KEY]: '{"version": 2, "files": "damaged' });
    const store = createAppStore();
    restoreWorkspace(store, storage);
    expect(store.getState().setAside?.text).toBe('{"version": 2, "files": "damaged');
    expect(storage.data.get(SET_ASIDE_STORAGE_KEY)).toBe('{"version": 2, "files": "damaged');
  });

  it('a save with duplicate names is repaired (unique names), and dropped files are kept aside', () => {
    const raw = JSON.stringify({
      version: 2,
      files: [{ name: 'a.yaml', text: '1' }, { name: 'a.yaml', text: '2' }, { name: 7 }],
      activeFile: 'a.yaml',
    });
    const store = createAppStore();
    restoreWorkspace(store, memoryStorage({ [LEGACY_WORKSPACE_KEY]: raw }));
    expect(store.getState().files.map((f) => f.name)).toEqual(['a.yaml', 'a-2.yaml']);
    expect(store.getState().setAside?.text).toBe(raw);
  });

  it('a save with no files, and closing the last tab, leave one empty tab that is saved', () => {
    const storage = memoryStorage({
      [LEGACY_WORKSPACE_KEY]: JSON.stringify({ version: 2, files: [], activeFile: '' }),
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
