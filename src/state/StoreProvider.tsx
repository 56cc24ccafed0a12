import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
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

/** A slice of the nearest store; the component renders again only when the selected value changes. */
export function useAppStore<T>(selector: (state: Store) => T): T {
  return useStore(useStoreApi(), selector);
}
