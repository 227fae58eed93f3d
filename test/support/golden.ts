/**
 * Golden files: one input, one expected file beside it. `UPDATE=1 npm test`
 * rewrites them; without it a difference fails the test. Setting UPDATE in CI
 * is itself a failure, so goldens can only change in a reviewed commit.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

export const updating = process.env.UPDATE === "1";

export function assertNotUpdatingInCi(): void {
  if (updating && process.env.CI) {
    throw new Error("UPDATE=1 is set in CI: goldens must be rewritten locally and committed, never in CI.");
  }
}

/** Compare `actual` with the golden file at `path` (or write it when UPDATE=1). */
export function expectGolden(path: string, actual: string): void {
  assertNotUpdatingInCi();
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Golden file ${path} is missing: run UPDATE=1 npm test to create it, then review and commit it.`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** JSON for goldens: stable key order as built, numbers rounded to 0.1 so float noise never shows. */
export function goldenJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v), 2) +
    "\n"
  );
}
