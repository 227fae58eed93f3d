/**
 * `../shared` beside the repository: the seed texts, the evaluation set and the
 * real PDFs, which are never copied into the repository. A clone on its own has
 * no `../shared`: the tests that read it are then skipped (globalSetup says so in
 * one line) instead of failing with ENOENT. Where `../shared` is there, they all
 * run: a missing file in it is a failure, never a quiet skip; and with
 * PROTOKOLL_REQUIRE_SHARED=1 (set by .ci/run) its absence fails the run.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SHARED_URL = new URL("../../../shared/", import.meta.url);
export const SHARED_DIR = fileURLToPath(SHARED_URL);

/** Whether `../shared` is beside this checkout. */
export const HAS_SHARED = existsSync(SHARED_DIR);

/** A path inside `../shared`, e.g. `sharedPath("eval/dev", "d01.pdf")`. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}

/** The one line globalSetup prints where `../shared` is absent; null where it is there. */
export function sharedNotice(): string | null {
  if (HAS_SHARED) return null;
  const message = `../shared (${SHARED_DIR}) is not beside this checkout: the tests on the seed texts, the evaluation set and the real PDFs are SKIPPED`;
  if (process.env.PROTOKOLL_REQUIRE_SHARED === "1") throw new Error(`${message.replace(" are SKIPPED", " cannot run")}, and PROTOKOLL_REQUIRE_SHARED=1 needs them`);
  return message;
}
