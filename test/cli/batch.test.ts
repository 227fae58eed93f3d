/**
 * The batch under stress, as a subprocess: killed with SIGKILL in the middle and
 * resumed; a folder with everything a scan can meet that is not a readable
 * file; --resume against changed content; stdin; archive trees; --fail-on.
 */
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/schema/index.js";
import fc from "fast-check";
import { documentArb } from "../support/arbitraries.js";
import { expectedMeetings, renderMeetingsText } from "../support/render/index.js";
import { scanPdf } from "../support/scan.js";
import { GOOD_PDF, GOOD_TXT } from "./fixtures.js";
import { buildCli, runCli, runProcess, type Result } from "./run.js";

let CLI: string;
let tmp: string;
const cli = (args: string[], stdin?: Buffer | string) => runCli(CLI, args, tmp, stdin);
const readJson = <T = unknown>(...path: string[]) => JSON.parse(readFileSync(join(tmp, ...path), "utf8")) as T;

interface Entry {
  file: string;
  status: string;
  parseStatus: string | null;
  sha256: string | null;
  output: string | null;
  line: number | null;
  error: string | null;
  ocrPages: number | null;
}
interface Manifest {
  summary: { total: number; ok: number; failed: number; skipped: number; ocrPages: number; parseStatus: Record<string, number> };
  inputs: Entry[];
}

/** The CLI as the unprivileged user "nobody" (uid/gid 65534). */
function runAs(setpriv: string, args: string[]): Promise<Result> {
  return runProcess(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args], tmp);
}

/** Every file below `dir` (recursively), relative, `/`-separated. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1).split("\\").join("/"))
    .sort();
}

/** A small protokoll of a few §§, different for each n, so every input has its own sha256. */
function protokollText(n: number): string {
  const date = `2025-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`;
  const paragraphs = Array.from({ length: 6 }, (_, i) => {
    const p = n * 10 + i + 1;
    return `§ ${p}\nÄrende ${p} om budget för verksamhet ${n}\nDnr KS 2025/${String(p).padStart(5, "0")}\nBeslut\nKommunstyrelsen beslutar att godkänna förslaget.\n`;
  });
  return `PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum ${date}\nPlats och tid Kommunhuset kl. 13.00-15.00\n\n${paragraphs.join("\n")}`;
}

beforeAll(async () => {
  CLI = await buildCli("protokoll-cli-batch-test");
  tmp = mkdtempSync(join(tmpdir(), "protokoll-batch-"));
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The folder `many` of `count` small protokoll texts in ten subfolders (made once). */
function manyInputs(count: number): string {
  const dir = join(tmp, "many");
  if (existsSync(dir)) return "many";
  for (let n = 0; n < count; n++) {
    const sub = join(dir, `m${String(n % 10).padStart(2, "0")}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `p${String(n).padStart(3, "0")}.txt`), protokollText(n));
  }
  return "many";
}

/** Start the CLI with `args` and SIGKILL it once `journal` holds `lines` entries; resolves with the entries there at the kill. */
async function killWhenJournalled(args: string[], journal: string, lines: number): Promise<number> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: tmp, stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const killedAt = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const done = existsSync(journal) ? readFileSync(journal, "utf8").split("\n").filter((l) => l !== "").length : 0;
      if (done >= lines) {
        clearInterval(timer);
        child.kill("SIGKILL");
        resolve(done);
      }
    }, 5);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the batch ended (exit ${code}) before it could be killed`));
    });
  });
  await exited;
  return killedAt;
}

