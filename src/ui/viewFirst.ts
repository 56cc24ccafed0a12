import { useEffect } from 'react';
import { useStoreApi } from '../state/StoreProvider';

/**
 * Up to this width the editor is a drawer over the canvas (styles.css), so the app opens
 * view-first: the picture, with the editor a tap away.
 */
export const VIEW_FIRST_QUERY = '(max-width: 900px)';

/**
 * On a narrow window (a small laptop, a tablet, a phone), the app starts with the editor closed: the canvas, the trace bar
 * and the hop list come first, and ⟩ opens the editor as a drawer. Only at start: a user who opens
 * the editor keeps it open.
 */
export function useViewFirst(): void {
  const store = useStoreApi();
  useEffect(() => {
    const state = store.getState();
    if (!state.editorCollapsed && store.env.matchMedia?.(VIEW_FIRST_QUERY).matches) state.toggleEditor();
  }, [store]);
}
