import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { TEST_IDS } from '../testIds';

const selectDiagnostics = (s: Store) => s.diagnostics;
// Thousands of rows would freeze the page; the first ones are the ones to fix.
const MAX_LISTED = 500;

/** Every problem of the workspace; a click puts the cursor on its line. */
export function ProblemsList() {
  const store = useStoreApi();
  const diagnostics = useAppStore(selectDiagnostics);
  if (diagnostics.length === 0) {
    return (
      <div className="problems problems-empty" data-testid={TEST_IDS.problems}>
        No problems found.
      </div>
    );
  }
  return (
    <ul className="problems" data-testid={TEST_IDS.problems} aria-label="Problems">
      {diagnostics.slice(0, MAX_LISTED).map((d, i) => (
        <li key={`${d.file}:${d.line}:${d.column}:${d.code}:${i}`}>
          <button
            className={`problem problem-${d.severity}`}
            data-testid={TEST_IDS.problem}
            data-code={d.code}
            data-severity={d.severity}
            onClick={() => {
              const state = store.getState();
              const offset = d.span?.start.offset;
              if (offset !== undefined) state.revealInEditor(d.file, offset, d.span?.end.offset ?? offset, true);
              else state.revealInEditor(d.file, 0, 0, true);
              if (d.objectId) state.select(d.objectId);
            }}
          >
            <span className={`severity severity-${d.severity}`}>{d.severity}</span>
            <span className="problem-message">{d.message}</span>
            <span className="problem-where">
              {d.file}:{d.line}:{d.column} · {d.code}
            </span>
          </button>
        </li>
      ))}
      {diagnostics.length > MAX_LISTED && (
        <li className="problems-more">
          …and {(diagnostics.length - MAX_LISTED).toLocaleString('en')} more; fix these first.
        </li>
      )}
    </ul>
  );
}
