/**
 * `protokoll parse`: find the inputs, read each once, parse them in the worker
 * pool, write the outputs, and account for every input: in the journal as it
 * finishes, in `errors.jsonl` and `manifest.json` at the end.
 *
 * With `--out`, every document is a file of its own as soon as it is parsed:
 * its output (`--format json`) or its part of `documents.jsonl`, kept in the
 * hidden folder `.protokoll-parts/` until the run ends (`--format jsonl`). So a
 * killed run of either format leaves files the journal accounts for, and
 * `--resume` goes on from them.
 *
 * Determinism: inputs are sorted, documents are serialised by the worker in a
 * fixed format, and anything written in input order (jsonl, errors, manifest)
 * is reordered as results arrive; so `--jobs 1` and `--jobs 8` write the same bytes.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { availableParallelism, totalmem } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { createInterface } from "node:readline";
import { DEFAULT_OCR_MS_PER_PAGE, DEFAULT_TIMEOUT_MS } from "../budget.js";
import type { ParseFileOptions } from "../input.js";
import type { DocumentKind } from "../schema/index.js";
import type { TextEncoding } from "../text/decode.js";
import { EXIT_FAILURES, EXIT_OK, UsageError } from "./errors.js";
import { prepareFolder, reason, TEMP_FILE, tempPath, writeAtomic } from "./files.js";
import { Journal, JOURNAL_FILE, readPrevious, type PreviousEntry } from "./journal.js";
import {
  DOCUMENTS_DIR,
  ERRORS_FILE,
  JSONL_FILE,
  MANIFEST_FILE,
  summarise,
  writeRunRecords,
  type InputStatus,
  type Manifest,
  type ManifestEntry,
  type ParseStatus,
} from "./manifest.js";
import { WorkerPool } from "./pool.js";
import { ProgressLine, formatSummary } from "./progress.js";
import type { MeetingsMode, OutputFormat, TaskResult } from "./protocol.js";
import { discoverInputs, type InputFile } from "./scan.js";
import { serialise } from "./serialise.js";

export { ERRORS_FILE, MANIFEST_FILE, type Manifest, type ManifestEntry } from "./manifest.js";

export interface ParseCommandOptions {
  inputs: string[];
  out: string | null;
  format: OutputFormat;
  jobs: number;
  resume: boolean;
  force: boolean;
  strict: boolean;
  maxPages: number | null;
  /** Time per file; null: the library's default, 60 s plus 20 s for each page read by OCR. */
  timeoutSeconds: number | null;
  memoryMb: number;
  kind: DocumentKind | null;
  encoding: TextEncoding;
  /** Exit 1 when a document's parseStatus is this or worse. */
  failOn: Exclude<ParseStatus, "complete"> | null;
  /** quiet: no progress, no summary; verbose: a line per input. */
  verbosity: "quiet" | "normal" | "verbose";
  progress: boolean;
  /** OCR mode for PDFs (ParseOptions.ocr). */
  ocr: "auto" | "off" | "force";
  /** OCR languages (ParseOptions.ocrLanguages); null: the library's default. */
  ocrLanguages: string[] | null;
  /** A file that holds several meetings: one document (`one`), or a jsonl line per meeting (`split`). */
  meetings: MeetingsMode;
}

export interface ParseIo {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  workerUrl: URL;
  version: string;
}

/** The worker gets this long past `--timeout` to give up by itself (TIME_LIMIT_EXCEEDED) before it is killed. */
const KILL_GRACE_MS = 10_000;

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

/** `2025-02/protokoll.pdf` -> `documents/2025-02/protokoll.json`: the input's tree below the argument that found it. */
export function outputName(input: InputFile): string {
  return `${DOCUMENTS_DIR}/${input.below.replace(/\.[^./]*$/, "")}.json`;
}

/** Where a document of a `--format jsonl --out` run waits for the end of the run: hidden, so no scan or glob over DIR reads it. */
export const PARTS_DIR = ".protokoll-parts";

/** The part file of an input: named by its path as given, which is what `--resume` knows an input by. */
export function partName(path: string): string {
  return `${PARTS_DIR}/${createHash("sha256").update(path).digest("hex").slice(0, 32)}.json`;
}

