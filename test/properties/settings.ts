/**
 * Run counts and seeds for the property tests: 200 runs by default (CI),
 * PROTOKOLL_PROPERTY_RUNS for long local runs, PROTOKOLL_PROPERTY_SEED to
 * replay a failure that fast-check reported (it prints seed and path).
 */
import type fc from "fast-check";

const runs = Number(process.env.PROTOKOLL_PROPERTY_RUNS ?? 200);
const seed = process.env.PROTOKOLL_PROPERTY_SEED;
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
