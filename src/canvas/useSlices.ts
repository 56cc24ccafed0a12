import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RoutedFlowEdge } from './RoutedEdge';
import type { BoxNode } from './toFlow';

/**
 * At most this many new boxes come into the page in one frame. React Flow renders every new box
 * once to measure it, in view or not: a pasted picture of 270 boxes in one go was one task of
 * 100 ms (render, style, layout and measure), the page frozen; in slices each frame stays short
 * and the picture fills in over a few frames.
 */
const SLICE = 40;

/** What to draw now: the boxes and arrows, and whether that is all of them. */
export type Slice<N, E> = { nodes: N[]; edges: E[]; complete: boolean };

/**
 * The boxes and arrows to draw, given the boxes `shown` so far: all of them, unless more than
 * `size` boxes are new; then the first ones up to `size` new (parents come before their children,
 * so each part is whole). An arrow waits for both its ends.
 */
export function nextSlice<N extends { id: string }, E extends { source: string; target: string }>(
  nodes: N[],
  edges: E[],
  shown: ReadonlySet<string>,
  size = SLICE,
): Slice<N, E> {
  let fresh = 0;
  const end = nodes.findIndex((node) => !shown.has(node.id) && ++fresh > size);
  if (end < 0) return { nodes, edges, complete: true };
  const part = nodes.slice(0, end);
  const ids = new Set(part.map((node) => node.id));
  return { nodes: part, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)), complete: false };
}

/** The boxes and arrows to give React Flow now (`nextSlice`), and the next slice a frame later. */
export function useSlices(nodes: BoxNode[], edges: RoutedFlowEdge[]): Slice<BoxNode, RoutedFlowEdge> {
  const shownIds = useRef<ReadonlySet<string>>(new Set());
  const [frames, setFrames] = useState(0);
  // `frames` counts the frames of a slicing: each takes the next slice.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const shown = useMemo(() => nextSlice(nodes, edges, shownIds.current), [nodes, edges, frames]);
  useLayoutEffect(() => {
    shownIds.current = new Set(shown.nodes.map((node) => node.id));
    if (shown.complete) return;
    const frame = requestAnimationFrame(() => setFrames((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  return shown;
}
