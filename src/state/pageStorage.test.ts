import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openPageStorage } from './pageStorage';
import { loadSavedWorkspace, restoreWorkspace, startPersistence } from './persistence';
import { fileKey } from './savedLayout';
import { createAppStore } from './store';
import { memoryStorage } from './testStorage';

// fake-indexeddb stands in for the browser's IndexedDB, so the record store is idb-keyval itself.
describe('the page record store (idb-keyval over IndexedDB)', () => {
  it('keeps, reads back and deletes text records', async () => {
    const { records } = openPageStorage();
    expect(records).toBeDefined();
    await records!.setMany([
      ['a', 'one'],
      ['b', 'two'],
    ]);
    expect(await records!.getMany(['a', 'b', 'c'])).toEqual(['one', 'two', undefined]);
    await records!.delMany(['a']);
    expect(await records!.getMany(['a'])).toEqual([undefined]);
  });

  it('a 10 MB file is saved there and opened again, beside small files in localStorage', async () => {
    const { records } = openPageStorage();
    const storage = memoryStorage();
    const huge = `# pasted\n${'a: b\n'.repeat(2_000_000)}`;
    const store = createAppStore();
    startPersistence(store, { storage, records: records! });
    store.getState().replaceWorkspace([
      { name: 'small.yaml', text: 'kind: Pod' },
      { name: 'huge.yaml', text: huge },
    ]);
    await vi.waitFor(async () => expect((await records!.getMany([fileKey('huge.yaml')]))[0]).toBe(huge));
    expect(storage.data.has(fileKey('huge.yaml'))).toBe(false);

    const again = createAppStore();
    await restoreWorkspace(again, storage, records);
    expect(again.getState().files.map((f) => [f.name, f.text.length])).toEqual([
      ['small.yaml', 9],
      ['huge.yaml', huge.length],
    ]);
    expect((await loadSavedWorkspace({ storage, records: records! }))?.files[1]?.text).toBe(huge);
  });
});
