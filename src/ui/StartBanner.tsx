import { useState } from 'react';
import { keepCopyInLocalWorkspace } from '../state/keepCopy';
import type { SavePlaces } from '../state/persistence';
import { useStoreApi } from '../state/StoreProvider';
import { shareableWorkspaceOf } from '../state/workspaceState';
import { SHARE_IDS } from '../testIds';
import { appBaseUrl } from './pageAddress';

/** Opens the user's own workspace: the app's address with no link in it. */
function openMyWorkspace() {
  window.location.assign(appBaseUrl());
}

/**
 * Above a shared link: it is not the user's workspace, which is one click away, and can be kept
 * (its files added to the local workspace as new tabs; no local file is replaced).
 */
export function LinkBanner({ places, notice }: { places: SavePlaces; notice?: string }) {
  const store = useStoreApi();
  const [problem, setProblem] = useState<string>();
  const keepCopy = async () => {
    const result = await keepCopyInLocalWorkspace(places, shareableWorkspaceOf(store.getState()));
    if (result.ok) openMyWorkspace();
    else setProblem(result.message);
  };
  return (
    <div className="start-banner" role="status" data-testid={SHARE_IDS.linkBanner}>
      <span>
        You are viewing a shared link — your own workspace is untouched.
        {notice ? ` ${notice}` : ''}
        {problem ? ` ${problem}` : ''}
      </span>
      <button className="button" data-testid={SHARE_IDS.openMine} onClick={openMyWorkspace}>
        Open my workspace
      </button>
      <button
        className="button"
        data-testid={SHARE_IDS.keepCopy}
        title="Adds this link's files to your workspace as new tabs; none of your files is replaced"
        onClick={() => void keepCopy()}
      >
        Keep a copy in my workspace
      </button>
    </div>
  );
}

/** Above the workspace when a link in the address could not be opened. */
export function StartNotice({ message }: { message: string }) {
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <div className="start-banner is-warning" role="alert" data-testid={SHARE_IDS.startNotice}>
      <span>{message}</span>
      <button className="button" onClick={() => setShown(false)}>
        Dismiss
      </button>
    </div>
  );
}
