/**
 * What a store needs from the world around it, passed in instead of read from globals, so a
 * test, an embed or a second app on the page each bring their own.
 */

/** The part of `Storage` the app uses (localStorage, or a map in a test); `removeItem` frees a record that moved. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

/**
 * An asynchronous store of text records, for what localStorage cannot hold (IndexedDB through
 * idb-keyval in the page, a map in a test). Any call may reject: the database is blocked, full
 * or missing (private windows), and the caller falls back to localStorage.
 */
export type RecordStore = {
  getMany: (keys: string[]) => Promise<unknown[]>;
  setMany: (entries: [string, string][]) => Promise<void>;
  delMany: (keys: string[]) => Promise<void>;
};

/** Messages to and from the other tabs of the app (a BroadcastChannel in the page). */
export type TabChannel = {
  post: (message: unknown) => void;
  listen: (listener: (message: unknown) => void) => () => void;
};

/** The part of a `MediaQueryList` the app uses. */
export type MediaQuery = {
  readonly matches: boolean;
  addEventListener?: (type: 'change', listener: () => void) => void;
  removeEventListener?: (type: 'change', listener: () => void) => void;
};

/** `window.matchMedia`, or a stand-in. */
export type MatchMedia = (query: string) => MediaQuery;

/** Time and timers: the pipeline's debounce runs on it. */
export type Clock = {
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type StoreEnvironment = {
  /** where the workspace is saved; undefined saves nothing (a link, an embed, a test) */
  readonly storage?: StorageLike;
  /** where files too big for `storage` are saved (and everything, when `storage` is full) */
  readonly records?: RecordStore;
  /** tells the other tabs what this one saved; without it, tabs do not hear of each other */
  readonly channel?: TabChannel;
  /** undefined: no motion preference, light colour scheme */
  readonly matchMedia?: MatchMedia;
  readonly clock: Clock;
};

/** The timers of the JavaScript host (browser or Node): no DOM needed. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Whether the environment asks for reduced motion. */
export function prefersReducedMotion(env: Pick<StoreEnvironment, 'matchMedia'>): boolean {
  return !!env.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
