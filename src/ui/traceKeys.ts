import { useEffect } from 'react';
import { useStoreApi } from '../state/StoreProvider';
import { isEditable } from './editableTarget';

/** Arrow keys step through the trace, Space plays or pauses, Home restarts, Escape clears. */
export function useTraceKeys() {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const state = store.getState();
      if (!state.trace || isEditable(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const actions: Record<string, () => void> = {
        ArrowRight: () => state.stepTrace(1),
        ArrowLeft: () => state.stepTrace(-1),
        ' ': () => state.setTracePlaying(!state.tracePlaying),
        Home: () => state.setTraceStep(0),
        End: () => state.setTraceStep(state.trace!.hops.length - 1),
        Escape: () => state.clearTrace(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
