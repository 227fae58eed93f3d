/**
 * A short seeded run of the fuzz harness (scripts/fuzz.mjs): mutated fixture
 * PDFs and random and pathological texts, each parsed by the built package in
 * a child process under a hard wall clock. Fails on a crash, an exception that
 * is not a ProtokollError, a schema-invalid record or a hang; the inputs that
 * did are left in the failures folder the test prints. The library is built
 * here, into a private folder, as test/cli/cli.test.ts does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, expect, test } from "vitest";
import tsupConfig from "../tsup.config.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
// Inside the repository so that the bundle's externals (pdfjs-dist, zod) resolve.
const BUILD_DIR = join(ROOT, "node_modules/.cache/protokoll-fuzz-test");
const RUNS = 200;
const SEED = 20261203;

let tmp: string;

beforeAll(async () => {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const withEntry = (name: string) => configs.find((c) => c.entry && !Array.isArray(c.entry) && typeof c.entry === "object" && name in c.entry);
  const options: Options = { config: false, format: ["esm"], dts: false, outDir: BUILD_DIR, sourcemap: false, silent: true, metafile: false };
  await build({ ...withEntry("index"), ...options, clean: true });
  // pdf-worker.js beside index.js, as in the package: without it pdf.js would run in the caller's thread, which is not what ships.
  await build({ ...withEntry("pdf-worker"), ...options });
  tmp = mkdtempSync(join(tmpdir(), "protokoll-fuzz-"));
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Summary {
  inputs: number;
  kinds: { pdf: number; text: number };
  counts: Record<string, number>;
  failing: Array<{ index: number; outcome: string; description: string; detail: string }>;
}

test(`${RUNS} seeded fuzz inputs: no crash, no untyped exception, no schema-invalid record, no hang`, async () => {
  const summaryFile = join(tmp, "summary.json");
  const failures = join(tmp, "failures");
  // Sizes capped at 100 kB here (the long run goes to 1 MB), so that the run stays within a minute or two on two cores.
  // A wall clock of 60 s: in a full test run on a busy two-core machine a parse of one CPU second has taken 10 s of wall clock.
  const args = ["scripts/fuzz.mjs", "--runs", String(RUNS), "--seed", String(SEED), "--jobs", "2", "--max-size", "100000", "--wall", "60000"];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...args, "--dist", BUILD_DIR, "--json", summaryFile, "--failures", failures, "--quiet"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", resolve);
  });
  const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as Summary;
  const failing = summary.failing.map((f) => `#${f.index} ${f.outcome}: ${f.description}: ${f.detail.split("\n")[0]}`);
  expect(failing, `failing inputs (in ${failures}; replay with node ${args.join(" ")} --only N)`).toEqual([]);
  expect(code).toBe(0);
  expect(summary.inputs).toBe(RUNS);
  // The mix reaches both paths: mutated PDFs that still parse, and ones refused with a typed error.
  expect(summary.kinds.pdf).toBeGreaterThan(RUNS / 2);
  expect(summary.kinds.text).toBeGreaterThan(RUNS / 10);
  expect(summary.counts.document).toBeGreaterThan(0);
  expect(Object.keys(summary.counts).some((outcome) => outcome.startsWith("error "))).toBe(true);
}, 300_000);
