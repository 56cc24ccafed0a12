import type { Page } from '@playwright/test';

/** Where the app saves the workspace (src/state/savedLayout.ts and pageStorage.ts). */
export const SAVED_INDEX_KEY = 'portolan:workspace:index';
export const LEGACY_WORKSPACE_KEY = 'portolan:workspace:v1';

/**
 * The files of the workspace this page's origin has saved, read as the app reads them: the index
 * from localStorage (or from IndexedDB when localStorage was full), each file from localStorage
 * or IndexedDB, wherever the index says it is.
 */
export async function savedFiles(page: Page): Promise<{ name: string; text: string }[]> {
  return readSaved(page, false) as Promise<{ name: string; text: string }[]>;
}

/** The names and lengths of the saved files (a 10 MB text stays in the page). */
export async function savedFileSizes(page: Page): Promise<{ name: string; length: number }[]> {
  return readSaved(page, true) as Promise<{ name: string; length: number }[]>;
}

function readSaved(page: Page, lengthsOnly: boolean) {
  return page.evaluate(async (lengthsOnly) => {
    const openDatabase = () =>
      new Promise<IDBDatabase | undefined>((resolve) => {
        const request = indexedDB.open('portolan');
        // Never create the database here: the app would then find it without its object store.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
      });
    const fromDatabase = async (key: string): Promise<unknown> => {
      const db = await openDatabase();
      if (!db) return undefined;
      const value = await new Promise<unknown>((resolve) => {
        const request = db.transaction('records').objectStore('records').get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
      });
      db.close();
      return value;
    };
    const indexText =
      localStorage.getItem('portolan:workspace:index') ?? (await fromDatabase('portolan:workspace:index'));
    if (typeof indexText !== 'string') return [];
    const index = JSON.parse(indexText) as { files: { name: string; at: 'local' | 'records' }[] };
    const files: ({ name: string; text: string } | { name: string; length: number })[] = [];
    for (const ref of index.files) {
      const key = `portolan:file:${ref.name}`;
      const text = ref.at === 'local' ? localStorage.getItem(key) : await fromDatabase(key);
      if (typeof text === 'string')
        files.push(lengthsOnly ? { name: ref.name, length: text.length } : { name: ref.name, text });
    }
    return files;
  }, lengthsOnly);
}
