/**
 * The built package finds its extraction worker beside itself: dist/index.js
 * starts pdf-worker.js, dist/index.cjs starts pdf-worker.cjs, and the CLI's own
 * workers (cli-worker.js) start pdf-worker.js in turn. Built here with the real
 * tsup config into a private folder, run in child processes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { runProcess } from "../cli/run.js";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";
import { stallingPdf } from "./make.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Inside the repository so that the bundle's externals (pdfjs-dist, zod) resolve.
const DIST = join(ROOT, "node_modules/.cache/protokoll-isolate-dist");
const SAMPLE = join(ROOT, "fixtures/sample.pdf");
let tmp: string;
let stalling: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[]): Promise<Run> {
  return runProcess(process.execPath, args, tmp);
}

/**
 * Parse a good PDF and a stalling one, print what came back, then leave a timer
 * that does not hold the process: it prints only if something else (a worker
 * that was not let go) keeps the process alive past it. The pool closes idle
 * workers after 5 s; this looks at 3 s.
 */
const script = (load: string) => `
  const { readFileSync } = require("node:fs");
  (async () => {
    const { parsePdf } = ${load};
    const doc = await parsePdf(readFileSync(${JSON.stringify(SAMPLE)}));
    console.log("items", doc.items.length);
    const t0 = Date.now();
    try { await parsePdf(readFileSync(process.argv[1]), { timeoutMs: 1000 }); console.log("no timeout"); }
    catch (e) { console.log(e.code, Date.now() - t0 < 2000 ? "on time" : "late " + (Date.now() - t0)); }
    setTimeout(() => console.log("still alive"), 3000).unref();
  })();
`;

beforeAll(async () => {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  rmSync(DIST, { recursive: true, force: true });
  for (const config of configs) {
    await build({ ...config, config: false, outDir: DIST, dts: false, sourcemap: false, metafile: false, silent: true });
  }
  // ESM .js files under node_modules/ get no "type" from the repository's package.json.
  writeFileSync(join(DIST, "package.json"), JSON.stringify({ type: "module" }));
  tmp = mkdtempSync(join(tmpdir(), "protokoll-isolate-"));
  stalling = join(tmp, "stalling.pdf");
  writeFileSync(stalling, await stallingPdf());
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
});

describe("the built package", () => {
  it.each([
    ["ESM", `await import(${JSON.stringify(join(DIST, "index.js"))})`],
    ["CommonJS", `require(${JSON.stringify(join(DIST, "index.cjs"))})`],
  ])("%s: reads in its worker, stops a stalling PDF on time, and lets the process exit by itself", async (_, load) => {
    const run = await node(["-e", script(load), stalling]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^items [1-9]/), "TIME_LIMIT_EXCEEDED on time"]);
  });

  it("the CLI's workers read in their own extraction worker: TIME_LIMIT_EXCEEDED, not the CLI's kill (TIMEOUT)", async () => {
    const inputs = join(tmp, "in");
    mkdirSync(inputs, { recursive: true });
    writeFileSync(join(inputs, "stalling.pdf"), await stallingPdf());
    const run = await node([join(DIST, "cli.js"), "parse", "in", "--out", "out", "--timeout", "2", "--jobs", "1"]);
    expect(run.code).toBe(1);
    const errors = readFileSync(join(tmp, "out", "errors.jsonl"), "utf8");
    expect(JSON.parse(errors.trim())).toMatchObject({ code: "TIME_LIMIT_EXCEEDED" });
  });

  it("the CLI parses a good PDF through both workers", async () => {
    const run = await node([join(DIST, "cli.js"), "parse", SAMPLE]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ schemaVersion: 1 });
  });
});
