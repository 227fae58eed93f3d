/**
 * `protokoll parse`: find the inputs, parse them in the worker pool, write the
 * outputs, and account for every input in `errors.jsonl` and `manifest.json`.
 *
 * Determinism: inputs are sorted, documents are serialised by the worker in a
 * fixed format, and anything written in input order (jsonl, errors, manifest)
 * is reordered as results arrive; so `--jobs 1` and `--jobs 8` write the same bytes.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, totalmem } from "node:os";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { glob, isDynamicPattern } from "tinyglobby";
import type { DocumentKind } from "../schema/index.js";
import type { ParseOptions } from "../parse.js";
import { EXIT_FAILURES, EXIT_OK, UsageError } from "./errors.js";
import { WorkerPool } from "./pool.js";
import { ProgressLine, formatSummary } from "./progress.js";
import type { OutputFormat, TaskResult } from "./protocol.js";

export interface ParseCommandOptions {
  inputs: string[];
  out: string | null;
  format: OutputFormat;
  jobs: number;
  resume: boolean;
  strict: boolean;
  maxPages: number | null;
  timeoutSeconds: number;
  memoryMb: number;
  kind: DocumentKind | null;
  /** OCR mode for PDFs (ParseOptions.ocr). */
  ocr: "auto" | "off" | "force";
}

export interface ParseIo {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  workerUrl: URL;
  version: string;
}

/** One file to parse: `path` as shown and recorded (relative when given relative), `abs` to open. */
export interface InputFile {
  path: string;
  abs: string;
}

export type InputStatus = "ok" | "failed" | "skipped";

export interface ManifestEntry {
  file: string;
  status: InputStatus;
  /** Of the input file's bytes, also for `.txt` (where the document's own `source.sha256` is null). */
  sha256: string | null;
  pages: number | null;
  /** Relative to the manifest's folder. */
  output: string | null;
  /** 1-based line in `output` when the format is jsonl. */
  line: number | null;
  error: string | null;
  message: string | null;
}

export interface Manifest {
  manifestVersion: 1;
  generator: string;
  options: { format: OutputFormat; strict: boolean; maxPages: number | null; timeoutSeconds: number; kind: DocumentKind | null };
  summary: { total: number; ok: number; failed: number; skipped: number; pages: number };
  inputs: ManifestEntry[];
}

export const MANIFEST_FILE = "manifest.json";
export const ERRORS_FILE = "errors.jsonl";
const JSONL_FILE = "documents.jsonl";
/** The worker gets this long past `--timeout` to give up by itself (TIME_LIMIT_EXCEEDED) before it is killed. */
const KILL_GRACE_MS = 10_000;
const INPUT_EXTENSIONS = new Set([".pdf", ".txt"]);

/** Default `--jobs`: one worker per core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Default `--max-memory`: 2 GiB of heap per worker, less when the workers
 * together would claim more than 3/4 of the machine's memory (the OS would then
 * kill the whole process, which is exactly what the per-worker limit prevents).
 */
export function defaultMemoryMb(jobs: number): number {
  const share = Math.floor((totalmem() / 2 ** 20) * 0.75 / Math.max(1, jobs));
  return Math.max(256, Math.min(2048, share));
}

/** Expand files, folders (recursively: *.pdf, *.txt) and glob patterns, sorted and without duplicates. */
async function discoverInputs(args: string[], cwd: string): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const add = (abs: string, shown: string) => {
    if (!found.has(abs)) found.set(abs, { path: shown, abs });
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const info = await stat(abs).catch(() => null);
    if (info?.isDirectory()) {
      const files = await glob("**/*.{pdf,txt}", { cwd: abs, absolute: true, caseSensitiveMatch: false });
      for (const file of files) add(resolve(file), join(arg, relative(abs, file)));
    } else if (info) {
      // A file named explicitly is taken whatever its extension: the user asked for it.
      add(abs, arg);
    } else if (isDynamicPattern(arg)) {
      const files = (await glob(arg, { cwd, absolute: true })).filter((f) => INPUT_EXTENSIONS.has(extname(f).toLowerCase()));
      if (files.length === 0) throw new UsageError(`the pattern ${arg} matches no .pdf or .txt file`, "parse");
      for (const file of files) add(resolve(file), isAbsolute(arg) ? resolve(file) : relative(cwd, file));
    } else {
      throw new UsageError(`no such file or folder: ${arg}`, "parse");
    }
  }
  // Code-unit order, not locale order: the same on every machine.
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `foo.pdf` -> `foo.json`: the output name the evaluation and `--resume` rely on. */
function outputName(input: InputFile): string {
  return basename(input.path, extname(input.path)) + ".json";
}

