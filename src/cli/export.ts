/**
 * `protokoll export`: parsed documents -> tidy CSV tables for research, one row
 * per entity. Every row carries `document_id` (the input's sha256; for text
 * input without a manifest, the file it came from) and, below the document,
 * `item` (1-based position in `items`) with the item's § and agenda number.
 *
 * CSV dialect (RFC 4180): UTF-8 without BOM, comma, LF line ends, fields with
 * `,` `"` CR or LF quoted and `"` doubled; null is an empty field, an empty
 * string is `""`; lists are joined with "; ".
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { DocumentSchema, type DocumentRecord, type Item } from "../schema/index.js";
import { EXIT_FAILURES, EXIT_OK, UsageError } from "./errors.js";
import { prepareFolder, writeAtomic } from "./files.js";
import { JOURNAL_FILE } from "./journal.js";
import { ERRORS_FILE, MANIFEST_FILE, type Manifest, type ManifestEntry } from "./manifest.js";

/** What `export` and `link` are given: sources of parsed documents, and the folder for the tables. */
export interface ExportOptions {
  sources: string[];
  csvDir: string;
}

export interface ExportIo {
  cwd: string;
  stderr: NodeJS.WritableStream;
  version: string;
}

export type Cell = string | number | boolean | null;

/** One document as read back, with what the run manifest knew about its input. */
export interface Loaded {
  doc: DocumentRecord;
  /** The input file (from the manifest) or else the JSON file / `file.jsonl:LINE` it was read from. */
  file: string;
  inputSha256: string | null;
}

export interface Problem {
  where: string;
  message: string;
}

/** Run `protokoll export`; returns the exit code. */
export async function runExport(options: ExportOptions, io: ExportIo): Promise<number> {
  const dir = resolve(io.cwd, options.csvDir);
  // Before reading anything: a --csv folder that cannot be written is a sentence and exit 2, not a stack trace.
  await prepareFolder(dir, "--csv");
  const { loaded, problems } = await loadDocuments(options.sources, io.cwd);
  const tables = buildTables(loaded, (message) => io.stderr.write(`protokoll export: ${message}\n`));
  for (const table of tables) await writeCsv(join(dir, `${table.name}.csv`), table);
  await writeAtomic(join(dir, "schema.sql"), schemaSql(io.version));

  for (const p of problems) io.stderr.write(`protokoll export: ${p.where}: ${p.message}\n`);
  const counts = tables.map((t) => `${t.rows.length} ${t.name}`).join(", ");
  io.stderr.write(`protokoll export: ${counts}; ${problems.length} unreadable; written to ${options.csvDir}\n`);
  return problems.length > 0 ? EXIT_FAILURES : EXIT_OK;
}

/** The documents of every source, as `export` reads them (also for `protokoll link`). */
export async function loadDocuments(sources: readonly string[], cwd: string): Promise<{ loaded: Loaded[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const loaded: Loaded[] = [];
  for (const source of sources) loaded.push(...(await loadSource(resolve(cwd, source), source, problems)));
  return { loaded, problems };
}

/** A run's --out folder (through its manifest when there is one), a `.jsonl` file, or a `.json` file. */
async function loadSource(abs: string, shown: string, problems: Problem[]): Promise<Loaded[]> {
  const info = await stat(abs).catch(() => null);
  if (!info) throw new UsageError(`no such file or folder: ${shown}`, "export");
  if (info.isDirectory()) {
    const manifest = await readManifest(join(abs, MANIFEST_FILE));
    if (manifest) return loadFromManifest(abs, shown, manifest, problems);
    // No manifest (outputs copied elsewhere, or made by the library): every document file in the folder and below.
    const names = (await readdir(abs, { recursive: true })).filter((n) => {
      const name = n.split(sep).pop()!;
      if (name.startsWith(".")) return false;
      return (name.endsWith(".json") && name !== MANIFEST_FILE) || (name.endsWith(".jsonl") && name !== ERRORS_FILE && name !== JOURNAL_FILE);
    });
    const all: Loaded[] = [];
    for (const name of names.sort()) all.push(...(await loadFile(join(abs, name), join(shown, name), null, problems)));
    return all;
  }
  const ext = extname(abs).toLowerCase();
  if (ext !== ".json" && ext !== ".jsonl") {
    throw new UsageError(`${shown} is neither a folder nor a .json or .jsonl file`, "export");
  }
  return loadFile(abs, shown, await manifestEntriesOf(abs), problems);
}

/** The run manifest's entries for a file written by `parse --out`: it sits in the folder above (documents/…). */
async function manifestEntriesOf(abs: string): Promise<ManifestEntry[] | null> {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const manifest = await readManifest(join(dir, MANIFEST_FILE));
    if (manifest) {
      const output = relative(dir, abs).split(sep).join("/");
      return manifest.inputs.filter((e) => e.output === output);
    }
    if (dirname(dir) === dir) return null;
  }
}

