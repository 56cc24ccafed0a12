import type { ObjectId } from '../model/ids';
import type { Hop, Trace, TraceFailure, TraceFailureCode } from './types';

/** How every world's tracer ends a trace: with the hops it took, and where and why it stopped. */

/** Ends a trace successfully. */
export function succeed(hops: Hop[]): Trace {
  return { ok: true, hops };
}

/**
 * Ends a trace with a failure. The last hop is marked failed (or `failedHop` is appended first)
 * so the canvas can paint where the request stopped.
 */
export function fail(
  hops: Hop[],
  code: TraceFailureCode,
  message: string,
  extra: { object?: ObjectId; status?: number; failedHop?: Hop } = {},
): Trace {
  const all = extra.failedHop ? [...hops, extra.failedHop] : [...hops];
  const last = all[all.length - 1];
  if (last) all[all.length - 1] = { ...last, failed: true };
  const failure: TraceFailure = {
    code,
    message,
    ...(extra.object ? { object: extra.object } : {}),
    ...(extra.status !== undefined ? { status: extra.status } : {}),
  };
  return { ok: false, hops: all, failure };
}
