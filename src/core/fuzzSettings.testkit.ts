/**
 * Settings of the property tests (fast-check): a fixed seed, so CI runs the same cases every
 * time and a failure replays, and few runs, so `npm test` stays quick. A longer hunt:
 *
 *   FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM npx vitest run fuzz
 *
 * (a failure prints its seed and path; put them in FUZZ_SEED / fast-check's `path` to replay).
 */
export function fuzzSettings(defaultRuns: number): { seed: number; numRuns: number } {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const runs = Number(env.FUZZ_RUNS);
  const seed = Number(env.FUZZ_SEED);
  return {
    seed: Number.isInteger(seed) ? seed : 20261126,
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
  };
}

/** Per-test timeout that grows with FUZZ_RUNS. */
export function fuzzTimeout(defaultRuns: number, msPerRun: number): number {
  return Math.max(30_000, fuzzSettings(defaultRuns).numRuns * msPerRun);
}