async function readManifest(path: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path, "utf8")) as Manifest;
    return Array.isArray(manifest.inputs) ? manifest : null;
  } catch {
    return null;
  }
}

async function loadFromManifest(abs: string, shown: string, manifest: Manifest, problems: Problem[]): Promise<Loaded[]> {
  const byOutput = new Map<string, ManifestEntry[]>();
  for (const e of manifest.inputs) {
    if (e.output === null || (e.status !== "ok" && e.status !== "skipped")) continue;
    byOutput.set(e.output, [...(byOutput.get(e.output) ?? []), e]);
  }
  const all: Loaded[] = [];
  for (const [output, entries] of byOutput) {
    all.push(...(await loadFile(join(abs, output), join(shown, output), entries, problems)));
  }
  return all;
}

/**
 * Read one .json or .jsonl file; `entries` are the manifest's records of the
 * inputs stored in it (for the input file name and sha256), null without a manifest.
 */
async function loadFile(
  abs: string,
  shown: string,
  entries: ManifestEntry[] | null,
  problems: Problem[],
): Promise<Loaded[]> {
  let text: string;
  try {
    text = await readFile(abs, "utf8");
  } catch (error) {
    problems.push({ where: shown, message: error instanceof Error ? error.message : String(error) });
    return [];
  }
  if (abs.endsWith(".json")) {
    const doc = validate(text, shown, problems);
    const e = entries?.[0];
    return doc ? [{ doc, file: e?.file ?? doc.source.file ?? shown, inputSha256: e?.sha256 ?? null }] : [];
  }
  const byLine = new Map((entries ?? []).map((e) => [e.line, e]));
  const all: Loaded[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${shown}:${i + 1}`;
    const doc = validate(line, where, problems);
    const e = byLine.get(i + 1);
    if (doc) all.push({ doc, file: e?.file ?? doc.source.file ?? where, inputSha256: e?.sha256 ?? null });
  });
  return all;
}

function validate(json: string, where: string, problems: Problem[]): DocumentRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    problems.push({ where, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
    return null;
  }
  const result = DocumentSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  problems.push({ where, message: `not a protokoll document: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim() });
  return null;
}

/** Column types, fixed for every dataset so a sniffer never guesses (`vote` as BOOLEAN when only yes/no occur). */
export type SqlType = "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN" | "DATE" | "TIME";

export interface Table {
  name: string;
  columns: readonly (readonly [name: string, type: SqlType])[];
  rows: Cell[][];
}

const V = "VARCHAR";
const I = "INTEGER";
const ITEM_KEY = [["document_id", V], ["item", I], ["paragraph", I], ["number", I]] as const;

