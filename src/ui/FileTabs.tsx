import { useState } from 'react';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { useShallow } from 'zustand/react/shallow';
import { TEST_IDS } from '../testIds';

const selectNames = (s: Store) => s.files.map((f) => f.name);
const selectActiveFile = (s: Store) => s.activeFile;

const selectCounts = (s: Store) => {
  const counts: Record<string, number> = {};
  for (const d of s.diagnostics) if (d.severity !== 'info') counts[d.file] = (counts[d.file] ?? 0) + 1;
  return counts;
};

/** The workspace's files as tabs: switch, rename (double-click), close, new. */
export function FileTabs() {
  const store = useStoreApi();
  const names = useAppStore(useShallow(selectNames));
  const activeFile = useAppStore(selectActiveFile);
  const counts = useAppStore(useShallow(selectCounts));
  const [renaming, setRenaming] = useState<string | undefined>();
  const [renameError, setRenameError] = useState<string | undefined>();

  const commitRename = (from: string, to: string) => {
    const error = store.getState().renameFile(from, to);
    setRenameError(error);
    if (!error) setRenaming(undefined);
  };

  const close = (name: string) => {
    const state = store.getState();
    const text = state.files.find((f) => f.name === name)?.text ?? '';
    if (text.trim() && !window.confirm(`Close ${name}? Its text will be gone from this workspace.`)) return;
    state.closeFile(name);
  };

  // Arrow keys move between tabs (and switch the file), as a tab list does; Delete closes, F2 renames.
  const onTabKey = (event: React.KeyboardEvent<HTMLDivElement>, name: string) => {
    if (renaming) return;
    const index = names.indexOf(name);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: names.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = names[(moves[event.key]! + names.length) % names.length];
      if (!next) return;
      store.getState().setActiveFile(next);
      const list = event.currentTarget.parentElement;
      requestAnimationFrame(() =>
        list?.querySelector<HTMLElement>(`[role="tab"][data-file="${CSS.escape(next)}"]`)?.focus(),
      );
    } else if (event.key === 'Delete') {
      event.preventDefault();
      close(name);
    } else if (event.key === 'F2') {
      event.preventDefault();
      setRenaming(name);
      setRenameError(undefined);
    }
  };

  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label="Files">
        {names.map((name) => (
          <div
            key={name}
            role="tab"
            aria-selected={name === activeFile}
            tabIndex={name === activeFile ? 0 : -1}
            className={`tab ${name === activeFile ? 'is-active' : ''}`}
            data-testid={TEST_IDS.tab}
            data-file={name}
            onClick={() => store.getState().setActiveFile(name)}
            onKeyDown={(e) => onTabKey(e, name)}
            onDoubleClick={() => {
              setRenaming(name);
              setRenameError(undefined);
            }}
            title="Double-click or F2 to rename, Delete to close"
          >
            {renaming === name ? (
              <input
                className="tab-rename"
                data-testid={TEST_IDS.tabRenameInput}
                defaultValue={name}
                autoFocus
                aria-label="File name"
                aria-invalid={!!renameError}
                title={renameError}
                onFocus={(e) => e.currentTarget.select()}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitRename(name, e.currentTarget.value);
                  if (e.key === 'Escape') setRenaming(undefined);
                }}
                onBlur={(e) => commitRename(name, e.currentTarget.value)}
              />
            ) : (
              <span className="tab-name" title={name}>
                {name}
              </span>
            )}
            {(counts[name] ?? 0) > 0 && (
              <span className="tab-problems" data-testid={TEST_IDS.tabProblems} title="problems in this file">
                {counts[name]}
              </span>
            )}
            {/* For the mouse; the keyboard closes a tab with Delete (a button inside a tab would
              be a control inside a control). */}
            <span
              className="tab-close"
              data-testid={TEST_IDS.tabClose}
              aria-hidden="true"
              title={`Close ${name}`}
              onClick={(e) => {
                e.stopPropagation();
                close(name);
              }}
            >
              ×
            </span>
          </div>
        ))}
      </div>
      <button
        className="tab-new"
        data-testid={TEST_IDS.newFile}
        aria-label="New file"
        title="New file"
        onClick={() => store.getState().addFile()}
      >
        +
      </button>
    </div>
  );
}