/** Refuse, before any work, a run whose outputs would overwrite each other or the manifest. */
function checkOutputNames(inputs: InputFile[]): void {
  const byName = new Map<string, string[]>();
  for (const input of inputs) {
    const name = outputName(input);
    byName.set(name, [...(byName.get(name) ?? []), input.path]);
  }
  const clashes = [...byName].filter(([name, files]) => files.length > 1 || name === MANIFEST_FILE);
  if (clashes.length === 0) return;
  const lines = clashes.map(([name, files]) => `  ${name} <- ${files.join(", ")}`);
  throw new UsageError(
    `these inputs would write the same file in the --out folder:\n${lines.join("\n")}\n` +
      `Rename them or parse them into separate --out folders.`,
    "parse",
  );
}

function checkCombination(options: ParseCommandOptions, inputCount: number): void {
  if (options.resume && options.out === null) {
    throw new UsageError("--resume needs --out DIR (it looks for the outputs there)", "parse");
  }
  if (options.resume && options.format === "jsonl") {
    throw new UsageError("--resume works with --format json only (one output file per input to compare with)", "parse");
  }
  if (options.out === null && options.format === "json" && inputCount > 1) {
    throw new UsageError(
      `${inputCount} inputs: use --out DIR for one JSON file each, or --format jsonl for one document per line on stdout`,
      "parse",
    );
  }
}

/** Run `protokoll parse`; returns the exit code. Throws {@link UsageError} before doing any work. */
export async function runParse(options: ParseCommandOptions, io: ParseIo): Promise<number> {
  const inputs = await discoverInputs(options.inputs, io.cwd);
  if (inputs.length === 0) {
    throw new UsageError(`no .pdf or .txt files found in ${options.inputs.join(", ")}`, "parse");
  }
  checkCombination(options, inputs.length);
  const outDir = options.out === null ? null : resolve(io.cwd, options.out);
  if (outDir !== null) {
    if (options.format === "json") checkOutputNames(inputs);
    await mkdir(outDir, { recursive: true });
  }

  const started = Date.now();
  const parseOptions: ParseOptions = {
    strict: options.strict,
    timeoutMs: options.timeoutSeconds * 1000,
    ...(options.maxPages !== null && { maxPages: options.maxPages }),
    ...(options.kind !== null && { kind: options.kind }),
    ocr: options.ocr,
  };
  const jobs = Math.max(1, Math.min(options.jobs, inputs.length));
  const pool = new WorkerPool({
    workerUrl: io.workerUrl,
    size: jobs,
    timeoutMs: options.timeoutSeconds * 1000 + KILL_GRACE_MS,
    memoryMb: options.memoryMb,
  });
  const progress = new ProgressLine(io.stderr, inputs.length);
  const ordered = openOrderedSink(options, outDir, io.stdout);
  const entries: ManifestEntry[] = new Array(inputs.length);
  const outputFor = (input: InputFile): string | null =>
    outDir === null ? null : options.format === "json" ? outputName(input) : JSONL_FILE;

  const processInput = async (index: number): Promise<void> => {
    const input = inputs[index]!;
    const outPath = outDir !== null && options.format === "json" ? join(outDir, outputName(input)) : null;
    const hashing = hashFile(input.abs);
    const previous = options.resume && outPath !== null ? await upToDateOutput(input.abs, outPath) : null;
    if (previous !== null) {
      entries[index] = entry(input, "skipped", await hashing, previous.pages, outputFor(input));
      ordered.put(index, null);
      progress.tick(true, 0);
      return;
    }
    const [sha256, result] = await Promise.all([
      hashing,
      pool.run({ file: input.abs, options: parseOptions, format: options.format }),
    ]);
    if (result.ok) {
      if (outPath !== null) await writeAtomic(outPath, result.text);
      ordered.put(index, result.text);
      entries[index] = entry(input, "ok", sha256, result.pages, outputFor(input));
    } else {
      // A stale output from an earlier run must not pass for this input's result.
      if (outPath !== null) await rm(outPath, { force: true });
      ordered.put(index, null);
      entries[index] = { ...entry(input, "failed", sha256, null, null), error: result.code, message: result.message };
      if (outDir === null) progress.log(`protokoll: ${input.path}: ${result.code}: ${result.message}`);
    }
    progress.tick(result.ok, result.ok ? result.pages : 0);
  };

  try {
    let next = 0;
    const lane = async () => {
      while (next < inputs.length) await processInput(next++);
    };
    await Promise.all(Array.from({ length: jobs }, lane));
    await ordered.close();
  } finally {
    await pool.close();
  }

  if (outDir !== null && options.format === "jsonl") numberLines(entries);
  const summary = summarise(entries);
  if (outDir !== null) await writeRunRecords(outDir, entries, options, summary, io.version);
  progress.clear();
  io.stderr.write(
    `protokoll: ${formatSummary({ ...summary, elapsedMs: Date.now() - started })}` +
      (outDir !== null && summary.failed > 0 ? ` (errors: ${join(options.out!, ERRORS_FILE)})` : "") +
      "\n",
  );
  return summary.failed > 0 ? EXIT_FAILURES : EXIT_OK;
}

