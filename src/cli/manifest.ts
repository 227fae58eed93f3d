/**
 * The run manifest (`DIR/manifest.json`) and error records (`DIR/errors.jsonl`):
 * every input the run met, in input order, with what became of it. No
 * timestamps, so runs that did the same work write the same bytes.
 */
import { join } from "node:path";
import type { DocumentKind } from "../schema/index.js";
import type { TextEncoding } from "../text/decode.js";
import { writeAtomic } from "./files.js";
import type { MeetingsMode, OutputFormat } from "./protocol.js";

export const MANIFEST_FILE = "manifest.json";
export const ERRORS_FILE = "errors.jsonl";
/** Outputs live below this folder, apart from the run's own files, so a glob over them reads only documents. */
export const DOCUMENTS_DIR = "documents";
export const JSONL_FILE = "documents.jsonl";

export type InputStatus = "ok" | "failed" | "skipped";
export type ParseStatus = "complete" | "partial" | "failed";
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface ManifestEntry {
  file: string;
  status: InputStatus;
  /** The document's parseStatus; null when there is no document. */
  parseStatus: ParseStatus | null;
  /** Of the input's bytes (for text input too). */
  sha256: string | null;
  pages: number | null;
  /** Pages read by OCR (scans, garbled text layers); null when there is no document. */
  ocrPages: number | null;
  /** The document's diagnostics, counted by severity; null when there is no document. */
  diagnostics: SeverityCounts | null;
  /** Relative to the manifest's folder. */
  output: string | null;
  /** 1-based line in `output` when the format is jsonl. */
  line: number | null;
  error: string | null;
  message: string | null;
}

export interface RunSummary {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  /** Pages parsed by this run (skipped inputs not counted). */
  pages: number;
  /** Of those pages, the ones read by OCR. */
  ocrPages: number;
  /** Documents (parsed or skipped) by parseStatus. */
  parseStatus: Record<ParseStatus, number>;
}

export interface Manifest {
  manifestVersion: 2;
  generator: string;
  options: {
    format: OutputFormat;
    strict: boolean;
    maxPages: number | null;
    timeoutSeconds: number;
    /** Seconds the time per file grows by for each page read by OCR (0 when --timeout was given). */
    timeoutPerOcrPageSeconds: number;
    kind: DocumentKind | null;
    encoding: TextEncoding;
    /** `--meetings`: one document per input, or a jsonl line per meeting. */
    meetings: MeetingsMode;
  };
  summary: RunSummary;
  inputs: ManifestEntry[];
}

export function summarise(entries: readonly ManifestEntry[]): RunSummary {
  const count = (status: InputStatus) => entries.filter((e) => e.status === status).length;
  const parseStatus: Record<ParseStatus, number> = { complete: 0, partial: 0, failed: 0 };
  for (const e of entries) if (e.parseStatus !== null) parseStatus[e.parseStatus]++;
  const parsed = entries.filter((e) => e.status === "ok");
  const pages = parsed.reduce((sum, e) => sum + (e.pages ?? 0), 0);
  // Entries of a run before OCR counts were kept have no ocrPages.
  const ocrPages = parsed.reduce((sum, e) => sum + (e.ocrPages ?? 0), 0);
  return { total: entries.length, ok: count("ok"), failed: count("failed"), skipped: count("skipped"), pages, ocrPages, parseStatus };
}

/** errors.jsonl (written on every run, empty or not, so errors of an earlier run never linger), then manifest.json. */
export async function writeRunRecords(outDir: string, manifest: Manifest): Promise<void> {
  const errors = manifest.inputs
    .filter((e) => e.status === "failed")
    .map((e) => JSON.stringify({ file: e.file, code: e.error, message: e.message }) + "\n");
  await writeAtomic(join(outDir, ERRORS_FILE), errors.join(""));
  await writeAtomic(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
}
