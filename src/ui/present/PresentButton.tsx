import { lazy, Suspense, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStoreApi } from '../../state/StoreProvider';
import { presentationSourceOf } from '../../state/workspaceState';
import { PRESENT_IDS } from '../../testIds';
import type { Workspace } from '../../workspace';

// The presentation (its pages, its store, the stage layout) loads when first opened.
const PresentOverlay = lazy(() => import('./PresentOverlay').then((m) => ({ default: m.PresentOverlay })));

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
      {source &&
        createPortal(
          <Suspense fallback={null}>
            <PresentOverlay source={source} env={store.env} onLeave={leave} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