/** The tables, their columns and types: the one definition the CSV header, schema.sql and the docs follow. */
export const TABLES = {
  documents: [
    ["document_id", V], ["file", V], ["kind", V], ["organisation", V], ["body", V], ["date", "DATE"],
    ["start_time", "TIME"], ["end_time", "TIME"], ["place", V], ["pages", I], ["text_source", V], ["sha256", V],
    ["paragraphs_covered", V], ["adjusters", V], ["participant_count", I], ["item_count", I],
    ["diagnostic_count", I], ["parse_status", V],
  ],
  participants: [
    ["document_id", V], ["participant", I], ["name", V], ["party", V], ["participant_group", V], ["roles", V],
    ["affiliation", V], ["title", V], ["paragraphs", V], ["replaces", V], ["page", I],
  ],
  items: [
    ...ITEM_KEY, ["paragraph_label", V], ["title", V], ["case_numbers", V], ["time", "TIME"], ["presenters", V],
    ["description", V], ["proposal", V], ["decision", V], ["adjusted", V], ["notes", V], ["conflicts", V],
    ["basis", V], ["distribution", V], ["motion_count", I], ["reservation_count", I], ["has_vote", "BOOLEAN"],
    ["page_from", I], ["page_to", I], ["outcome", V], ["vote_count", I], ["decision_process", V],
  ],
  // One row per person and per party group that moved (a motion naming neither is one row with both empty).
  motions: [...ITEM_KEY, ["motion", I], ["names", V], ["text", V], ["name", V], ["party", V]],
  // One row per vote of the item, in order.
  votes: [...ITEM_KEY, ["yes", I], ["no", I], ["abstain", I], ["absent", I], ["ballot_count", I], ["text", V], ["vote_number", I], ["yes_means", V], ["no_means", V]],
  ballots: [...ITEM_KEY, ["ballot", I], ["name", V], ["party", V], ["vote", V], ["vote_number", I]],
  // As motions: one row per person and per party group that reserved.
  reservations: [...ITEM_KEY, ["reservation", I], ["names", V], ["text", V], ["name", V], ["party", V]],
  diagnostics: [["document_id", V], ["diagnostic", I], ["severity", V], ["code", V], ["message", V], ["page", I], ["text", V]],
} as const satisfies Record<string, readonly (readonly [string, SqlType])[]>;

type TableName = keyof typeof TABLES;

const list = (values: readonly (string | number)[]): string => values.join("; ");

/** The tables; a document whose id was already exported is left out (same bytes, same rows). */
function buildTables(loaded: Loaded[], warn: (message: string) => void): Table[] {
  const table = (name: TableName): Table => ({ name, columns: TABLES[name], rows: [] });
  const tables = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [name, table(name)])) as Record<TableName, Table>;
  const { documents, participants, items, motions, votes, ballots, reservations, diagnostics } = tables;

  const seen = new Map<string, string>();
  const duplicates: { file: string; id: string }[] = [];
  for (const { doc, file, inputSha256 } of loaded) {
    const sha256 = doc.source.sha256 ?? inputSha256;
    const id = sha256 ?? file;
    if (seen.has(id)) {
      duplicates.push({ file, id });
      continue;
    }
    seen.set(id, file);
    const m = doc.meeting;
    documents.rows.push([
      id, file, doc.kind, doc.organisation, doc.body, m.date, m.startTime, m.endTime, m.place,
      doc.source.pages, doc.source.textSource, sha256, list(doc.paragraphsCovered), list(doc.adjusters),
      doc.participants.length, doc.items.length, doc.diagnostics.length, doc.parseStatus ?? null,
    ]);
    doc.participants.forEach((p, i) => {
      participants.rows.push([
        id, i + 1, p.name, p.party, p.group, list(p.roles), p.affiliation, p.title,
        p.paragraphs === null ? null : list(p.paragraphs), p.replaces, p.page,
      ]);
    });
    doc.items.forEach((item, i) => {
      const key: Cell[] = [id, i + 1, item.paragraph, item.number];
      items.rows.push(itemRow(key, item));
      item.motions.forEach((mo, j) => {
        for (const [name, party] of whoAndParty(mo)) motions.rows.push([...key, j + 1, list(mo.by), mo.text, name, party]);
      });
      item.reservations.forEach((r, j) => {
        for (const [name, party] of whoAndParty(r)) reservations.rows.push([...key, j + 1, list(r.by), r.text, name, party]);
      });
      itemVotes(item).forEach((v, n) => {
        votes.rows.push([...key, v.yes, v.no, v.abstain, v.absent, v.ballots.length, v.text, n + 1, v.yesMeans ?? null, v.noMeans ?? null]);
        v.ballots.forEach((b, j) => ballots.rows.push([...key, j + 1, b.name, b.party, b.vote, n + 1]));
      });
    });
    doc.diagnostics.forEach((d, i) => diagnostics.rows.push([id, i + 1, d.severity, d.code, d.message, d.page, d.text]));
  }
  // One line, not one per copy: 300 copies of a file are one fact.
  if (duplicates.length > 0) {
    const first = duplicates[0]!;
    warn(
      `${duplicates.length} document(s) had the same document_id as an earlier one and were exported once ` +
        `(the first: ${first.file}, the same as ${seen.get(first.id)})`,
    );
  }
  return Object.values(tables);
}

