import type { RecordStore, StorageLike, TabChannel } from './environment';

/**
 * Stand-ins for the page's storage in unit tests (never imported by production code):
 * localStorage as a map, the record store as a map, and a channel between tabs that delivers at
 * once, as BroadcastChannel would (a little later) between real tabs.
 */

/** localStorage as a map; `refuse` makes the writes whose `key=value` it matches throw a quota error. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const writes: string[] = [];
  const control = { refuse: undefined as RegExp | undefined };
  const storage: StorageLike & { data: Map<string, string>; writes: string[]; control: typeof control } = {
    data,
    writes,
    control,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (control.refuse?.test(`${key}=${value}`))
        throw Object.assign(new Error('exceeded the quota'), { name: 'QuotaExceededError' });
      writes.push(key);
      data.set(key, String(value));
    },
    removeItem: (key) => void data.delete(key),
  };
  return storage;
}

/** The record store as a map; `broken` makes every call reject, as a blocked database does. */
export function memoryRecords(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const control = { broken: false, writes: [] as string[] };
  const fail = () => Promise.reject(new Error('the database is blocked'));
  const records: RecordStore & { data: Map<string, unknown>; control: typeof control } = {
    data,
    control,
    getMany: (keys) => (control.broken ? fail() : Promise.resolve(keys.map((k) => data.get(k)))),
    setMany: (entries) => {
      if (control.broken) return fail();
      for (const [key, value] of entries) {
        control.writes.push(key);
        data.set(key, value);
      }
      return Promise.resolve();
    },
    delMany: (keys) => {
      if (control.broken) return fail();
      for (const key of keys) data.delete(key);
      return Promise.resolve();
    },
  };
  return records;
}

/**
 * Channels between tabs: what one posts, every other one hears, in the order posted (as a
 * BroadcastChannel keeps each sender's order), unless the network is paused.
 */
export function memoryChannels() {
  const listeners = new Map<number, Set<(message: unknown) => void>>();
  const network = { paused: false };
  const queue: { from: number; message: unknown }[] = [];
  let delivering = false;
  const pump = () => {
    if (delivering) return;
    delivering = true;
    while (!network.paused && queue.length > 0) {
      const { from, message } = queue.shift()!;
      for (const [id, set] of listeners) if (id !== from) for (const listener of set) listener(message);
    }
    delivering = false;
  };
  const channel = (id: number): TabChannel => ({
    post: (message) => {
      queue.push({ from: id, message });
      pump();
    },
    listen: (listener) => {
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      return () => set.delete(listener);
    },
  });
  /** Delivers what was posted while paused, in order, and what that makes the tabs post. */
  const resume = () => {
    network.paused = false;
    pump();
  };
  return { channel, network, resume };
}

/** Lets every pending promise (and the writes they start) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