/** Refuse, before any work, a run whose outputs would overwrite each other (on a case-blind disk too). */
function checkOutputNames(inputs: InputFile[]): void {
  const byName = new Map<string, string[]>();
  for (const input of inputs) {
    if (input.problem) continue;
    const name = outputName(input).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), input.path]);
  }
  const clashes = [...byName].filter(([, files]) => files.length > 1);
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
  if (options.meetings === "split" && options.format !== "jsonl") {
    throw new UsageError("--meetings split writes a line per meeting: it needs --format jsonl", "parse");
  }
  if (options.meetings === "split" && options.resume) {
    throw new UsageError("--meetings split cannot --resume (an input may have made several lines): run it again with --force", "parse");
  }
  if (options.out === null && options.format === "json" && inputCount > 1) {
    throw new UsageError(
      `${inputCount} inputs: use --out DIR for one JSON file each, or --format jsonl for one document per line on stdout`,
      "parse",
    );
  }
}

/** Run `protokoll parse`; returns the exit code. Throws {@link UsageError} or a FolderError before doing any work. */
export async function runParse(options: ParseCommandOptions, io: ParseIo): Promise<number> {
  const inputs = await discoverInputs(options.inputs, io.cwd);
  if (inputs.length === 0) {
    throw new UsageError(`no .pdf or .txt files found in ${options.inputs.join(", ")}`, "parse");
  }
  checkCombination(options, inputs.length);
  const outDir = options.out === null ? null : resolve(io.cwd, options.out);
  const generator = `protokoll ${io.version}`;
  let previous = new Map<string, PreviousEntry>();
  let journal: Journal | null = null;
  if (outDir !== null) {
    await prepareFolder(outDir, "--out");
    if (options.format === "json") checkOutputNames(inputs);
    const earlier = await readPrevious(outDir, MANIFEST_FILE);
    if (earlier.unfinished > 0 && !options.resume && !options.force) {
      throw new UsageError(
        `${options.out} holds a run that did not finish (${earlier.unfinished} inputs done, see ${JOURNAL_FILE}): ` +
          `add --resume to go on from there, or --force to parse everything again`,
        "parse",
      );
    }
    await removeTempFiles(outDir);
    if (options.resume && !options.force) {
      previous = earlier.byFile;
      await splitJsonl(outDir, previous, inputs);
    } else {
      await rm(join(outDir, PARTS_DIR), { recursive: true, force: true });
    }
    journal = await Journal.open(outDir, generator, options.resume);
  }
  // Read before the first worker starts: stdin is there once, and a usage error must come before any work.
  const stdin = inputs.some((i) => i.abs === null) ? await readAll(io.stdin) : null;

  const started = Date.now();
  const parseOptions: ParseFileOptions = {
    strict: options.strict,
    ...(options.timeoutSeconds !== null && { timeoutMs: options.timeoutSeconds * 1000 }),
    encoding: options.encoding,
    ...(options.maxPages !== null && { maxPages: options.maxPages }),
    ...(options.kind !== null && { kind: options.kind }),
    ocr: options.ocr,
    ...(options.ocrLanguages !== null && { ocrLanguages: options.ocrLanguages }),
  };
  const jobs = Math.max(1, Math.min(options.jobs, inputs.length));
  const pool = new WorkerPool({
    workerUrl: io.workerUrl,
    size: jobs,
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_MS / 1000) * 1000 + KILL_GRACE_MS,
    untilSilent: options.timeoutSeconds === null,
    memoryMb: options.memoryMb,
  });
  const progress = new ProgressLine(io.stderr, inputs.length, options.progress && options.verbosity !== "quiet" && io.stderr.isTTY === true);
  const ordered = openOrderedSink(outDir, io.stdout);
  const entries: ManifestEntry[] = new Array(inputs.length);

  const finishInput = async (index: number, entry: ManifestEntry, text: string | null): Promise<void> => {
    const input = inputs[index]!;
    entries[index] = entry;
    ordered.put(index, text);
    // Stale first, journal second: a kill in between leaves the input unjournalled, so it is done again.
    if (outDir !== null) await removeStaleOutput(outDir, previous.get(input.path)?.entry.output ?? null, entry.output);
    await journal?.append(entry);
    if (entry.status === "failed" && (outDir === null || options.verbosity === "verbose")) {
      progress.log(`protokoll: ${input.path}: ${entry.error}: ${entry.message}`);
    } else if (options.verbosity === "verbose") {
      const ocr = entry.ocrPages ? ` (${entry.ocrPages} by OCR)` : "";
      const pages = entry.pages === null ? "" : `, ${entry.pages} page(s)${ocr}`;
      const output = entry.output === null ? null : options.format === "jsonl" ? JSONL_FILE : entry.output;
      progress.log(`protokoll: ${input.path}: ${entry.status} (${entry.parseStatus})${pages}${output ? ` -> ${output}` : ""}`);
    }
    const parsed = entry.status === "ok";
    progress.tick(entry.status !== "failed", parsed ? (entry.pages ?? 0) : 0, parsed ? (entry.ocrPages ?? 0) : 0);
  };

  const processInput = async (index: number): Promise<void> => {
    const input = inputs[index]!;
    const failed = (sha256: string | null, code: string, message: string) =>
      finishInput(index, { ...blankEntry(input.path, "failed", sha256), error: code, message }, null);
    if (input.problem) return failed(null, input.problem.code, input.problem.message);
    let bytes: Uint8Array;
    try {
      bytes = input.abs === null ? stdin! : await readFile(input.abs);
    } catch (error) {
      return failed(null, "FILE_READ_FAILED", `${input.path} cannot be read: ${reason(error)}.`);
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = outDir === null ? null : options.format === "json" ? outputName(input) : partName(input.path);
    const kept = target !== null ? await keptOutput(outDir!, previous.get(input.path), sha256, generator, target, options.format) : null;
    if (kept !== null) return finishInput(index, { ...kept, status: "skipped", output: target, line: null }, null);

    const result: TaskResult = await pool.run({
      bytes,
      file: input.abs === null ? null : input.path,
      detect: input.detect,
      options: parseOptions,
      format: options.format,
      meetings: options.meetings,
    });
    if (!result.ok) {
      // A stale output from an earlier run must not pass for this input's result.
      if (target !== null) await rm(join(outDir!, target), { force: true });
      return failed(sha256, result.code, result.message);
    }
    if (target !== null) {
      const path = join(outDir!, target);
      await mkdir(dirname(path), { recursive: true });
      await writeAtomic(path, result.text);
    }
    await finishInput(
      index,
      {
        ...blankEntry(input.path, "ok", sha256),
        parseStatus: result.parseStatus,
        pages: result.pages,
        ocrPages: result.ocrPages,
        diagnostics: result.diagnostics,
        output: target,
      },
      result.text,
    );
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
    await journal?.close();
  }

  if (outDir !== null && options.format === "jsonl") await joinParts(outDir, entries);
  const summary = summarise(entries);
  if (outDir !== null) {
    const manifest: Manifest = {
      manifestVersion: 2,
      generator,
      options: {
        format: options.format,
        strict: options.strict,
        maxPages: options.maxPages,
        timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_MS / 1000,
        timeoutPerOcrPageSeconds: options.timeoutSeconds === null ? DEFAULT_OCR_MS_PER_PAGE / 1000 : 0,
        kind: options.kind,
        encoding: options.encoding,
        meetings: options.meetings,
      },
      summary,
      inputs: entries,
    };
    await writeRunRecords(outDir, manifest);
    await journal?.finish();
    await rm(join(outDir, PARTS_DIR), { recursive: true, force: true });
  }
  progress.clear();
  if (options.verbosity !== "quiet") {
    io.stderr.write(
      `protokoll: ${formatSummary({ ...summary, elapsedMs: Date.now() - started })}` +
        (outDir !== null && summary.failed > 0 ? ` (errors: ${join(options.out!, ERRORS_FILE)})` : "") +
        "\n",
    );
  }
  const badDocuments =
    options.failOn === "partial" ? summary.parseStatus.partial + summary.parseStatus.failed : options.failOn === "failed" ? summary.parseStatus.failed : 0;
  return summary.failed > 0 || badDocuments > 0 ? EXIT_FAILURES : EXIT_OK;
}

