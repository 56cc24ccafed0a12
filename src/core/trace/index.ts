/** The trace engine: a request followed from its client to the container port that answers it. */
export { traceRequest } from './traceRequest';
export { traceToJson, type TraceJson } from './traceJson';
export { suggestTraceUrls, type TraceSuggestion } from './suggest';
export * from './types';