/**
 * schema.sql: a CREATE TABLE per table with the fixed types, and the DuckDB
 * `read_csv` call that loads its CSV with exactly those types (no sniffing).
 * File names are relative: run it in the CSV folder, or SET file_search_path.
 */
export function schemaSql(version: string, tables: Record<string, Table["columns"]> = TABLES, command = "protokoll export"): string {
  const out = [
    `-- The CSV tables written by protokoll ${version} (${command}), with fixed column types.`,
    "-- DuckDB, in the folder of the CSV files:  duckdb protokoll.duckdb < schema.sql",
    "-- Other databases: the CREATE TABLE statements are standard SQL; load the CSVs with their own loader.",
    "",
  ];
  for (const [name, columns] of Object.entries(tables)) {
    out.push(`CREATE TABLE ${name} (`);
    out.push(columns.map(([column, type]) => `  "${column}" ${type}`).join(",\n"));
    out.push(");");
  }
  out.push("");
  for (const [name, columns] of Object.entries(tables)) {
    const types = columns.map(([column, type]) => `'${column}': '${type}'`).join(", ");
    out.push(`INSERT INTO ${name} SELECT * FROM read_csv('${name}.csv', header = true, delim = ',', quote = '"', escape = '"', columns = {${types}});`);
  }
  return out.join("\n") + "\n";
}

function itemRow(key: Cell[], item: Item): Cell[] {
  return [
    ...key, item.paragraphLabel, item.title,
    list(item.caseNumbers), item.time, list(item.presenters), item.description, item.proposal, item.decision,
    item.adjusted, list(item.notes), list(item.conflicts), list(item.basis), list(item.distribution),
    item.motions.length, item.reservations.length, item.vote !== null, item.pages.from, item.pages.to,
    item.outcome ?? null, itemVotes(item).length, item.decisionProcess ?? null,
  ];
}

/** Every vote of an item; records written before `votes` existed have only `vote`. */
function itemVotes(item: Item): NonNullable<Item["vote"]>[] {
  return item.votes ?? (item.vote ? [item.vote] : []);
}

/**
 * The rows of a motion or reservation: a person each (with party), then each
 * party acting as a group; one row with neither when it names nobody.
 * Records written before `people` existed give their `by` names, party unknown.
 */
function whoAndParty(statement: Item["motions"][number]): Array<[string | null, string | null]> {
  const people = statement.people ?? statement.by.map((name) => ({ name, party: null }));
  const rows: Array<[string | null, string | null]> = [
    ...people.map((p): [string | null, string | null] => [p.name, p.party]),
    ...(statement.parties ?? []).map((party): [string | null, string | null] => [null, party]),
  ];
  return rows.length > 0 ? rows : [[null, null]];
}

/** One RFC 4180 field: quoted only when it must be, so numbers stay numbers for type sniffers. */
function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return String(cell);
  // "" keeps an empty string apart from null (an empty field) for readers that tell them apart.
  if (cell === "" || /[",\r\n]/.test(cell)) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}

export async function writeCsv(path: string, table: Table): Promise<void> {
  const lines = [table.columns.map(([name]) => name), ...table.rows].map((row) => row.map(csvField).join(",") + "\n");
  await writeAtomic(path, lines.join(""));
}
