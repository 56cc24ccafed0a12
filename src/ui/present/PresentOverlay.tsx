import { useEffect, useState } from 'react';
import { startPresentation } from '../../state/presentation';
import { createAppStore, type AppStore } from '../../state/store';
import { StoreProvider } from '../../state/StoreProvider';
import type { Workspace } from '../../workspace';
import { PresentApp } from './PresentApp';

/**
 * The presentation over the workspace, in its own store: the workspace stays mounted beneath,
 * untouched (its text, undo history, selection and scroll), and is all there again on leaving.
 */
export function PresentOverlay({
  source,
  env,
  onLeave,
}: {
  source: Workspace;
  env: AppStore['env'];
  onLeave: () => void;
}) {
  const [store] = useState(() => createAppStore(env.matchMedia ? { matchMedia: env.matchMedia } : {}));
  useEffect(() => startPresentation(store, source), [store, source]);
  return (
    <div className="present-overlay" role="dialog" aria-modal="true" aria-label="Presentation">
      <StoreProvider store={store}>
        <PresentApp onLeave={onLeave} fullscreenTarget={() => document.documentElement} />
      </StoreProvider>
    </div>
  );
}