describe("a batch killed with SIGKILL and run again with --resume", () => {
  const COUNT = 200;

  it("accounts for every input, and every output is a whole document", async () => {
    const many = manyInputs(COUNT);
    const journal = join(tmp, "killed", ".protokoll-journal.jsonl");
    // Killed once a tenth of the inputs are journalled, in the middle of the work.
    const killedAt = await killWhenJournalled(["parse", many, "--out", "killed", "--jobs", "2"], journal, COUNT / 10);
    expect(killedAt).toBeLessThan(COUNT);
    // Killed: no manifest yet, the journal holds what was done.
    expect(existsSync(join(tmp, "killed", "manifest.json"))).toBe(false);

    // A plain rerun would throw the journal away: refused, with the way out.
    const plain = await cli(["parse", many, "--out", "killed"]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/did not finish.*--resume.*--force/s);

    const resumed = await cli(["parse", many, "--out", "killed", "--jobs", "2", "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const manifest = readJson<Manifest>("killed", "manifest.json");
    expect(manifest.summary.total).toBe(COUNT);
    expect(manifest.summary.skipped).toBeGreaterThanOrEqual(killedAt);
    expect(manifest.summary.ok + manifest.summary.skipped).toBe(COUNT);
    expect(existsSync(journal)).toBe(false);

    // Outputs + error records = inputs; every output parses; no temporary file is left.
    const outputs = filesBelow(join(tmp, "killed", "documents"));
    expect(outputs).toHaveLength(COUNT);
    expect(outputs.map((o) => `documents/${o}`)).toEqual(manifest.inputs.map((e) => e.output).sort());
    for (const output of outputs) expect(readJson<Document>("killed", "documents", output).schemaVersion).toBe(1);
    expect(readFileSync(join(tmp, "killed", "errors.jsonl"), "utf8")).toBe("");
    expect(filesBelow(join(tmp, "killed")).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    // The same bytes as a run that was never killed.
    const whole = await cli(["parse", many, "--out", "whole", "--jobs", "1"]);
    expect(whole.code).toBe(0);
    for (const output of outputs) {
      expect(readFileSync(join(tmp, "killed", "documents", output), "utf8")).toBe(readFileSync(join(tmp, "whole", "documents", output), "utf8"));
    }
  }, 300_000);

  it("with --format jsonl too: documents.jsonl holds every input once, in input order, as a run never killed writes it", async () => {
    const many = manyInputs(COUNT);
    const out = join(tmp, "killed-jsonl");
    const journal = join(out, ".protokoll-journal.jsonl");
    const killedAt = await killWhenJournalled(["parse", many, "--out", "killed-jsonl", "--format", "jsonl", "--jobs", "2"], journal, COUNT / 10);
    expect(killedAt).toBeLessThan(COUNT);
    // What was done is on disk, one file per document, and journalled; documents.jsonl comes at the end.
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
    expect(existsSync(join(out, "documents.jsonl"))).toBe(false);
    expect(filesBelow(join(out, ".protokoll-parts")).length).toBeGreaterThanOrEqual(killedAt);
    expect((await cli(["parse", many, "--out", "killed-jsonl", "--format", "jsonl"])).code).toBe(2);

    const resumed = await cli(["parse", many, "--out", "killed-jsonl", "--format", "jsonl", "--jobs", "2", "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const manifest = readJson<Manifest>("killed-jsonl", "manifest.json");
    expect(manifest.summary.total).toBe(COUNT);
    expect(manifest.summary.skipped).toBeGreaterThanOrEqual(killedAt);
    expect(manifest.summary.ok + manifest.summary.skipped).toBe(COUNT);
    const lines = readFileSync(join(out, "documents.jsonl"), "utf8").split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(COUNT);
    const files = lines.map((l) => (JSON.parse(l) as Document).source.file);
    expect(manifest.inputs.map((e) => [e.file, e.output, e.line])).toEqual(files.map((file, i) => [file, "documents.jsonl", i + 1]));
    expect(filesBelow(out)).toEqual(["documents.jsonl", "errors.jsonl", "manifest.json"]);

    const whole = await cli(["parse", many, "--out", "whole-jsonl", "--format", "jsonl", "--jobs", "1"]);
    expect(whole.code).toBe(0);
    expect(readFileSync(join(out, "documents.jsonl"), "utf8")).toBe(readFileSync(join(tmp, "whole-jsonl", "documents.jsonl"), "utf8"));

    // Resumed after a finished run: a changed input (older mtime) is parsed again, the rest kept, each on its line.
    const changed = join(tmp, many, "m03", "p013.txt");
    const before = statSync(changed);
    writeFileSync(changed, protokollText(COUNT + 1));
    utimesSync(changed, before.atime, new Date(before.mtimeMs - 3_600_000));
    const again = await cli(["parse", many, "--out", "killed-jsonl", "--format", "jsonl", "--resume"]);
    expect(again.code, again.stderr).toBe(0);
    const after = readJson<Manifest>("killed-jsonl", "manifest.json");
    expect(after.summary).toMatchObject({ total: COUNT, ok: 1, skipped: COUNT - 1 });
    const entry = after.inputs.find((e) => e.status === "ok")!;
    expect(entry.file).toBe(join(many, "m03", "p013.txt"));
    const docs = readFileSync(join(out, "documents.jsonl"), "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Document);
    expect(docs).toHaveLength(COUNT);
    expect(docs[entry.line! - 1]!.source).toMatchObject({ file: entry.file, sha256: entry.sha256 });
    expect(docs.map((d) => d.source.sha256)).toEqual(after.inputs.map((e) => e.sha256));
    writeFileSync(changed, protokollText(13));
    utimesSync(changed, before.atime, before.mtime);
  }, 300_000);
});

describe("what a folder scan meets", () => {
  const isRoot = process.getuid?.() === 0;

  it("gives everything named like an input an output or an error record with a code", async () => {
    const dir = join(tmp, "odd");
    mkdirSync(join(dir, "folder.pdf"), { recursive: true });
    copyFileSync(GOOD_TXT, join(dir, "folder.pdf", "inside.txt"));
    copyFileSync(GOOD_TXT, join(dir, "good.txt"));
    symlinkSync("missing.pdf", join(dir, "dangling.pdf"));
    symlinkSync("loop.pdf", join(dir, "loop.pdf"));
    symlinkSync("good.txt", join(dir, "linked.txt"));
    symlinkSync(".", join(dir, "self"));
    writeFileSync(join(dir, "empty.pdf"), "");
    writeFileSync(join(dir, "notes.md"), "not an input\n");
    execFileSync("mkfifo", [join(dir, "pipe.pdf")]);
    const result = await cli(["parse", "odd", "--out", "odd-out"]);
    expect(result.code).toBe(1);
    const manifest = readJson<Manifest>("odd-out", "manifest.json");
    const byFile = Object.fromEntries(manifest.inputs.map((e) => [e.file.replace(/^odd[/\\]/, ""), e.error ?? e.status]));
    expect(byFile).toEqual({
      "dangling.pdf": "FILE_READ_FAILED",
      "empty.pdf": "EMPTY_DOCUMENT",
      "folder.pdf": "NOT_A_FILE",
      [join("folder.pdf", "inside.txt")]: "ok",
      "good.txt": "ok",
      "linked.txt": "ok",
      "loop.pdf": "FILE_READ_FAILED",
      "pipe.pdf": "NOT_A_FILE",
    });
    const errors = readFileSync(join(tmp, "odd-out", "errors.jsonl"), "utf8").trim().split("\n");
    expect(errors).toHaveLength(5);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  // Root reads everything: as root the CLI runs as "nobody" (setpriv), where that exists.
  const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
  it.skipIf(isRoot && setpriv === undefined)("records a file and a folder it may not read (FILE_READ_FAILED)", async () => {
    const dir = join(tmp, "locked");
    mkdirSync(join(dir, "closed"), { recursive: true });
    copyFileSync(GOOD_TXT, join(dir, "secret.txt"));
    copyFileSync(GOOD_TXT, join(dir, "open.txt"));
    copyFileSync(GOOD_TXT, join(dir, "closed", "inside.txt"));
    execFileSync("chmod", ["000", join(dir, "secret.txt"), join(dir, "closed")]);
    execFileSync("chmod", ["0777", tmp]);
    const command = isRoot
      ? runAs(setpriv!, ["parse", "locked", "--out", "locked-out"])
      : cli(["parse", "locked", "--out", "locked-out"]);
    const result = await command;
    expect(result.code, result.stderr).toBe(1);
    const inputs = readJson<Manifest>("locked-out", "manifest.json").inputs;
    expect(inputs.map((e) => [e.file.replace(/^locked[/\\]/, ""), e.error])).toEqual([
      ["closed", "FILE_READ_FAILED"],
      ["open.txt", null],
      ["secret.txt", "FILE_READ_FAILED"],
    ]);
    const errors = readFileSync(join(tmp, "locked-out", "errors.jsonl"), "utf8").trim().split("\n");
    for (const line of errors) expect(line).toMatch(/permission denied/);
  });
});

describe("--resume", () => {
  it("parses an input again when its content changed, even with an older mtime, and when the version changed", { timeout: 240_000 }, async () => {
    mkdirSync(join(tmp, "res"));
    copyFileSync(GOOD_TXT, join(tmp, "res", "a.txt"));
    writeFileSync(join(tmp, "res", "b.txt"), protokollText(1));
    expect((await cli(["parse", "res", "--out", "res-out"])).code).toBe(0);
    const before = statSync(join(tmp, "res", "b.txt"));
    writeFileSync(join(tmp, "res", "b.txt"), protokollText(2));
    utimesSync(join(tmp, "res", "b.txt"), before.atime, new Date(before.mtimeMs - 3_600_000));
    const again = await cli(["parse", "res", "--out", "res-out", "--resume"]);
    expect(again.code).toBe(0);
    const manifest = readJson<Manifest>("res-out", "manifest.json");
    expect(manifest.inputs.map((e) => e.status)).toEqual(["skipped", "ok"]);
    const b = readJson<Document>("res-out", "documents", "b.json");
    expect(b.source.sha256).toBe(manifest.inputs[1]!.sha256);
    expect(b.items[0]!.paragraph).toBe(21);

    // An output made by another version of protokoll is not trusted.
    const path = join(tmp, "res-out", "manifest.json");
    writeFileSync(path, readFileSync(path, "utf8").replace(/"generator": "protokoll [^"]+"/, '"generator": "protokoll 0.0.0-old"'));
    const newer = await cli(["parse", "res", "--out", "res-out", "--resume"]);
    expect(readJson<Manifest>("res-out", "manifest.json").summary).toMatchObject({ ok: 2, skipped: 0 });
    expect(newer.code).toBe(0);

    // --force parses everything again.
    await cli(["parse", "res", "--out", "res-out", "--resume", "--force"]);
    expect(readJson<Manifest>("res-out", "manifest.json").summary).toMatchObject({ ok: 2, skipped: 0 });
  });

  it("keeps the documents of a run of the other format, rewritten as this run writes them", async () => {
    mkdirSync(join(tmp, "switch"));
    writeFileSync(join(tmp, "switch", "a.txt"), protokollText(3));
    writeFileSync(join(tmp, "switch", "b.txt"), protokollText(4));
    expect((await cli(["parse", "switch", "--out", "switch-json"])).code).toBe(0);
    expect((await cli(["parse", "switch", "--out", "switch-jsonl", "--format", "jsonl"])).code).toBe(0);
    const json = filesBelow(join(tmp, "switch-json", "documents")).map((f) => readFileSync(join(tmp, "switch-json", "documents", f), "utf8"));
    const jsonl = readFileSync(join(tmp, "switch-jsonl", "documents.jsonl"), "utf8");

    // json -> jsonl: nothing parsed again, documents.jsonl as a jsonl run writes it.
    const toJsonl = await cli(["parse", "switch", "--out", "switch-json", "--format", "jsonl", "--resume"]);
    expect(toJsonl.code, toJsonl.stderr).toBe(0);
    expect(readJson<Manifest>("switch-json", "manifest.json").summary).toMatchObject({ ok: 0, skipped: 2 });
    expect(readFileSync(join(tmp, "switch-json", "documents.jsonl"), "utf8")).toBe(jsonl);
    expect(filesBelow(join(tmp, "switch-json"))).toEqual(["documents.jsonl", "errors.jsonl", "manifest.json"]);

    // jsonl -> json: the lines become pretty files again, byte for byte as a json run writes them.
    const toJson = await cli(["parse", "switch", "--out", "switch-jsonl", "--resume"]);
    expect(toJson.code, toJson.stderr).toBe(0);
    expect(readJson<Manifest>("switch-jsonl", "manifest.json").summary).toMatchObject({ ok: 0, skipped: 2 });
    expect(filesBelow(join(tmp, "switch-jsonl", "documents")).map((f) => readFileSync(join(tmp, "switch-jsonl", "documents", f), "utf8"))).toEqual(json);
  });

  it("moves an output of the flat layout of earlier versions into documents/", async () => {
    mkdirSync(join(tmp, "flat"));
    copyFileSync(GOOD_TXT, join(tmp, "flat", "a.txt"));
    await cli(["parse", "flat", "--out", "flat-out"]);
    const path = join(tmp, "flat-out", "manifest.json");
    // Rewrite the run as an earlier version laid it out: DIR/a.json beside the manifest.
    const doc = readFileSync(join(tmp, "flat-out", "documents", "a.json"));
    rmSync(join(tmp, "flat-out", "documents"), { recursive: true });
    writeFileSync(join(tmp, "flat-out", "a.json"), doc);
    writeFileSync(path, readFileSync(path, "utf8").replace('"output": "documents/a.json"', '"output": "a.json"'));
    const again = await cli(["parse", "flat", "--out", "flat-out", "--resume"]);
    expect(again.code).toBe(0);
    expect(readJson<Manifest>("flat-out", "manifest.json").inputs[0]).toMatchObject({ status: "skipped", output: "documents/a.json" });
    expect(readFileSync(join(tmp, "flat-out", "documents", "a.json"))).toEqual(doc);
    expect(existsSync(join(tmp, "flat-out", "a.json"))).toBe(false);
  });
});

describe("inputs and outputs", () => {
  it("keeps an archive's tree under --out, so equal names in different folders do not collide", async () => {
    mkdirSync(join(tmp, "archive", "2025-02"), { recursive: true });
    mkdirSync(join(tmp, "archive", "2025-03"), { recursive: true });
    copyFileSync(GOOD_PDF, join(tmp, "archive", "2025-02", "protokoll.pdf"));
    copyFileSync(GOOD_TXT, join(tmp, "archive", "2025-03", "protokoll.txt"));
    const result = await cli(["parse", "archive", "--out", "tree", "--jobs", "2", "-v"]);
    expect(result.code, result.stderr).toBe(0);
    expect(filesBelow(join(tmp, "tree"))).toEqual([
      "documents/2025-02/protokoll.json",
      "documents/2025-03/protokoll.json",
      "errors.jsonl",
      "manifest.json",
    ]);
    // -v: a line per input with its status.
    expect(result.stderr).toContain(`protokoll: ${join("archive", "2025-02", "protokoll.pdf")}: ok (complete), 3 page(s) -> documents/2025-02/protokoll.json`);
  });

  it("--meetings split writes a jsonl line per meeting a file holds; by default one document; split needs jsonl", async () => {
    const docs = fc.sample(documentArb({ kinds: ["protokoll"], maxItems: 2 }), { numRuns: 2, seed: 7 });
    writeFileSync(join(tmp, "two-meetings.txt"), renderMeetingsText(docs));
    const expected = expectedMeetings(docs, "tabell", "text");
    const split = await cli(["parse", "two-meetings.txt", "--format", "jsonl", "--meetings", "split", "--out", "meetings"]);
    expect(split.code, split.stderr).toBe(0);
    const lines = readFileSync(join(tmp, "meetings", "documents.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Document);
    expect(lines.map((d) => [d.source.file, d.meeting.date, d.items.map((i) => i.paragraph)])).toEqual(
      expected.map((d) => ["two-meetings.txt", d.meeting.date, d.items.map((i) => i.paragraph)]),
    );
    expect(readJson<{ options: { meetings: string } }>("meetings", "manifest.json").options.meetings).toBe("split");
    const one = await cli(["parse", "two-meetings.txt", "--format", "jsonl"]);
    expect(one.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect((JSON.parse(one.stdout) as Document).items.map((i) => i.paragraph)).toEqual(expected.flatMap((d) => d.items.map((i) => i.paragraph)));
    const json = await cli(["parse", "two-meetings.txt", "--meetings", "split"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--meetings split writes a line per meeting: it needs --format jsonl");
  });

  it("counts the pages read by OCR per input, in the summary and in the summary line", { timeout: 240_000 }, async () => {
    const text = readFileSync(new URL("../../fixtures/fullmaktige-utdrag.pdf", import.meta.url));
    mkdirSync(join(tmp, "ocr"));
    writeFileSync(join(tmp, "ocr", "a-text.pdf"), text);
    // A one-page scan: an image and no text layer, so auto OCR reads it.
    writeFileSync(join(tmp, "ocr", "b-scan.pdf"), await scanPdf(new Uint8Array(text), {}, [1]));
    const result = await cli(["parse", "ocr", "--out", "ocr-out", "--jobs", "1", "-v"]);
    expect(result.code, result.stderr).toBe(0);
    const manifest = readJson<Manifest>("ocr-out", "manifest.json");
    expect(manifest.inputs.map((e) => [e.status, e.ocrPages])).toEqual([
      ["ok", 0],
      ["ok", 1],
    ]);
    expect(manifest.summary.ocrPages).toBe(1);
    expect(result.stderr).toContain(`${join("ocr", "b-scan.pdf")}: ok (complete), 1 page(s) (1 by OCR)`);
    expect(result.stderr).toMatch(/ pages \(1 by OCR\), /);
  });

  it("reads --ocr-lang as several OCR languages; one whose model is not installed fails the scan with its install command", async () => {
    const scan = join("ocr", "b-scan.pdf");
    const result = await cli(["parse", scan, "--ocr-lang", "swe,xyz"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${scan}: OCR_UNAVAILABLE:`);
    expect(result.stderr).toMatch(/npm install @tesseract\.js-data\/xyz\n/);
    // A text PDF needs no OCR, so its languages are never looked for.
    expect((await cli(["parse", join("ocr", "a-text.pdf"), "--ocr-lang", "swe,xyz"])).code).toBe(0);
  });

  it("reads a PDF or a text from stdin, by `-` or /dev/stdin, once", { timeout: 180_000 }, async () => {
    const pdf = readFileSync(GOOD_PDF);
    const fromPdf = await cli(["parse", "-"], pdf);
    expect(fromPdf.code, fromPdf.stderr).toBe(0);
    expect(JSON.parse(fromPdf.stdout)).toMatchObject({ source: { textSource: "pdf", file: null } });
    const text = readFileSync(GOOD_TXT);
    const fromText = await cli(["parse", "-", "-q"], text);
    expect(fromText.code).toBe(0);
    expect(fromText.stderr).toBe("");
    const doc = JSON.parse(fromText.stdout) as Document;
    expect(doc.source).toMatchObject({ textSource: "text", file: null });
    expect(doc.items.length).toBeGreaterThan(0);
    const devStdin = await cli(["parse", "/dev/stdin"], text);
    expect(devStdin.code, devStdin.stderr).toBe(0);
    expect(JSON.parse(devStdin.stdout)).toMatchObject({ items: doc.items, source: { sha256: doc.source.sha256, file: null } });
  });

  it("reads Windows-1252 and UTF-16 text, with a diagnostic, or as --encoding says", async () => {
    const text = readFileSync(GOOD_TXT, "utf8");
    mkdirSync(join(tmp, "enc"));
    writeFileSync(join(tmp, "enc", "latin.txt"), Buffer.from(text.replace(/[^\x00-\xff]/g, "?"), "latin1"));
    writeFileSync(join(tmp, "enc", "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const result = await cli(["parse", "enc", "--format", "jsonl"]);
    expect(result.code).toBe(0);
    const [latin, utf16] = result.stdout.trim().split("\n").map((l) => JSON.parse(l) as Document);
    expect(latin!.body).toBe(utf16!.body);
    expect(latin!.body).toMatch(/[åäö]/);
    expect(latin!.diagnostics[0]).toMatchObject({ code: "TEXT_ENCODING", severity: "warning" });
    expect(utf16!.diagnostics[0]).toMatchObject({ code: "TEXT_ENCODING", severity: "info" });
    expect(latin!.source.file).toBe(join("enc", "latin.txt"));
    const forced = await cli(["parse", join("enc", "latin.txt"), "--encoding", "windows-1252"]);
    expect((JSON.parse(forced.stdout) as Document).body).toBe(latin!.body);
  });

  it("exits 1 with --fail-on when a document parsed partly or failed", { timeout: 180_000 }, async () => {
    mkdirSync(join(tmp, "fail"));
    writeFileSync(join(tmp, "fail", "nothing.txt"), "Just a line of text that holds no meeting at all.\n");
    const plain = await cli(["parse", join("fail", "nothing.txt")]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/documents: 0 complete, 0 partial, 1 failed/);
    expect((await cli(["parse", join("fail", "nothing.txt"), "--fail-on", "failed"])).code).toBe(1);
    expect((await cli(["parse", join("fail", "nothing.txt"), "--fail-on", "partial"])).code).toBe(1);
    expect((await cli(["parse", GOOD_TXT, "--fail-on", "partial"])).code).toBe(0);
  });
});

describe("usage errors", () => {
  it("names the closest option for an unknown one, in one line", async () => {
    const result = await cli(["parse", "x.pdf", "--ouput", "dir"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('protokoll: unknown option --ouput; did you mean --out? (protokoll parse --help lists the options)\n');
  });

  it("checks --out before any work and says what is wrong in a sentence", async () => {
    writeFileSync(join(tmp, "a-file"), "");
    const onFile = await cli(["parse", GOOD_TXT, "--out", join("a-file", "sub")]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/^protokoll: The --out folder .* cannot be used: .*a-file is a file, not a folder\.\n$/);
    if (existsSync("/proc/self")) {
      const proc = await cli(["parse", GOOD_TXT, "--out", "/proc/x"]);
      expect(proc.code).toBe(2);
      expect(proc.stderr).toMatch(/^protokoll: The --out folder \/proc\/x cannot be made/);
    }
  });
});