function entry(
  input: InputFile,
  status: InputStatus,
  sha256: string | null,
  pages: number | null,
  output: string | null,
): ManifestEntry {
  return { file: input.path, status, sha256, pages, output, line: null, error: null, message: null };
}

/** The jsonl line of each document: documents are written in input order, one line each. */
function numberLines(entries: ManifestEntry[]): void {
  let line = 0;
  for (const e of entries) if (e.status === "ok") e.line = ++line;
}

function summarise(entries: ManifestEntry[]): Manifest["summary"] {
  const count = (status: InputStatus) => entries.filter((e) => e.status === status).length;
  const pages = entries.reduce((sum, e) => sum + (e.status === "ok" ? (e.pages ?? 0) : 0), 0);
  return { total: entries.length, ok: count("ok"), failed: count("failed"), skipped: count("skipped"), pages };
}

async function writeRunRecords(
  outDir: string,
  entries: ManifestEntry[],
  options: ParseCommandOptions,
  summary: Manifest["summary"],
  version: string,
): Promise<void> {
  const errors = entries
    .filter((e) => e.status === "failed")
    .map((e) => JSON.stringify({ file: e.file, code: e.error, message: e.message }) + "\n");
  // Written on every run, empty or not, so errors of an earlier run never linger.
  await writeAtomic(join(outDir, ERRORS_FILE), errors.join(""));
  const manifest: Manifest = {
    manifestVersion: 1,
    generator: `protokoll ${version}`,
    options: {
      format: options.format,
      strict: options.strict,
      maxPages: options.maxPages,
      timeoutSeconds: options.timeoutSeconds,
      kind: options.kind,
    },
    summary,
    inputs: entries,
  };
  await writeAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
}

/**
 * Where documents go in input order: stdout (no --out), `documents.jsonl`
 * (--out with jsonl), or nowhere (--out with json: one file per input, written
 * as it finishes). Results arrive in completion order; each is held until all
 * before it are out.
 */
interface OrderedSink {
  put(index: number, text: string | null): void;
  close(): Promise<void>;
}

function openOrderedSink(options: ParseCommandOptions, outDir: string | null, stdout: NodeJS.WritableStream): OrderedSink {
  if (outDir !== null && options.format === "json") return { put: () => {}, close: async () => {} };
  const target = outDir !== null ? join(outDir, JSONL_FILE) : null;
  const temp = target !== null ? tempPath(target) : null;
  const stream = temp !== null ? createWriteStream(temp) : stdout;
  const waiting = new Map<number, string | null>();
  let next = 0;
  return {
    put(index, text) {
      waiting.set(index, text);
      while (waiting.has(next)) {
        const ready = waiting.get(next)!;
        waiting.delete(next++);
        if (ready !== null) stream.write(ready);
      }
    },
    async close() {
      if (temp === null || target === null) return;
      await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
      await rename(temp, target);
    },
  };
}

/** The earlier output of `--resume`, when it is newer than the input and a readable document. */
async function upToDateOutput(input: string, output: string): Promise<{ pages: number } | null> {
  const [inputStat, outputStat] = await Promise.all([stat(input).catch(() => null), stat(output).catch(() => null)]);
  if (!inputStat || !outputStat || outputStat.mtimeMs <= inputStat.mtimeMs) return null;
  try {
    const doc = JSON.parse(await readFile(output, "utf8")) as { source?: { pages?: unknown } };
    const pages = doc.source?.pages;
    // A half-written or foreign file is not a result: parse the input again.
    return typeof pages === "number" ? { pages } : null;
  } catch {
    return null;
  }
}

/** SHA-256 of a file's bytes, streamed; null when it cannot be read (its parse fails and says why). */
async function hashFile(path: string): Promise<string | null> {
  const hash = createHash("sha256");
  try {
    await pipeline(createReadStream(path), hash);
    return hash.digest("hex");
  } catch {
    return null;
  }
}

/** Write via a temporary file and rename, so an interrupted run never leaves half a file that --resume would trust. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = tempPath(path);
  await writeFile(temp, text);
  await rename(temp, path);
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}
