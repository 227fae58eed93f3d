/**
 * End-to-end tests of the built `protokoll` command, run as a subprocess on a
 * folder of good and bad inputs. The CLI is built here, into a private folder,
 * so a build running elsewhere in the repository cannot pull dist/ from under it.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../src/cli/export.js";
import { LINK_TABLES } from "../../src/cli/link.js";
import type { Document } from "../../src/schema/index.js";
import { writeInputs } from "./fixtures.js";
import { buildCli, ROOT, runCli, type Result } from "./run.js";

let CLI: string;
let tmp: string;
let inputs: string;
let expected: ReturnType<typeof writeInputs>;
let first: Result;

const cli = (args: string[], stdin?: Buffer | string) => runCli(CLI, args, tmp, stdin);

const read = (...path: string[]) => readFileSync(join(tmp, ...path), "utf8");
const readJson = <T = unknown>(...path: string[]) => JSON.parse(read(...path)) as T;
const jsonLines = (text: string) => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown);

interface ManifestEntry {
  file: string;
  status: string;
  parseStatus: string | null;
  diagnostics: { error: number; warning: number; info: number } | null;
  sha256: string | null;
  pages: number | null;
  output: string | null;
  line: number | null;
  error: string | null;
}
interface Manifest {
  summary: {
    total: number;
    ok: number;
    failed: number;
    skipped: number;
    pages: number;
    parseStatus: { complete: number; partial: number; failed: number };
  };
  inputs: ManifestEntry[];
}

beforeAll(async () => {
  CLI = await buildCli("protokoll-cli-test");
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
    expect(first.stderr).toMatch(/5 parsed, 0 skipped, 3 failed; documents: 5 complete, 0 partial, 0 failed; \d+ pages, [\d.]+ s/);
    expect(first.code).toBe(1);
    for (const name of expected.good) {
      const doc = readJson<Document>("out1", "documents", `${name}.json`);
      expect(doc.schemaVersion).toBe(1);
      expect(doc.source.file).toBe(join("in", `${name}.${name.startsWith("nested/") ? "txt" : "pdf"}`));
      expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(read("out1", "documents", `${name}.json`)).toBe(JSON.stringify(doc, null, 2) + "\n");
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
    expect(manifest.summary).toMatchObject({ total: 8, ok: 5, failed: 3, skipped: 0, parseStatus: { complete: 5, partial: 0, failed: 0 } });
    expect(manifest.inputs.map((e) => e.file)).toEqual([...manifest.inputs.map((e) => e.file)].sort());
    for (const e of manifest.inputs) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (e.status === "ok") {
        const doc = readJson<Document>("out1", e.output!);
        expect(e.pages).toBe(doc.source.pages);
        expect(e.sha256).toBe(doc.source.sha256);
        expect(e.parseStatus).toBe(doc.parseStatus);
        expect(e.diagnostics).toEqual({
          error: doc.diagnostics.filter((d) => d.severity === "error").length,
          warning: doc.diagnostics.filter((d) => d.severity === "warning").length,
          info: doc.diagnostics.filter((d) => d.severity === "info").length,
        });
      } else {
        expect(e).toMatchObject({ status: "failed", output: null, pages: null, parseStatus: null, diagnostics: null });
        expect(e.error).toBe(expected.bad[e.file.replace(/^.*[/\\]|\.pdf$/g, "")]);
      }
    }
    // The run's own files beside documents/; the journal is gone once the manifest is written.
    expect(readdirSync(join(tmp, "out1")).sort()).toEqual(["documents", "errors.jsonl", "manifest.json"]);
    const outputs = readdirSync(join(tmp, "out1", "documents"), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(join(tmp, "out1", "documents").length + 1));
    expect(outputs.sort()).toEqual(expected.good.map((n) => `${n}.json`).sort());
  });

  it("writes the same bytes with --jobs 2 as with --jobs 1", async () => {
    const second = await cli(["parse", "in", "--out", "out2", "--jobs", "2"]);
    expect(second.code).toBe(1);
    const files = (readdirSync(join(tmp, "out1"), { recursive: true }) as string[]).sort();
    expect((readdirSync(join(tmp, "out2"), { recursive: true }) as string[]).sort()).toEqual(files);
    for (const file of files.filter((f) => f.includes("."))) expect(read("out2", file), file).toBe(read("out1", file));
  });

  it("parses nothing again with --resume, and retries only the failures", async () => {
    const mtimes = expected.good.map((n) => statSync(join(tmp, "out1", "documents", `${n}.json`)).mtimeMs);
    const again = await cli(["parse", "in", "--out", "out1", "--resume"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/0 parsed, 5 skipped, 3 failed; documents: 5 complete, 0 partial, 0 failed; 0 pages/);
    const manifest = readJson<Manifest>("out1", "manifest.json");
    expect(manifest.summary).toMatchObject({ total: 8, ok: 0, failed: 3, skipped: 5 });
    for (const e of manifest.inputs.filter((e) => e.status === "skipped")) {
      expect(e.pages).toBeGreaterThan(0);
      expect(e.parseStatus).toBe("complete");
    }
    expect(expected.good.map((n) => statSync(join(tmp, "out1", "documents", `${n}.json`)).mtimeMs)).toEqual(mtimes);
  });
});

describe("protokoll parse to stdout", () => {
  it("prints one input's document as JSON", async () => {
    const result = await cli(["parse", join("in", "nested", "protokoll.txt")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(read("out1", "documents", "nested", "protokoll.json"));
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
      const name = e.file.replace(/^in[/\\]/, "").replace(/\.\w+$/, ".json");
      expect(lines[e.line! - 1]).toBe(JSON.stringify(readJson("out1", "documents", name)));
    }
  });
});

const csv = (name: string, dir = "csv") => parseCsv(read(dir, `${name}.csv`), { columns: true }) as Record<string, string>[];

describe("protokoll export", () => {
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
      // A row per person and party group of each motion and reservation (one where it names neither).
      motions: items.reduce((n, i) => n + i.motions.reduce((m, mo) => m + Math.max(1, mo.people!.length + mo.parties!.length), 0), 0),
      votes: items.reduce((n, i) => n + i.votes!.length, 0),
      ballots: items.reduce((n, i) => n + i.votes!.reduce((b, v) => b + v.ballots.length, 0), 0),
      reservations: items.reduce((n, i) => n + i.reservations.reduce((m, r) => m + Math.max(1, r.people!.length + r.parties!.length), 0), 0),
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
    for (const table of [...Object.keys(TABLES), "schema.sql"]) {
      const name = table.endsWith(".sql") ? table : `${table}.csv`;
      expect(read("csv3", name), table).toBe(read("csv", name));
    }
  });

  it("has a parse_status column and a diagnostics table", () => {
    const manifest = readJson<Manifest>("out2", "manifest.json");
    const docs = manifest.inputs.filter((e) => e.status === "ok").map((e) => readJson<Document>("out2", e.output!));
    expect(csv("documents").map((r) => r.parse_status)).toEqual(docs.map((d) => d.parseStatus));
    const diagnostics = csv("diagnostics");
    expect(diagnostics).toHaveLength(docs.reduce((n, d) => n + d.diagnostics.length, 0));
    expect(Object.keys(diagnostics[0] ?? Object.fromEntries(TABLES.diagnostics.map(([c]) => [c, ""])))).toEqual(
      TABLES.diagnostics.map(([c]) => c),
    );
  });

  it("says in one line how many documents were duplicates", async () => {
    mkdirSync(join(tmp, "dups"));
    for (let i = 0; i < 30; i++) copyFileSync(join(tmp, "out1", "documents", "nested", "protokoll.json"), join(tmp, "dups", `copy${i}.json`));
    const result = await cli(["export", "dups", "--csv", "csv-dups"]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^protokoll export: 29 document\(s\) had the same document_id as an earlier one and were exported once/);
    expect(csv("documents", "csv-dups")).toHaveLength(1);
  });

  it("loads every table into DuckDB with the fixed types of schema.sql, and the documented queries run", async () => {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    try {
      await connection.run(`SET file_search_path = '${join(tmp, "csv").replaceAll("'", "''")}'`);
      await connection.run(read("csv", "schema.sql"));
      const linked = await cli(["link", "out2", "--csv", "csv"]);
      expect(linked.code, linked.stderr).toBe(0);
      await connection.run(read("csv", "link-schema.sql"));
      for (const [table, columns] of Object.entries({ ...TABLES, ...LINK_TABLES })) {
        const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${table}`);
        expect(count.getRows()[0]![0], table).toBe(csv(table).length);
        const described = await connection.runAndReadAll(`DESCRIBE ${table}`);
        expect(described.getRows().map((r) => [r[0], r[1]])).toEqual(columns.map(([c, t]) => [c, t]));
      }
      // Whatever a dataset holds, a vote is text: never sniffed as BOOLEAN from yes/no alone.
      expect(TABLES.ballots.find(([c]) => c === "vote")![1]).toBe("VARCHAR");
      for (const sql of documentedSql()) await connection.runAndReadAll(sql);
      // A glob over documents/ reads documents only (no manifest row), as docs/cli.md says.
      const glob = join(tmp, "out2", "documents", "**", "*.json").replaceAll("'", "''");
      const documents = await connection.runAndReadAll(`SELECT count(*)::INTEGER, count(source.sha256)::INTEGER FROM read_json('${glob}', union_by_name = true)`);
      expect(documents.getRows()[0]).toEqual([csv("documents").length, csv("documents").length]);
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });
});

describe("protokoll link", () => {
  it("pairs a kallelse's items with the protokoll of the same meeting, and groups items by diarienummer", async () => {
    const head = (kind: string) => `${kind}\nTekniska nämnden\nDatum: 2025-10-09\nTid: kl. 13:00-15:00\n\n`;
    mkdirSync(join(tmp, "meeting"));
    writeFileSync(
      join(tmp, "meeting", "kallelse.txt"),
      head("KALLELSE") + "1. Val av justerare\n\n2. Taxa för offentlig plats\nDnr TN 2025/0012\n\n3. Information från förvaltningen\n",
    );
    writeFileSync(
      join(tmp, "meeting", "protokoll.txt"),
      head("PROTOKOLL") +
        "§ 45 Val av justerare\nBeslut\nAnna Berg utses att justera protokollet.\n\n" +
        "§ 46 Ny taxa för upplåtelse av offentlig plats\nDnr TN 2025/12\nBeslut\nTekniska nämnden antar taxan.\n\n" +
        "§ 47 Information från förvaltningen\nBeslut\nInformationen noteras.\n",
    );
    expect((await cli(["parse", "meeting", "--out", "meeting-out"])).code).toBe(0);
    const result = await cli(["link", "meeting-out", "--csv", "meeting-csv"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/2 documents; 3 links, 1 cases/);
    const links = csv("links", "meeting-csv");
    expect(links.map((l) => [l.kallelse_number, l.protokoll_paragraph])).toEqual([["1", "45"], ["2", "46"], ["3", "47"]]);
    const documents = readJson<Manifest>("meeting-out", "manifest.json").inputs;
    expect(new Set(links.map((l) => l.protokoll_document_id))).toEqual(new Set([documents.find((e) => e.file.endsWith("protokoll.txt"))!.sha256]));
    expect(csv("cases", "meeting-csv").map((c) => [c.case_number, c.kind, c.paragraph, c.outcome])).toEqual([
      ["TN 2025/0012", "kallelse", "", ""],
      ["TN 2025/0012", "protokoll", "46", "approved"],
    ]);
  });
});

/**
 * A Python with pandas: PROTOKOLL_PYTHON (set by .ci/run, which installs Debian's python3-pandas;
 * named, it must work), else the first of python3 on the PATH and /usr/bin/python3 that has pandas,
 * else null: the pandas example is then skipped, saying so.
 */
