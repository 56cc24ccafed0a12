import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';
import { createFilesSlice, type FilesSlice } from './filesSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTraceSlice, type TraceSlice } from './traceSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type Store = FilesSlice & ViewSlice & AnalysisSlice & SelectionSlice & TraceSlice;

/** The one store of the app, in slices. */
export const useStore = create<Store>()((...a) => ({
  ...createFilesSlice(...a),
  ...createViewSlice(...a),
  ...createAnalysisSlice(...a),
  ...createSelectionSlice(...a),
  ...createTraceSlice(...a),
}));
