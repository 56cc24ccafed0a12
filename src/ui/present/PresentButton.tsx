import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { presentationSourceOf, startPresentation } from '../../state/presentation';
import { createAppStore, type AppStore } from '../../state/store';
import { StoreProvider, useStoreApi } from '../../state/StoreProvider';
import { PRESENT_IDS } from '../../testIds';
import type { Workspace } from '../../workspace';
import { PresentApp } from './PresentApp';

/**
 * The presentation over the workspace, in its own store: the workspace stays mounted beneath,
 * untouched (its text, undo history, selection and scroll), and is all there again on leaving.
 */
function PresentOverlay({ source, env, onLeave }: { source: Workspace; env: AppStore['env']; onLeave: () => void }) {
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

/** The toolbar's Present button, and the presentation it opens. */
export function PresentButton() {
  const store = useStoreApi();
  const [source, setSource] = useState<Workspace>();
  const focused = useRef<Element | null>(null);

  const open = () => {
    focused.current = document.activeElement;
    // Keys belong to the presentation now: the editor must not take them as typing.
    (document.activeElement as HTMLElement | null)?.blur?.();
    setSource(presentationSourceOf(store.getState()));
    // Full screen needs the click's user activation, so it is asked for here, on the page.
    void document.documentElement.requestFullscreen?.()?.catch(() => {});
  };
  const leave = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
    setSource(undefined);
    (focused.current as HTMLElement | null)?.focus?.({ preventScroll: true });
  };

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid={PRESENT_IDS.open}
        title="Present: the picture full screen, built up layer by layer, then the trace hop by hop"
        onClick={open}
      >
        ▶ Present
      </button>
      {source && createPortal(<PresentOverlay source={source} env={store.env} onLeave={leave} />, document.body)}
    </>
  );
}
