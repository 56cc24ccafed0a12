import { useShallow } from 'zustand/react/shallow';
import type { Store } from '../state/store';
import { useAppStore } from '../state/StoreProvider';
import { TEST_IDS } from '../testIds';
import { FoldStatus } from './FoldStatus';

const selectStatus = (s: Store) => {
  let errors = 0;
  let warnings = 0;
  for (const d of s.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return {
    errors,
    warnings,
    stale: s.stale,
    objects: s.topology.objects.length,
    world: s.topology.world,
    layoutError: s.layoutError,
    analysisError: s.analysisError,
  };
};

/** One line at the bottom: problem counts, and whether the canvas shows the last good graph. */
export function StatusBar() {
  const status = useAppStore(useShallow(selectStatus));
  return (
    <footer className="statusbar">
      <span data-testid={TEST_IDS.statusProblems} data-errors={status.errors} data-warnings={status.warnings}>
        <span className={status.errors ? 'status-error' : ''}>
          {status.errors} error{status.errors === 1 ? '' : 's'}
        </span>
        {' · '}
        <span className={status.warnings ? 'status-warning' : ''}>
          {status.warnings} warning{status.warnings === 1 ? '' : 's'}
        </span>
      </span>
      {status.stale && (
        <span className="status-stale" data-testid={TEST_IDS.staleBanner}>
          The text has errors: showing the last good graph.
        </span>
      )}
      {status.analysisError && <span className="status-error">Analysis failed: {status.analysisError}</span>}
      {status.layoutError && <span className="status-error">Layout failed: {status.layoutError}</span>}
      <FoldStatus />
      <span className="toolbar-spacer" />
      <span className="status-dim">
        {status.world === 'empty' ? 'no objects' : `${status.world} · ${status.objects} objects`} · nothing leaves your
        browser
      </span>
    </footer>
  );
}
