import { useMemo, useState } from 'react';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { shareableWorkspaceOf } from '../state/workspaceState';
import { SHARE_IDS } from '../testIds';
import { encodeShareFragment } from '../workspace';
import { CanvasPane } from './CanvasPane';
import { ErrorBoundary } from './ErrorBoundary';
import { appBaseUrl, shareLinkUrl } from './pageAddress';
import { useThemeAttribute } from './themeAttribute';
import { TraceCaption } from './TracePanel';

const selectTrace = (s: Store) => s.trace;
const selectTraceUrl = (s: Store) => s.traceUrl;
const selectPlaying = (s: Store) => s.tracePlaying;
const selectFiles = (s: Store) => s.files;

/**
 * `?embed`: the canvas alone for a blog post, view-only. A small toolbar fits, plays the trace
 * and opens the same state in the full app; nothing here edits or asks anything.
 */
export function EmbedApp({ error }: { error?: string }) {
  const store = useStoreApi();
  const trace = useAppStore(selectTrace);
  const traceUrl = useAppStore(selectTraceUrl);
  const playing = useAppStore(selectPlaying);
  const files = useAppStore(selectFiles);
  const [fitRequest, setFitRequest] = useState(0);
  useThemeAttribute();
  // The full app opens the same files, view and trace; computed when the files change (never, here).
  const fullApp = useMemo(
    () =>
      files.length
        ? shareLinkUrl(appBaseUrl(), encodeShareFragment(shareableWorkspaceOf(store.getState())))
        : appBaseUrl(),
    [files, store],
  );

  const play = () => {
    const state = store.getState();
    if (!state.trace) state.runTrace();
    else state.setTracePlaying(!playing);
  };

  return (
    <div className="embed" data-testid={SHARE_IDS.embed}>
      {error ? (
        <div className="embed-error" role="alert" data-testid={SHARE_IDS.embedError}>
          <p>This diagram could not be opened: {error}</p>
        </div>
      ) : (
        <ErrorBoundary what="canvas">
          <CanvasPane readOnly fitRequest={fitRequest} followTrace="once-moved" />
        </ErrorBoundary>
      )}
      <TraceCaption />
      <div className="embed-toolbar">
        <button
          className="button icon-button"
          data-testid={SHARE_IDS.embedFit}
          title="Fit the diagram"
          aria-label="Fit the diagram"
          onClick={() => setFitRequest((n) => n + 1)}
        >
          ⤢
        </button>
        {traceUrl.trim() && (
          <button
            className="button"
            data-testid={SHARE_IDS.embedPlay}
            aria-label={playing ? 'Pause the trace' : 'Play the trace'}
            title={traceUrl}
            onClick={play}
          >
            {playing ? '❚❚ Pause' : trace ? '▶ Play' : '▶ Trace'}
          </button>
        )}
        <a
          className="button"
          href={fullApp}
          target="_blank"
          rel="noopener noreferrer"
          data-testid={SHARE_IDS.embedOpen}
          title="Open this diagram in Portolan, in a new tab"
        >
          Open in Portolan ↗
        </a>
      </div>
    </div>
  );
}
