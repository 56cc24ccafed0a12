import { Fragment, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Diagnostic } from '../core/model/diagnostics';
import { indexTopology, sourceOf } from '../core/model/topology';
import type { AppStore, Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { inspect, type InspectorSection } from './inspectorFacts';
import { VIEW_IDS } from '../testIds';

const selectSelectedId = (s: Store) => s.selectedId;
const selectTopology = (s: Store) => s.topology;
const selectDiagnostics = (s: Store) => s.diagnostics;
const NO_MEMBERS: string[] = [];
/** The pods of the selected stack box, if a stack is selected. */
const selectStackMembers = (s: Store): string[] => {
  if (!s.selectedId?.startsWith('stack:')) return NO_MEMBERS;
  return s.positioned?.nodes.find((n) => n.id === s.selectedId)?.stack?.pods ?? NO_MEMBERS;
};

/** Selects an object and shows its YAML, as a click on its box does. */
function openObject(store: AppStore, id: string) {
  const state = store.getState();
  state.select(id);
  const span = sourceOf(indexTopology(state.topology), id);
  if (span) state.revealInEditor(span.file, span.start.offset);
}

function revealDiagnostic(store: AppStore, d: Diagnostic) {
  const offset = d.span?.start.offset;
  store.getState().revealInEditor(d.file, offset ?? 0, d.span?.end.offset ?? offset ?? 0);
}

/**
 * Escape closes the inspector, also from the editor (a click on a box moves the focus there),
 * unless the editor used the key itself (closing a completion or lint panel marks it handled).
 */
function useEscapeToClose() {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !store.getState().selectedId) return;
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) return;
      event.preventDefault();
      // Registered before the app's key handlers (a child's effects run first): one Escape, one thing closed.
      event.stopImmediatePropagation();
      store.getState().select(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

function Section({ section }: { section: InspectorSection }) {
  const store = useStoreApi();
  return (
    <section className="inspector-section" data-testid={VIEW_IDS.inspectorSection} data-title={section.title}>
      <h3>{section.title}</h3>
      {section.rows && section.rows.length > 0 && (
        <dl className="inspector-rows">
          {section.rows.map((row, i) => (
            <Fragment key={i}>
              <dt>{row.key}</dt>
              <dd className={row.mono ? 'is-mono' : ''}>{row.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {section.links && section.links.length > 0 && (
        <ul className="inspector-links">
          {section.links.map((link, i) => (
            <li key={`${link.id}:${i}`}>
              <button
                type="button"
                className="inspector-link"
                data-testid={VIEW_IDS.inspectorLink}
                data-id={link.id}
                onClick={() => openObject(store, link.id)}
              >
                {link.label}
              </button>
              {link.detail && <span className="inspector-detail">{link.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The inspector: what the selected object is and how it connects; every name is a link. */
export function Inspector() {
  const store = useStoreApi();
  const selectedId = useAppStore(selectSelectedId);
  const topology = useAppStore(selectTopology);
  const diagnostics = useAppStore(selectDiagnostics);
  const members = useAppStore(useShallow(selectStackMembers));
  const index = useMemo(() => indexTopology(topology), [topology]);
  const facts = useMemo(
    () =>
      selectedId
        ? inspect(index, diagnostics, selectedId, selectedId.startsWith('stack:') ? members : undefined)
        : undefined,
    [index, diagnostics, selectedId, members],
  );
  useEscapeToClose();
  if (!selectedId || !facts) return null;

  return (
    <section
      className="panel inspector"
      data-testid={VIEW_IDS.inspector}
      data-selected={selectedId}
      aria-label="Inspector"
    >
      <header className="panel-header inspector-header">
        <div className="inspector-heading">
          <span className="inspector-kind">{facts.kind}</span>
          <span className="inspector-name" title={facts.name}>
            {facts.name}
          </span>
          {facts.namespace && <span className="panel-dim">namespace {facts.namespace}</span>}
        </div>
        <button
          type="button"
          className="button icon-button inspector-close"
          data-testid={VIEW_IDS.inspectorClose}
          aria-label="Close the inspector"
          title="Close (Escape)"
          onClick={() => store.getState().select(undefined)}
        >
          ×
        </button>
      </header>
      <div className="inspector-body">
        {facts.span && (
          <button
            type="button"
            className="inspector-yaml"
            onClick={() => store.getState().revealInEditor(facts.span!.file, facts.span!.start.offset)}
          >
            {facts.span.file}:{facts.span.start.line}
          </button>
        )}
        {facts.sections.map((section) => (
          <Section key={section.title} section={section} />
        ))}
        {facts.diagnostics.length > 0 && (
          <section className="inspector-section" data-testid={VIEW_IDS.inspectorSection} data-title="Problems">
            <h3>Problems</h3>
            <ul className="inspector-problems">
              {facts.diagnostics.map((d, i) => (
                <li key={`${d.code}:${i}`}>
                  <button
                    type="button"
                    className="inspector-problem"
                    data-testid={VIEW_IDS.inspectorProblem}
                    data-code={d.code}
                    onClick={() => revealDiagnostic(store, d)}
                  >
                    <span className={`severity severity-${d.severity}`}>{d.severity}</span> {d.message}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </section>
  );
}
