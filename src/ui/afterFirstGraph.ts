import { useEffect, useState } from 'react';
import type { Store } from '../state/store';
import { useAppStore } from '../state/StoreProvider';

/** Past this, what waits for the first graph loads anyway (a slow machine, a huge workspace). */
const WAIT_MS = 3000;

// A graph is drawn, or none will come soon: a syntax error, a failed analysis or layout.
const selectGraphSettled = (s: Store) =>
  s.positioned !== null || s.stale || s.analysisError !== undefined || s.layoutError !== undefined;

/**
 * True once the first graph has been painted (two frames after the store has it), or after a
 * few seconds without one. What the first picture does not need (the editor, the trace core)
 * waits for it, so the page fetches nothing else before the graph.
 */
export function useAfterFirstGraph(): boolean {
  const settled = useAppStore(selectGraphSettled);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!settled) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setReady(true))));
    return () => cancelAnimationFrame(frame);
  }, [settled]);
  return ready;
}
