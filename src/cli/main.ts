/**
 * The `protokoll` command: argument parsing and dispatch. Arguments are parsed
 * with Node's own `util.parseArgs` (stable since Node 20, no dependency); the
 * work is in batch.ts (parse), export.ts (export) and the library (schema).
 */
import { availableParallelism } from "node:os";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { documentJsonSchema, type DocumentKind } from "../schema/index.js";
import { defaultJobs, defaultMemoryMb, runParse } from "./batch.js";
import { EXIT_FAILURES, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { runExport } from "./export.js";
import { runLink } from "./link.js";
import { FolderError } from "./files.js";
import { closestOption } from "./suggest.js";
import type { MeetingsMode, OutputFormat } from "./protocol.js";
import { TEXT_ENCODINGS } from "../text/decode.js";

/** Injected by tsup (`define`) from package.json. */
declare const __PROTOKOLL_VERSION__: string;
const VERSION = __PROTOKOLL_VERSION__;

const EXIT_CODES = `Exit codes:
  0  every input was parsed (or skipped by --resume)
  1  some inputs failed (see DIR/errors.jsonl), or a document's parseStatus
     reached --fail-on; the others were done
  2  usage error (bad arguments, an --out folder that cannot be written):
     nothing was done`;

const HELP = {
  main: `Usage: protokoll <command> [options]

Turns Swedish municipal meeting documents (kallelse, protokoll, protokollsutdrag)
into typed JSON.

Commands:
  parse <inputs...>      parse PDFs and .txt files into JSON documents
  export <sources...>    write parsed documents as CSV tables for research
  link <sources...>      pair kallelse items with protokoll §§, and items by diarienummer into cases
  schema                 print the JSON Schema of a document

Options:
  -h, --help             help (protokoll <command> --help for a command's)
  -V, --version          print the version

Examples:
  protokoll parse protokoll.pdf > protokoll.json
  protokoll parse archive/ --out parsed/
  protokoll export parsed/ --csv tables/
  protokoll link parsed/ --csv tables/

${EXIT_CODES}
`,
  parse: `Usage: protokoll parse <file|folder|glob>... [options]

Parses PDFs and .txt files (text extracted from a PDF; a form feed is a page
break). Folders are searched recursively for *.pdf and *.txt; a quoted glob
("archive/**/*.pdf") is expanded by protokoll; a file named explicitly is
parsed whatever its extension; - reads one PDF or text from stdin.

Where the documents go:
  one input, no --out    the document as JSON on stdout
  --out DIR              DIR/documents/<path below the folder or glob>.json
                         (archive/2025-02/protokoll.pdf -> DIR/documents/2025-02/protokoll.json),
                         DIR/errors.jsonl (file, code, message of each failure) and
                         DIR/manifest.json (every input: status, parseStatus, sha256, output)
  --format jsonl         one document per line, in input order: on stdout, or
                         DIR/documents.jsonl with --out
  Several inputs need --out DIR or --format jsonl.

Options:
  -o, --out DIR          write into DIR (created if missing)
  -f, --format FORMAT    json (default) or jsonl
  -j, --jobs N           files parsed at once, each in its own worker (default: ${availableParallelism()}, the cores)
      --resume           go on with an earlier or killed run: skip inputs whose output
                         was made from the same bytes (sha256) by this version
                         (needs --out)
      --force            parse every input again (with --resume, or over a killed run)
      --fail-on STATUS   partial or failed: exit 1 when a document's parseStatus is that or worse
      --strict           fail documents with an error diagnostic (code PARSE_FAILED)
      --max-pages N      fail PDFs with more pages (PAGE_LIMIT_EXCEEDED; default 2000)
      --timeout SECONDS  time per file (TIME_LIMIT_EXCEEDED; default 60, plus 20 for each
                         page read by OCR); a worker still busy 10 s later (by default:
                         silent for 70 s) is killed and replaced (TIMEOUT)
      --max-memory MB    heap per worker (default: 2048, less on small machines); a file
                         that needs more fails (WORKER_OUT_OF_MEMORY)
      --kind KIND        protokoll, kallelse or protokollsutdrag: override the detected kind
      --encoding ENC     of text input: auto (default: byte-order mark, else UTF-16,
                         UTF-8 or Windows-1252 by detection), utf-8, utf-16le,
                         utf-16be, windows-1252
      --meetings MODE    a file holding several meetings: one (default: one document,
                         every meeting's items) or split (a line per meeting; needs
                         --format jsonl)
  -q, --quiet            no progress and no summary line
  -v, --verbose          a line per input with its status
      --no-progress      no progress bar
      --ocr MODE         auto (default): OCR scanned pages and garbled text layers;
                         force: OCR every page; off: never (a scan fails NO_TEXT_LAYER)
      --ocr-lang LANGS   OCR languages, comma-separated (default: swe); each needs its
                         model package: npm install @tesseract.js-data/eng for eng
  -h, --help             this help

Progress (files, pages/s, failures, ETA) is shown on a terminal; the summary
line always, on stderr. A failed input never stops the batch.

Examples:
  protokoll parse protokoll.pdf > protokoll.json
  protokoll parse archive/ --out parsed/ --jobs 4
  protokoll parse "archive/**/*.pdf" --out parsed/ --resume
  protokoll parse extracted/*.txt --format jsonl > documents.jsonl
  pdftotext x.pdf - | protokoll parse - > x.json

${EXIT_CODES}
`,
  export: `Usage: protokoll export <folder|file.jsonl|file.json>... --csv DIR

Writes the parsed documents as tidy CSV tables, one row per entity:
  documents, participants, items (with proposal and decision text), motions,
  votes, ballots, reservations, diagnostics  ->  DIR/<table>.csv
and DIR/schema.sql: the tables' fixed column types (CREATE TABLE) and the
DuckDB read_csv calls that load them with those types.

A folder written by "protokoll parse --out" is read through its manifest.json
(so .txt inputs are keyed by their file's sha256 too); without a manifest every
*.json and *.jsonl in the folder is read. Every row has document_id (the
input's sha256, else the file it came from); rows below a document have item
(1-based position), paragraph (§) and number (agenda number).

CSV: RFC 4180, UTF-8, comma, LF line ends; empty field = null, "" = empty
text; lists joined with "; ".

Options:
      --csv DIR          write the tables into DIR (created if missing)
  -h, --help             this help

Examples:
  protokoll export parsed/ --csv tables/
  protokoll export documents.jsonl --csv tables/

Exit codes:
  0  every document was exported
  1  some files or lines were not protokoll documents; the rest was exported
  2  usage error
`,
  link: `Usage: protokoll link <folder|file.jsonl|file.json>... --csv DIR

Links parsed documents (read as export reads them) and writes:
  DIR/links.csv   each kallelse item and the § that handled it at the same
                  meeting (same body and date): by shared diarienummer, title
                  similarity and order, with a score (0-1) and its evidence
  DIR/cases.csv   every item of every document by diarienummer, in date order:
                  case -> body, date, document, item, outcome
  DIR/link-schema.sql  fixed column types and the DuckDB read_csv calls
document_id is the one export writes, so the tables join export's.

Options:
      --csv DIR          write the tables into DIR (created if missing)
  -h, --help             this help

Examples:
  protokoll link parsed/ --csv tables/

Exit codes:
  0  every document was read
  1  some files or lines were not protokoll documents; the rest was linked
  2  usage error
`,
  schema: `Usage: protokoll schema

Prints the JSON Schema (draft 2020-12) of the documents protokoll writes.

Examples:
  protokoll schema > document.schema.json
`,
};

function helpFor(topic: string | undefined): string {
  return topic !== undefined && Object.hasOwn(HELP, topic) ? HELP[topic as keyof typeof HELP] : HELP.main;
}

type Io = { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream; cwd: string };

/** Run the command line `argv` (without node and the script); returns the exit code. */
async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(HELP.main);
        return EXIT_USAGE;
      case "-h":
      case "--help":
        io.stdout.write(HELP.main);
        return EXIT_OK;
      case "help":
        io.stdout.write(helpFor(rest[0]));
        return EXIT_OK;
      case "-V":
      case "--version":
        io.stdout.write(`${VERSION}\n`);
        return EXIT_OK;
      case "parse":
        return await parseCommand(rest, io);
      case "export":
        return await tablesCommand("export", runExport, rest, io);
      case "link":
        return await tablesCommand("link", runLink, rest, io);
      case "schema":
        return schemaCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"${commandHint(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError && error.oneLine) {
      io.stderr.write(`protokoll: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      const help = error.command === null ? "protokoll --help" : `protokoll ${error.command} --help`;
      io.stderr.write(`protokoll: ${error.message}\nRun "${help}" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof FolderError) {
      io.stderr.write(`protokoll: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Not an input's failure (those are records) but the run's: a full disk.
    io.stderr.write(`protokoll: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURES;
  }
}

/** "; did you mean parse?" for a mistyped command, from the commands the main help lists. */
function commandHint(command: string): string {
  const section = HELP.main.slice(HELP.main.indexOf("Commands:"), HELP.main.indexOf("\n\n", HELP.main.indexOf("Commands:")));
  const commands = [...section.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
  const near = closestOption(command, commands);
  return near ? `; did you mean ${near}?` : "";
}

/**
 * `util.parseArgs`, with its errors turned into usage errors of `command`; an
 * unknown option gets one line naming the closest known one.
 */
function parse<T extends NonNullable<ParseArgsConfig["options"]>>(command: string, args: string[], options: T) {
  const all = { ...options, help: { type: "boolean", short: "h" } } as const;
  try {
    return parseArgs({ args, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const given = args.find((a) => a.startsWith("-") && a !== "-" && a !== "--" && !isKnown(a, all)) ?? "?";
      const known = Object.entries(all).flatMap(([name, o]) => [`--${name}`, ...("short" in o && o.short ? [`-${o.short}`] : [])]);
      const near = closestOption(given.split("=")[0]!, known);
      throw new UsageError(
        `unknown option ${given}${near ? `; did you mean ${near}?` : ""} (protokoll ${command} --help lists the options)`,
        command,
        true,
      );
    }
    throw new UsageError(error instanceof Error ? error.message.replace(/'/g, '"') : String(error), command);
  }
}

function isKnown(arg: string, options: NonNullable<ParseArgsConfig["options"]>): boolean {
  if (arg.startsWith("--")) return Object.hasOwn(options, arg.slice(2).split("=")[0]!);
  // A cluster of short flags (-qv) is known when every letter is.
  return [...arg.slice(1)].every((letter) => Object.values(options).some((o) => o.short === letter));
}

async function parseCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("parse", args, {
    out: { type: "string", short: "o" },
    format: { type: "string", short: "f" },
    jobs: { type: "string", short: "j" },
    resume: { type: "boolean" },
    force: { type: "boolean" },
    "fail-on": { type: "string" },
    strict: { type: "boolean" },
    "max-pages": { type: "string" },
    timeout: { type: "string" },
    "max-memory": { type: "string" },
    kind: { type: "string" },
    encoding: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    verbose: { type: "boolean", short: "v" },
    "no-progress": { type: "boolean" },
    ocr: { type: "string" },
    "ocr-lang": { type: "string" },
    meetings: { type: "string" },
  });
  if (values.help) {
    io.stdout.write(HELP.parse);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("no inputs: name PDF or .txt files, folders or globs", "parse");
  const jobs = values.jobs === undefined ? defaultJobs() : integer("--jobs", values.jobs, 1);
  if (values.quiet && values.verbose) throw new UsageError("--quiet and --verbose contradict each other: give one", "parse");
  return runParse(
    {
      inputs: positionals,
      out: values.out ?? null,
      format: oneOf("--format", values.format ?? "json", ["json", "jsonl"] as const) satisfies OutputFormat,
      jobs,
      resume: values.resume ?? false,
      force: values.force ?? false,
      failOn: values["fail-on"] === undefined ? null : oneOf("--fail-on", values["fail-on"], ["partial", "failed"] as const),
      encoding: oneOf("--encoding", values.encoding ?? "auto", TEXT_ENCODINGS),
      verbosity: values.quiet ? "quiet" : values.verbose ? "verbose" : "normal",
      progress: !values["no-progress"],
      strict: values.strict ?? false,
      maxPages: values["max-pages"] === undefined ? null : integer("--max-pages", values["max-pages"], 1),
      timeoutSeconds: values.timeout === undefined ? null : positiveNumber("--timeout", values.timeout),
      memoryMb: values["max-memory"] === undefined ? defaultMemoryMb(jobs) : integer("--max-memory", values["max-memory"], 64),
      kind:
        values.kind === undefined
          ? null
          : (oneOf("--kind", values.kind, ["protokoll", "kallelse", "protokollsutdrag"] as const) satisfies DocumentKind),
      ocr: oneOf("--ocr", values.ocr ?? "auto", ["auto", "off", "force"] as const),
      ocrLanguages: values["ocr-lang"] === undefined ? null : ocrLanguages(values["ocr-lang"]),
      meetings: oneOf("--meetings", values.meetings ?? "one", ["one", "split"] as const) satisfies MeetingsMode,
    },
    { ...io, workerUrl: new URL("./cli-worker.js", import.meta.url), version: VERSION },
  );
}

/** `export` and `link`: both read parsed documents from sources and write tables into --csv DIR. */
async function tablesCommand(command: "export" | "link", run: typeof runExport, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(command, args, { csv: { type: "string" } });
  if (values.help) {
    io.stdout.write(HELP[command]);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError(`nothing to ${command}: name a --out folder of parse, or a .jsonl file`, command);
  if (values.csv === undefined) throw new UsageError("--csv DIR is required (where the tables go)", command);
  return run({ sources: positionals, csvDir: values.csv }, { ...io, version: VERSION });
}

function schemaCommand(args: string[], io: Io): number {
  const { values, positionals } = parse("schema", args, {});
  if (values.help) {
    io.stdout.write(HELP.schema);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`schema takes no arguments, got ${positionals.join(" ")}`, "schema");
  io.stdout.write(JSON.stringify(documentJsonSchema(), null, 2) + "\n");
  return EXIT_OK;
}

/** `swe,eng` (or tesseract's own `swe+eng`) -> ["swe", "eng"]. */
function ocrLanguages(value: string): string[] {
  const languages = value.split(/[,+]/).map((l) => l.trim());
  if (languages.some((l) => !/^[a-z]{3}(?:_[a-z]+)*$/.test(l))) {
    throw new UsageError(`--ocr-lang needs tesseract language codes separated by commas, such as swe or swe,eng; got "${value}"`, "parse");
  }
  return languages;
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new UsageError(`${flag} needs a whole number of at least ${min}, got "${value}"`, "parse");
  return n;
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} needs a number above 0, got "${value}"`, "parse");
  return n;
}

function oneOf<const T extends readonly string[]>(flag: string, value: string, allowed: T): T[number] {
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`, "parse");
  return value as T[number];
}

// A closed pipe (`protokoll parse ... | head`) is the reader's choice, not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
