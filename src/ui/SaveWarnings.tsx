import { useShallow } from 'zustand/react/shallow';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { workspaceOf } from '../state/workspaceState';
import { SAVE_IDS } from '../testIds';
import { encodeWorkspace } from '../workspace';

const selectWarnings = (s: Store) => ({
  saveError: s.saveError,
  tabNotice: s.tabNotice,
  setAside: s.setAside,
  restoring: s.restoring,
});

/** Offers text as a file download (through a blob: link, so nothing leaves the browser). */
function download(name: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * What the user must know about their saved work, shown until it is resolved: a failed save
 * (with the workspace to download), a merge with another tab, a saved state that could not be
 * read, and, while big files are read from the browser's database, that the workspace is opening.
 */
export function SaveWarnings() {
  const store = useStoreApi();
  const { saveError, tabNotice, setAside, restoring } = useAppStore(useShallow(selectWarnings));
  if (!saveError && !tabNotice && !setAside && !restoring) return null;
  return (
    <div className="save-warnings">
      {restoring && (
        <div className="save-warning is-status" role="status" data-testid={SAVE_IDS.restoring}>
          <span>{restoring}</span>
        </div>
      )}
      {saveError && (
        <div className="save-warning" role="alert" data-testid={SAVE_IDS.saveError}>
          <span>
            {saveError}: your latest edits are not saved and live only in this tab. Download the workspace to keep them.
          </span>
          <button
            type="button"
            data-testid={SAVE_IDS.downloadWorkspace}
            onClick={() => download('workspace.portolan.json', encodeWorkspace(workspaceOf(store.getState())))}
          >
            Download workspace
          </button>
        </div>
      )}
      {tabNotice && (
        <div className="save-warning" role="status" data-testid={SAVE_IDS.tabNotice}>
          <span>{tabNotice}</span>
          <button type="button" onClick={() => store.getState().dismissTabNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {setAside && (
        <div className="save-warning" role="alert" data-testid={SAVE_IDS.setAside}>
          <span>{setAside.reason} It was kept aside.</span>
          <button type="button" onClick={() => download('unreadable-workspace.portolan.json', setAside.text)}>
            Download it
          </button>
          <button type="button" onClick={() => store.getState().dismissSetAside()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
