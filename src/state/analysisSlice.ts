import type { StateCreator } from 'zustand';
import type { Diagnostic } from '../core/model/diagnostics';
import type { Topology } from '../core/model/topology';
import type { PositionedGraph } from '../layout/finishLayout';
import type { Store } from './store';

/** What is derived from the text: never edited by hand, always recomputable. */
export type AnalysisSlice = {
  diagnostics: Diagnostic[];
  /** The last topology built from text without syntax errors: what the canvas shows. */
  topology: Topology;
  /** true while the text has syntax errors and the canvas shows the last good graph */
  stale: boolean;
  positioned: PositionedGraph | null;
  layoutError?: string;
  analysisError?: string;
};

export const createAnalysisSlice: StateCreator<Store, [], [], AnalysisSlice> = () => ({
  diagnostics: [],
  topology: { world: 'empty', objects: [], edges: [] },
  stale: false,
  positioned: null,
});