function pythonWithPandas(): string | null {
  const named = process.env.PROTOKOLL_PYTHON;
  const found = (named ? [named] : ["python3", "/usr/bin/python3"]).find((python) => {
    try {
      execFileSync(python, ["-c", "import pandas"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
  if (found === undefined && named) throw new Error(`PROTOKOLL_PYTHON=${named} has no pandas (apt-get install python3-pandas; .ci/run does)`);
  if (found === undefined) console.warn("test/cli: no python3 with pandas, so the pandas example is SKIPPED (apt-get install python3-pandas; .ci/run does).");
  return found ?? null;
}

describe("the documented pandas example", () => {
  const python = pythonWithPandas();
  it.skipIf(python === null)("runs on the exported tables", () => {
    const example = /```python\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "docs/cli.md"), "utf8"))![1]!;
    // The example reads tables/*.csv.
    symlinkSync("csv", join(tmp, "tables"));
    const output = execFileSync(python!, ["-c", example], { cwd: tmp, encoding: "utf8" });
    expect(output).toMatch(/\d+\n/);
  });
});

/** The ```sql blocks of docs/cli.md and README.md, after `schema.sql` has loaded the tables. */
function documentedSql(): string[] {
  const blocks: string[] = [];
  for (const doc of ["docs/cli.md", "README.md"]) {
    const text = readFileSync(join(ROOT, doc), "utf8");
    for (const match of text.matchAll(/```sql\n([\s\S]*?)```/g)) blocks.push(match[1]!);
  }
  expect(blocks.length).toBeGreaterThan(1);
  return blocks;
}

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
    [["parse", "in/nested/protokoll.txt", "--ocr", "sometimes"]],
    [["parse", "in/nested/protokoll.txt", "--ocr-lang", "sv-SE"]],
    [["parse", "missing.pdf"]],
    [["parse", "in/nested/protokoll.txt", "--resume"]],
    [["export", "out1"]],
    [["parse", "in", "--out", "o", "-q", "-v"]],
    [["parse", "in", "--out", "o", "--fail-on", "maybe"]],
    [["parse", "in", "--out", "o", "--encoding", "ebcdic"]],
  ])("exits 2 with a hint for %j", async (args) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--help/);
  });
});
