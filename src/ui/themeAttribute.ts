import { useEffect } from 'react';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';

const selectTheme = (s: Store) => s.theme;

/** Puts the chosen theme on the page (`data-theme`); "system" follows the colour scheme the store's `matchMedia` reports. */
export function useThemeAttribute() {
  const theme = useAppStore(selectTheme);
  const { matchMedia } = useStoreApi().env;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.themeChoice = theme;
    if (theme !== 'system') {
      root.dataset.theme = theme;
      return;
    }
    const query = matchMedia?.('(prefers-color-scheme: dark)');
    const follow = () => (root.dataset.theme = query?.matches ? 'dark' : 'light');
    follow();
    query?.addEventListener?.('change', follow);
    return () => query?.removeEventListener?.('change', follow);
  }, [theme, matchMedia]);
}
