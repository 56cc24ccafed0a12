import { createStore, delMany, getMany, setMany } from 'idb-keyval';
import type { RecordStore, StorageLike, TabChannel } from './environment';

/**
 * The page's own storage, opened once by the entry point (the only place that touches the
 * page's globals): localStorage, IndexedDB as a record store, and a BroadcastChannel to the
 * other tabs. Any of them may be missing or blocked; what is missing is simply not offered.
 */

/** The IndexedDB database and object store the record store lives in. */
export const RECORDS_DATABASE = 'portolan';
export const RECORDS_STORE = 'records';
/** The channel every tab of the app listens on. */
export const TAB_CHANNEL = 'portolan:workspace';

function pageLocalStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked by privacy settings: nothing is saved there
  }
}

function pageRecords(): RecordStore | undefined {
  try {
    if (typeof globalThis.indexedDB === 'undefined') return undefined;
  } catch {
    return undefined;
  }
  // idb-keyval opens the database on first use; a database that cannot open rejects each call,
  // and a call that throws at once (an `indexedDB.open` the browser forbids) rejects too.
  const store = createStore(RECORDS_DATABASE, RECORDS_STORE);
  const later = <T>(call: () => Promise<T>) => Promise.resolve().then(call);
  return {
    getMany: (keys) => later(() => getMany(keys, store)),
    setMany: (entries) => later(() => setMany(entries, store)),
    delMany: (keys) => later(() => delMany(keys, store)),
  };
}

function pageChannel(): TabChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(TAB_CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    listen: (listener) => {
      const handle = (event: MessageEvent) => listener(event.data);
      channel.addEventListener('message', handle);
      return () => channel.removeEventListener('message', handle);
    },
  };
}

/** Everything the page offers for saving the workspace. */
export function openPageStorage(): { localStorage?: StorageLike; records?: RecordStore; channel?: TabChannel } {
  const localStorage = pageLocalStorage();
  const records = pageRecords();
  const channel = pageChannel();
  return {
    ...(localStorage ? { localStorage } : {}),
    ...(records ? { records } : {}),
    ...(channel ? { channel } : {}),
  };
}
