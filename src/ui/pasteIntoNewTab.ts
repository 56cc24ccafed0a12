import { useEffect } from 'react';
import { useStoreApi } from '../state/StoreProvider';
import { isEditable } from './editableTarget';

/** Text pasted outside the editor opens in a new tab. */
export function usePasteIntoNewTab() {
  const store = useStoreApi();
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text?.trim()) return;
      event.preventDefault();
      store.getState().addFile('pasted.yaml', text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [store]);
}
