import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppStore, Store } from './store';

const StoreContext = createContext<AppStore | null>(null);

/** Gives the components below it their store: one provider per app instance on the page. */
export function StoreProvider({ store, children }: { store: AppStore; children?: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The nearest store itself, for actions and `getState()` in event handlers. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store)
    throw new Error(
      'Portolan: this component reads the store, but there is no <StoreProvider store={createAppStore()}> above it.',
    );
  return store;
}

/**
 * A slice of the nearest store; the component renders again only when the selected value
 * changes (`Object.is`; wrap a selector that builds objects in `useShallow`). Unlike zustand's
 * `useStore`, a server render shows the store as it is now, not as it was created, so a static
 * render of a link or a test shows the files it was given.
 */
export function useAppStore<T>(selector: (state: Store) => T): T {
  const store = useStoreApi();
  const read = useCallback(() => selector(store.getState()), [store, selector]);
  return useSyncExternalStore(store.subscribe, read, read);
}