function blankEntry(file: string, status: InputStatus, sha256: string | null): ManifestEntry {
  return {
    file,
    status,
    parseStatus: null,
    sha256,
    pages: null,
    ocrPages: null,
    diagnostics: null,
    output: null,
    line: null,
    error: null,
    message: null,
  };
}

/**
 * `--resume`: the earlier entry of an input, when its output can stand for this
 * run's: made from the same bytes (sha256) by the same protokoll version, and
 * still a readable document of those bytes. An output at another place (the
 * layout of an earlier version, or the other format) is moved to `target`, in
 * this run's format.
 */
async function keptOutput(
  outDir: string,
  earlier: PreviousEntry | undefined,
  sha256: string,
  generator: string,
  target: string,
  format: OutputFormat,
): Promise<ManifestEntry | null> {
  if (!earlier || earlier.generator !== generator) return null;
  const e = earlier.entry;
  if ((e.status !== "ok" && e.status !== "skipped") || e.sha256 !== sha256 || e.output === null) return null;
  // One document per file only: documents.jsonl was split into parts before (splitJsonl).
  if (!e.output.endsWith(".json") || !isInside(outDir, e.output)) return null;
  const from = join(outDir, e.output);
  let text: string;
  let doc: { source?: { pages?: unknown; sha256?: unknown } };
  try {
    text = await readFile(from, "utf8");
    doc = JSON.parse(text) as typeof doc;
  } catch {
    return null;
  }
  // A foreign or edited file is not a result: parse the input again.
  if (typeof doc.source?.pages !== "number" || doc.source.sha256 !== sha256) return null;
  const wanted = serialise(doc, format);
  if (e.output !== target || text !== wanted) {
    const to = join(outDir, target);
    await mkdir(dirname(to), { recursive: true });
    await writeAtomic(to, wanted);
    if (to !== from) await rm(from, { force: true });
  }
  return e;
}

