/**
 * End-to-end tests of the built `protokoll` command, run as a subprocess on a
 * folder of good and bad inputs. The CLI is built here, into a private folder,
 * so a build running elsewhere in the repository cannot pull dist/ from under it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";
import type { Document } from "../../src/schema/index.js";
import { writeInputs } from "./fixtures.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Inside the repository so that the bundle's externals (pdfjs-dist, zod, tinyglobby) resolve.
const BUILD_DIR = join(ROOT, "node_modules/.cache/protokoll-cli-test");
const CLI = join(BUILD_DIR, "cli.js");

let tmp: string;
let inputs: string;
let expected: ReturnType<typeof writeInputs>;
let first: Result;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const read = (...path: string[]) => readFileSync(join(tmp, ...path), "utf8");
const readJson = <T = unknown>(...path: string[]) => JSON.parse(read(...path)) as T;
const jsonLines = (text: string) => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown);

interface ManifestEntry {
  file: string;
  status: string;
  sha256: string | null;
  pages: number | null;
  output: string | null;
  line: number | null;
  error: string | null;
}
interface Manifest {
  summary: { total: number; ok: number; failed: number; skipped: number; pages: number };
  inputs: ManifestEntry[];
}

beforeAll(async () => {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const cliConfig = configs.find((c) => c.entry && !Array.isArray(c.entry) && typeof c.entry === "object" && "cli" in c.entry);
  await build({ ...cliConfig, config: false, outDir: BUILD_DIR, clean: true, sourcemap: false, silent: true });
  tmp = mkdtempSync(join(tmpdir(), "protokoll-cli-"));
  inputs = join(tmp, "in");
  expected = writeInputs(inputs);
  first = await cli(["parse", "in", "--out", "out1", "--jobs", "1"]);
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("protokoll parse --out", () => {
  it("writes an output for every good input and exits 1 for the bad ones", () => {
    expect(first.stderr).toMatch(/5 ok, 3 failed, 0 skipped, \d+ pages, [\d.]+ s/);
    expect(first.code).toBe(1);
    for (const name of expected.good) {
      const doc = readJson<Document>("out1", `${name}.json`);
      expect(doc.schemaVersion).toBe(1);
      expect(read("out1", `${name}.json`)).toBe(JSON.stringify(doc, null, 2) + "\n");
    }
  });

  it("records every failure in errors.jsonl with file, code and message", () => {
    const errors = jsonLines(read("out1", "errors.jsonl")) as { file: string; code: string; message: string }[];
    const byName = Object.fromEntries(errors.map((e) => [e.file.replace(/^.*[/\\]|\.pdf$/g, ""), e.code]));
    expect(byName).toEqual(expected.bad);
    for (const e of errors) expect(e.message).not.toBe("");
  });

  it("accounts for every input in manifest.json", () => {
    const manifest = readJson<Manifest>("out1", "manifest.json");
    expect(manifest.summary).toMatchObject({ total: 8, ok: 5, failed: 3, skipped: 0 });
    expect(manifest.inputs.map((e) => e.file)).toEqual([...manifest.inputs.map((e) => e.file)].sort());
    for (const e of manifest.inputs) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (e.status === "ok") {
        const doc = readJson<Document>("out1", e.output!);
        expect(e.pages).toBe(doc.source.pages);
        if (doc.source.sha256 !== null) expect(e.sha256).toBe(doc.source.sha256);
      } else {
        expect(e).toMatchObject({ status: "failed", output: null, pages: null });
        expect(e.error).toBe(expected.bad[e.file.replace(/^.*[/\\]|\.pdf$/g, "")]);
      }
    }
    expect(readdirSync(join(tmp, "out1")).sort()).toEqual(
      [...expected.good.map((n) => `${n}.json`), "errors.jsonl", "manifest.json"].sort(),
    );
  });

  it("writes the same bytes with --jobs 2 as with --jobs 1", async () => {
    const second = await cli(["parse", "in", "--out", "out2", "--jobs", "2"]);
    expect(second.code).toBe(1);
    const files = readdirSync(join(tmp, "out1")).sort();
    expect(readdirSync(join(tmp, "out2")).sort()).toEqual(files);
    for (const file of files) expect(read("out2", file), file).toBe(read("out1", file));
  });

  it("parses nothing again with --resume, and retries only the failures", async () => {
    const mtimes = expected.good.map((n) => statSync(join(tmp, "out1", `${n}.json`)).mtimeMs);
    const again = await cli(["parse", "in", "--out", "out1", "--resume"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/0 ok, 3 failed, 5 skipped, 0 pages/);
    const manifest = readJson<Manifest>("out1", "manifest.json");
    expect(manifest.summary).toMatchObject({ total: 8, ok: 0, failed: 3, skipped: 5 });
    for (const e of manifest.inputs.filter((e) => e.status === "skipped")) expect(e.pages).toBeGreaterThan(0);
    expect(expected.good.map((n) => statSync(join(tmp, "out1", `${n}.json`)).mtimeMs)).toEqual(mtimes);
  });
});

describe("protokoll parse to stdout", () => {
  it("prints one input's document as JSON", async () => {
    const result = await cli(["parse", join("in", "nested", "seed.txt")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(read("out1", "seed.json"));
  });

  it("prints several inputs as jsonl in input order, failures on stderr", async () => {
    const result = await cli(["parse", "in", "--format", "jsonl", "--jobs", "2"]);
    expect(result.code).toBe(1);
    const manifest = readJson<Manifest>("out2", "manifest.json");
    const ok = manifest.inputs.filter((e) => e.status === "ok");
    expect(jsonLines(result.stdout)).toEqual(ok.map((e) => readJson("out2", e.output!)));
    expect(result.stderr).toContain("ENCRYPTED_PDF");
  });

  it("writes documents.jsonl with line numbers in the manifest", async () => {
    const result = await cli(["parse", "in", "--format", "jsonl", "--out", "out3"]);
    expect(result.code).toBe(1);
    const lines = read("out3", "documents.jsonl").split("\n").filter((l) => l !== "");
    const manifest = readJson<Manifest>("out3", "manifest.json");
    for (const e of manifest.inputs.filter((e) => e.status === "ok")) {
      expect(e.output).toBe("documents.jsonl");
      expect(lines[e.line! - 1]).toBe(JSON.stringify(readJson("out1", e.file.replace(/^.*[/\\]/, "").replace(/\.\w+$/, ".json"))));
    }
  });
});

describe("protokoll export", () => {
  const csv = (name: string) => parseCsv(read("csv", `${name}.csv`), { columns: true }) as Record<string, string>[];

  it("writes tidy tables with the same counts as the JSON, keyed by sha256", async () => {
    const result = await cli(["export", "out2", "--csv", "csv"]);
    expect(result.code, result.stderr).toBe(0);
    const manifest = readJson<Manifest>("out2", "manifest.json");
    const docs = manifest.inputs.filter((e) => e.status === "ok").map((e) => readJson<Document>("out2", e.output!));
    const items = docs.flatMap((d) => d.items);
    const counts = {
      documents: docs.length,
      participants: docs.reduce((n, d) => n + d.participants.length, 0),
      items: items.length,
      motions: items.reduce((n, i) => n + i.motions.length, 0),
      votes: items.filter((i) => i.vote !== null).length,
      ballots: items.reduce((n, i) => n + (i.vote?.ballots.length ?? 0), 0),
      reservations: items.reduce((n, i) => n + i.reservations.length, 0),
    };
    for (const [table, count] of Object.entries(counts)) {
      const rows = csv(table);
      expect(rows.length, table).toBe(count);
      for (const row of rows) expect(row.document_id, table).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(csv("documents").map((r) => r.document_id).sort()).toEqual(
      manifest.inputs.filter((e) => e.status === "ok").map((e) => e.sha256).sort(),
    );
    expect(csv("items").map((r) => r.title)).toEqual(items.map((i) => i.title));
    expect(csv("items").map((r) => r.decision || null)).toEqual(items.map((i) => i.decision));
  });

  it("reads a jsonl file too", async () => {
    const result = await cli(["export", join("out3", "documents.jsonl"), "--csv", "csv3"]);
    expect(result.code, result.stderr).toBe(0);
    for (const table of ["documents", "participants", "items", "motions", "votes", "ballots", "reservations"]) {
      expect(read("csv3", `${table}.csv`), table).toBe(read("csv", `${table}.csv`));
    }
  });
});

describe.concurrent("protokoll usage", () => {
  it("prints --version and the JSON Schema", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect((await cli(["--version"])).stdout).toBe(`${pkg.version}\n`);
    const schema = await cli(["schema"]);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty("properties.items");
  });

  it("has --help for each command", async () => {
    for (const command of ["parse", "export", "schema"]) {
      const help = await cli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: protokoll ${command}`);
    }
  });

  it.each([
    [[]],
    [["frobnicate"]],
    [["parse"]],
    [["parse", "in"]],
    [["parse", "in", "--bogus"]],
    [["parse", "in", "--jobs", "0", "--out", "x"]],
    [["parse", "in/nested/seed.txt", "--ocr", "sometimes"]],
    [["parse", "missing.pdf"]],
    [["parse", "in/nested/seed.txt", "--resume"]],
    [["export", "out1"]],
  ])("exits 2 with a hint for %j", async (args) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--help/);
  });
});
