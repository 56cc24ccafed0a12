import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { focusBoxes, matchEntries, searchEntries, type SearchEntry } from '../layout/focusBoxes';
import type { Store } from '../state/store';
import { useAppStore, useStoreApi } from '../state/StoreProvider';
import { SEARCH_IDS } from '../testIds';
import { isEditable } from './editableTarget';
import './search.css';

const selectTopology = (s: Store) => s.topology;
const selectFocusedBox = (s: Store) => s.focusedBox;

/**
 * Shows the box of `entry`: opens the closed group that holds it (the first one, when its pods
 * sit on several worker nodes), then hands it to the canvas, which flies there and dims the rest.
 */
function goTo(store: ReturnType<typeof useStoreApi>, entry: SearchEntry): void {
  const state = store.getState();
  if (state.positioned) {
    const byId = new Map(state.positioned.nodes.map((n) => [n.id, n]));
    const closed = focusBoxes(state.positioned, state.topology, entry.id)
      .map((id) => byId.get(id))
      .find((box) => box?.folded && box.folded.reason !== 'size');
    if (closed) state.openGroup(closed.id);
  }
  state.setFocusedBox(entry.id);
}

/**
 * Find a box by name (the combobox pattern): typing lists matching workloads, pods, Services,
 * Ingresses, namespaces, nodes and containers; ↑/↓ move, Enter flies there, Esc clears. `/` or
 * Ctrl+K (⌘K) jump here from anywhere but a text field.
 */
export function SearchBox() {
  const store = useStoreApi();
  const topology = useAppStore(selectTopology);
  const focusedBox = useAppStore(selectFocusedBox);
  const entries = useMemo(() => searchEntries(topology), [topology]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const found = useMemo(() => matchEntries(entries, query), [entries, query]);
  const matches = found.shown;
  const expanded = open && query.trim() !== '';

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut =
        (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) ||
        (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey);
      if (shortcut && !isEditable(event.target)) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
        return;
      }
      // Esc on the canvas (not in a field, where the field's own handler acts) ends the focus.
      if (event.key === 'Escape' && !isEditable(event.target) && store.getState().focusedBox) {
        store.getState().setFocusedBox(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const choose = (entry: SearchEntry) => {
    setQuery(entry.name);
    setOpen(false);
    goTo(store, entry);
  };
  const clear = () => {
    setQuery('');
    setOpen(false);
    store.getState().setFocusedBox(null);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (event.key === 'Enter') {
      const entry = expanded ? matches[active] : undefined;
      if (entry) {
        event.preventDefault();
        choose(entry);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // The first Esc closes the list; the next one clears the search and its focus.
      if (expanded) setOpen(false);
      else clear();
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        className="search-input"
        data-testid={SEARCH_IDS.input}
        data-focused={focusedBox ?? undefined}
        role="combobox"
        aria-label="Find a box by name"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        {...(expanded && matches[active] ? { 'aria-activedescendant': optionId(active) } : {})}
        placeholder="Find… ( / )"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setQuery(value);
          setOpen(true);
          setActive(0);
          if (!value.trim()) store.getState().setFocusedBox(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        className="search-list"
        data-testid={SEARCH_IDS.list}
        hidden={!expanded}
        aria-label="Boxes found"
      >
        {expanded && matches.length === 0 && (
          <li className="search-empty" role="option" aria-selected={false} aria-disabled>
            Nothing is called that
          </li>
        )}
        {expanded &&
          matches.map((entry, index) => (
            <li
              key={entry.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={`search-option${index === active ? ' is-active' : ''}`}
              data-testid={SEARCH_IDS.option}
              data-id={entry.id}
              // Before the input's blur closes the list.
              onPointerDown={(event) => event.preventDefault()}
              onClick={() => choose(entry)}
              onPointerEnter={() => setActive(index)}
            >
              <span className="search-name">{entry.name}</span>
              <span className="search-kind">
                {entry.kind}
                {entry.namespace ? ` · ${entry.namespace}` : ''}
              </span>
            </li>
          ))}
        {expanded && found.total > matches.length && (
          <li className="search-empty" role="option" aria-selected={false} aria-disabled>
            {found.total - matches.length} more: add a namespace or kind (“{query.trim()} shop”)
          </li>
        )}
      </ul>
    </div>
  );
}
