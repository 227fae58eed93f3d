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
import { readdir, readFile, rename, stat, writeFile, mkdir } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { DocumentSchema, type DocumentRecord, type Item } from "../schema/index.js";
import { EXIT_FAILURES, EXIT_OK, UsageError } from "./errors.js";
import { ERRORS_FILE, MANIFEST_FILE, type Manifest, type ManifestEntry } from "./batch.js";

export interface ExportOptions {
  sources: string[];
  csvDir: string;
}

export interface ExportIo {
  cwd: string;
  stderr: NodeJS.WritableStream;
}

type Cell = string | number | boolean | null;

/** One document as read back, with what the run manifest knew about its input. */
interface Loaded {
  doc: DocumentRecord;
  /** The input file (from the manifest) or else the JSON file / `file.jsonl:LINE` it was read from. */
  file: string;
  inputSha256: string | null;
}

interface Problem {
  where: string;
  message: string;
}

/** Run `protokoll export`; returns the exit code. */
export async function runExport(options: ExportOptions, io: ExportIo): Promise<number> {
  const problems: Problem[] = [];
  const loaded: Loaded[] = [];
  for (const source of options.sources) loaded.push(...(await loadSource(resolve(io.cwd, source), source, problems)));

  const tables = buildTables(loaded, (message) => io.stderr.write(`protokoll export: ${message}\n`));
  const dir = resolve(io.cwd, options.csvDir);
  await mkdir(dir, { recursive: true });
  for (const table of tables) await writeCsv(join(dir, `${table.name}.csv`), table);

  for (const p of problems) io.stderr.write(`protokoll export: ${p.where}: ${p.message}\n`);
  const counts = tables.map((t) => `${t.rows.length} ${t.name}`).join(", ");
  io.stderr.write(`protokoll export: ${counts}; ${problems.length} unreadable; written to ${options.csvDir}\n`);
  return problems.length > 0 ? EXIT_FAILURES : EXIT_OK;
}

/** A run's --out folder (through its manifest when there is one), a `.jsonl` file, or a `.json` file. */
async function loadSource(abs: string, shown: string, problems: Problem[]): Promise<Loaded[]> {
  const info = await stat(abs).catch(() => null);
  if (!info) throw new UsageError(`no such file or folder: ${shown}`, "export");
  if (info.isDirectory()) {
    const manifest = await readManifest(join(abs, MANIFEST_FILE));
    if (manifest) return loadFromManifest(abs, shown, manifest, problems);
    // No manifest (outputs copied elsewhere, or made by the library): every document file in the folder.
    const names = (await readdir(abs)).filter(
      (n) => (n.endsWith(".json") && n !== MANIFEST_FILE) || (n.endsWith(".jsonl") && n !== ERRORS_FILE),
    );
    const all: Loaded[] = [];
    for (const name of names.sort()) all.push(...(await loadFile(join(abs, name), join(shown, name), null, problems)));
    return all;
  }
  const ext = extname(abs).toLowerCase();
  if (ext !== ".json" && ext !== ".jsonl") {
    throw new UsageError(`${shown} is neither a folder nor a .json or .jsonl file`, "export");
  }
  const manifest = await readManifest(join(dirname(abs), MANIFEST_FILE));
  const entries = manifest?.inputs.filter((e) => e.output === basename(abs)) ?? null;
  return loadFile(abs, shown, entries, problems);
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
    return doc ? [{ doc, file: e?.file ?? shown, inputSha256: e?.sha256 ?? null }] : [];
  }
  const byLine = new Map((entries ?? []).map((e) => [e.line, e]));
  const all: Loaded[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${shown}:${i + 1}`;
    const doc = validate(line, where, problems);
    const e = byLine.get(i + 1);
    if (doc) all.push({ doc, file: e?.file ?? where, inputSha256: e?.sha256 ?? null });
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

interface Table {
  name: string;
  columns: string[];
  rows: Cell[][];
}

const list = (values: readonly (string | number)[]): string => values.join("; ");

/** The seven tables; a document whose id was already exported is left out (same bytes, same rows). */
function buildTables(loaded: Loaded[], warn: (message: string) => void): Table[] {
  const table = (name: string, columns: string[]): Table => ({ name, columns, rows: [] });
  const itemKey = ["document_id", "item", "paragraph", "number"];
  const documents = table("documents", [
    "document_id", "file", "kind", "organisation", "body", "date", "start_time", "end_time", "place",
    "pages", "text_source", "sha256", "paragraphs_covered", "adjusters",
    "participant_count", "item_count", "diagnostic_count",
  ]);
  const participants = table("participants", [
    "document_id", "participant", "name", "party", "participant_group", "roles", "affiliation", "title",
    "paragraphs", "replaces", "page",
  ]);
  const items = table("items", [
    ...itemKey, "paragraph_label", "title", "case_numbers", "time",
    "presenters", "description", "proposal", "decision", "adjusted", "notes", "conflicts", "basis",
    "distribution", "motion_count", "reservation_count", "has_vote", "page_from", "page_to",
  ]);
  const motions = table("motions", [...itemKey, "motion", "names", "text"]);
  const votes = table("votes", [...itemKey, "yes", "no", "abstain", "absent", "ballot_count", "text"]);
  const ballots = table("ballots", [...itemKey, "ballot", "name", "party", "vote"]);
  const reservations = table("reservations", [...itemKey, "reservation", "names", "text"]);

  const seen = new Set<string>();
  for (const { doc, file, inputSha256 } of loaded) {
    const sha256 = doc.source.sha256 ?? inputSha256;
    const id = sha256 ?? file;
    if (seen.has(id)) {
      warn(`${file}: same document as an earlier one (${id}); exported once`);
      continue;
    }
    seen.add(id);
    const m = doc.meeting;
    documents.rows.push([
      id, file, doc.kind, doc.organisation, doc.body, m.date, m.startTime, m.endTime, m.place,
      doc.source.pages, doc.source.textSource, sha256, list(doc.paragraphsCovered), list(doc.adjusters),
      doc.participants.length, doc.items.length, doc.diagnostics.length,
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
      item.motions.forEach((mo, j) => motions.rows.push([...key, j + 1, list(mo.by), mo.text]));
      item.reservations.forEach((r, j) => reservations.rows.push([...key, j + 1, list(r.by), r.text]));
      const v = item.vote;
      if (v === null) return;
      votes.rows.push([...key, v.yes, v.no, v.abstain, v.absent, v.ballots.length, v.text]);
      v.ballots.forEach((b, j) => ballots.rows.push([...key, j + 1, b.name, b.party, b.vote]));
    });
  }
  return [documents, participants, items, motions, votes, ballots, reservations];
}

function itemRow(key: Cell[], item: Item): Cell[] {
  return [
    ...key, item.paragraphLabel, item.title,
    list(item.caseNumbers), item.time, list(item.presenters), item.description, item.proposal, item.decision,
    item.adjusted, list(item.notes), list(item.conflicts), list(item.basis), list(item.distribution),
    item.motions.length, item.reservations.length, item.vote !== null, item.pages.from, item.pages.to,
  ];
}

/** One RFC 4180 field: quoted only when it must be, so numbers stay numbers for type sniffers. */
function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return String(cell);
  // "" keeps an empty string apart from null (an empty field) for readers that tell them apart.
  if (cell === "" || /[",\r\n]/.test(cell)) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}

async function writeCsv(path: string, table: Table): Promise<void> {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(",") + "\n");
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temp, lines.join(""));
  await rename(temp, path);
}
