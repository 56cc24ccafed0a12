import type { Store } from '../state/store';
import { useAppStore } from '../state/StoreProvider';
import { SEARCH_IDS } from '../testIds';

/** What a large input closed on its own, by what the groups are (namespaces, worker nodes, networks). */
const selectAutoFolded = (s: Store): string => {
  const counts = new Map<string, number>();
  for (const node of s.positioned?.nodes ?? []) {
    if (node.folded?.reason !== 'auto') continue;
    const what = node.role === 'node' ? 'worker node' : node.role === 'network' ? 'network' : 'namespace';
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  // A string, so the store's selector gives the same value while nothing changed.
  return [...counts].map(([kind, count]) => `${count} ${kind}${count === 1 ? '' : 's'}`).join(' and ');
};

/**
 * The status line of a large input: which groups it drew closed, and how to open them or find
 * what is inside. Nothing when everything is drawn.
 */
export function FoldStatus() {
  const what = useAppStore(selectAutoFolded);
  if (!what) return null;
  return (
    <span className="status-folded" data-testid={SEARCH_IDS.foldStatus} role="status">
      Large input: {what} closed · <strong>⤢ open</strong> one, or <kbd>/</kbd> to find a box
    </span>
  );
}
