import { useMemo, useRef, useState } from 'react';
import { analyze } from '../../core/analyze';
import { breakagesFor, type Breakage } from '../../core/breakIt';
import type { SourceFile } from '../../core/model/source';
import { traceRequest } from '../../core/trace';
import type { Store } from '../../state/store';
import { useAppStore, useStoreApi } from '../../state/StoreProvider';
import { PRESENT_IDS } from '../../testIds';

const selectFiles = (s: Store) => s.files;

/** The mistakes on offer, the one made now, and how to make or undo one. */
export type BreakIt = {
  active?: Breakage;
  open: boolean;
  setOpen: (open: boolean) => void;
  available: Breakage[];
  toggle: (breakage: Breakage) => void;
  undo: () => void;
};

/**
 * "Break it": one mistake at a time, made on the presentation's copy of the files (never the
 * workspace's); the pipeline redraws the graph and traces again. Undo puts the files back.
 */
export function useBreakIt(): BreakIt {
  const store = useStoreApi();
  const files = useAppStore(selectFiles);
  const [active, setActive] = useState<Breakage>();
  const [open, setOpen] = useState(false);
  // The files before the first mistake: every mistake is made on them, undo returns to them.
  const original = useRef<SourceFile[] | null>(null);
  const base = active ? original.current : files;
  const available = useMemo(() => {
    if (!open || !base) return [];
    // The menu is open rarely and the files are few: analysing them here again is cheap.
    const { traceUrl, traceFrom, nodeCount } = store.getState();
    const { topology } = analyze(base, { nodes: nodeCount });
    const trace = traceUrl.trim()
      ? traceRequest(topology, { url: traceUrl.trim(), ...(traceFrom ? { from: traceFrom } : {}) })
      : null;
    return breakagesFor(base, topology, trace, traceUrl);
  }, [open, base, store]);

  const undo = () => {
    if (!original.current) return;
    store.setState({ files: original.current });
    setActive(undefined);
    setOpen(false);
  };
  const toggle = (breakage: Breakage) => {
    if (active?.id === breakage.id) return undo();
    if (!active) original.current = store.getState().files;
    store.setState({ files: breakage.files });
    setActive(breakage);
    // The room should see the picture change, not the menu.
    setOpen(false);
  };
  return { active, open, setOpen, available, toggle, undo };
}

/** A small menu in a corner: the mistakes, each a toggle, and undo. */
export function BreakItMenu({ breakIt }: { breakIt: BreakIt }) {
  const { active, open, setOpen, available, toggle, undo } = breakIt;
  return (
    <div className={`present-break ${open ? 'is-open' : ''}`}>
      <button
        type="button"
        className="present-break-button"
        data-testid={PRESENT_IDS.breakMenu}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Break it {open ? '▴' : '▾'}
      </button>
      {open && (
        <div className="present-break-list" role="group" aria-label="Break it">
          {available.length === 0 && <p className="present-break-empty">Nothing here to break.</p>}
          {available.map((breakage) => (
            <button
              key={breakage.id}
              type="button"
              className="present-break-toggle"
              data-testid={PRESENT_IDS.breakToggle}
              data-break-id={breakage.id}
              aria-pressed={active?.id === breakage.id}
              title={breakage.change}
              onClick={() => toggle(breakage)}
            >
              {breakage.label}
            </button>
          ))}
          <button
            type="button"
            className="present-break-toggle"
            data-testid={PRESENT_IDS.undo}
            disabled={!active}
            onClick={undo}
          >
            Undo (U)
          </button>
        </div>
      )}
    </div>
  );
}
