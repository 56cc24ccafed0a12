import { useEffect } from 'react';
import { useStoreApi } from '../state/StoreProvider';
import { isEditable } from './editableTarget';
import { pastedFileName } from './pastedFileName';

/**
 * Text pasted outside the editor opens in a new tab named after its first object. A paste
 * inside the editor only ever edits the editor: the check runs in the capture phase, before
 * CodeMirror replaces the lines the event was aimed at (a select-all paste detaches its target,
 * which then no longer looks like part of the editor), and skips a paste already handled.
 */
export function usePasteIntoNewTab() {
  const store = useStoreApi();
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || isEditable(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text?.trim()) return;
      event.preventDefault();
      store.getState().addFile(pastedFileName(text), text);
    };
    document.addEventListener('paste', onPaste, { capture: true });
    return () => document.removeEventListener('paste', onPaste, { capture: true });
  }, [store]);
}
