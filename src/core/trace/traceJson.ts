import type { HopKind, Trace, TraceFailureCode } from './types';

/** The Trace in the exact shape the CLI contract prints (`portolan trace`). */
export type TraceJson = {
  ok: boolean;
  hops: { kind: HopKind; name: string; namespace?: string; port?: number; detail: string }[];
  failure?: { code: TraceFailureCode; message: string; object?: string };
};

/** Strips a Trace to the CLI contract: `{ok, hops: [{kind, name, namespace?, port?, detail}], failure?: {code, message, object?}}`. */
export function traceToJson(trace: Trace): TraceJson {
  return {
    ok: trace.ok,
    hops: trace.hops.map(({ kind, name, namespace, port, detail }) => ({
      kind,
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(port !== undefined ? { port } : {}),
      detail,
    })),
    ...(trace.failure
      ? {
          failure: {
            code: trace.failure.code,
            message: trace.failure.message,
            ...(trace.failure.object !== undefined ? { object: trace.failure.object } : {}),
          },
        }
      : {}),
  };
}