/**
 * `--resume` after a finished `--format jsonl` run: the documents it made are
 * lines of documents.jsonl. Each line that an input of this run may keep
 * becomes that input's part file again, so kept and newly parsed documents are
 * joined alike at the end. A line that is not a document of the input's bytes
 * (an edited or replaced file) is left, and its input parsed again.
 */
async function splitJsonl(outDir: string, previous: Map<string, PreviousEntry>, inputs: InputFile[]): Promise<void> {
  const byLine = new Map<number, string>();
  for (const { path } of inputs) {
    const e = previous.get(path)?.entry;
    if (e?.output === JSONL_FILE && e.line !== null && (e.status === "ok" || e.status === "skipped")) byLine.set(e.line, path);
  }
  if (byLine.size === 0) return;
  await mkdir(join(outDir, PARTS_DIR), { recursive: true });
  const lines = createInterface({ input: createReadStream(join(outDir, JSONL_FILE)), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      const path = byLine.get(++number);
      if (path === undefined) continue;
      const earlier = previous.get(path)!;
      if (documentSha256(line) !== earlier.entry.sha256) continue;
      const part = partName(path);
      await writeAtomic(join(outDir, part), line + "\n");
      previous.set(path, { ...earlier, entry: { ...earlier.entry, output: part, line: null } });
    }
  } catch {
    // documents.jsonl is gone or unreadable: the inputs not split yet are parsed again.
  }
}

function documentSha256(line: string): unknown {
  try {
    return (JSON.parse(line) as { source?: { sha256?: unknown } }).source?.sha256;
  } catch {
    return undefined;
  }
}

/**
 * `--format jsonl --out`: documents.jsonl from the parts, in input order (a
 * temporary file renamed, as every output); each entry then names its line.
 */
async function joinParts(outDir: string, entries: ManifestEntry[]): Promise<void> {
  const target = join(outDir, JSONL_FILE);
  const temp = tempPath(target);
  const stream = createWriteStream(temp);
  const failed = once(stream, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => {});
  let line = 0;
  for (const entry of entries) {
    if (entry.output === null) continue;
    const text = await readFile(join(outDir, entry.output), "utf8");
    if (!stream.write(text)) await Promise.race([once(stream, "drain"), failed]);
    entry.output = JSONL_FILE;
    entry.line = ++line;
  }
  await Promise.race([new Promise<void>((done) => stream.end(done)), failed]);
  await rename(temp, target);
}

/** An earlier output of this input at another place than this run's (or none now) would be vouched for by nothing. */
async function removeStaleOutput(outDir: string, earlier: string | null, now: string | null): Promise<void> {
  if (earlier === null || earlier === now || !earlier.endsWith(".json") || earlier === MANIFEST_FILE || !isInside(outDir, earlier)) return;
  await rm(join(outDir, earlier), { force: true });
}

function isInside(dir: string, rel: string): boolean {
  const path = relative(dir, join(dir, rel));
  return path !== "" && !path.startsWith("..") && !path.startsWith(sep);
}

/** Temporary files of a run that was killed while writing (see tempPath). */
async function removeTempFiles(outDir: string): Promise<void> {
  const names = await readdir(outDir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => TEMP_FILE.test(n)).map((n) => rm(join(outDir, n), { force: true })));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Where documents go in input order without --out: stdout. With --out each is
 * a file as it finishes (an output or a part of documents.jsonl). Results
 * arrive in completion order; each is held until all before it are out.
 */
interface OrderedSink {
  put(index: number, text: string | null): void;
  close(): Promise<void>;
}

function openOrderedSink(outDir: string | null, stdout: NodeJS.WritableStream): OrderedSink {
  if (outDir !== null) return { put: () => {}, close: async () => {} };
  const waiting = new Map<number, string | null>();
  let next = 0;
  return {
    put(index, text) {
      waiting.set(index, text);
      while (waiting.has(next)) {
        const ready = waiting.get(next)!;
        waiting.delete(next++);
        if (ready !== null) stdout.write(ready);
      }
    },
    async close() {},
  };
}
