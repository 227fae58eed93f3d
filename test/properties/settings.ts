/**
 * Run counts and seeds for the property tests: 200 runs by default,
 * PROTOKOLL_PROPERTY_RUNS for long local runs, PROTOKOLL_PROPERTY_SEED to
 * replay a failure that fast-check reported (it prints seed and path).
 * Local runs draw a new seed each time, to keep finding new inputs; CI uses a
 * fixed seed so that a red build means a change broke something, not that the
 * dice found an old gap (those become regression fixtures in test/regressions/).
 */
import type fc from "fast-check";

const runs = Number(process.env.PROTOKOLL_PROPERTY_RUNS ?? 200);
const CI_SEED = "20261124";
const seed = process.env.PROTOKOLL_PROPERTY_SEED ?? (process.env.CI ? CI_SEED : undefined);
const path = process.env.PROTOKOLL_PROPERTY_PATH;

export function propertyParameters<T>(numRuns = runs): fc.Parameters<T> {
  return {
    numRuns,
    ...(seed !== undefined && { seed: Number(seed) }),
    ...(path !== undefined && { path }),
    endOnFailure: false,
  };
}

/** Per-test timeout that grows with the run count (PDF runs cost tens of ms each). */
export function timeoutFor(msPerRun: number, numRuns = runs): number {
  return Math.max(60_000, numRuns * msPerRun);
}
