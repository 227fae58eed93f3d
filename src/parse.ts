/**
 * The pipeline, end to end: bytes -> positioned text items -> lines -> line
 * tokens -> parse tree -> records. Each stage returns its value with its
 * diagnostics; this module only wires them together.
 */
import { DEFAULT_MAX_PAGES } from "./pdf/index.js";
import { extract, type OcrOptions } from "./pdf/isolated.js";
import { layoutPages, layoutText } from "./layout/index.js";
import { meetingStarts, parseLines } from "../grammars/index.js";
import { buildDocument, type SourceInfo } from "./records/index.js";
import { markMeetings, mergeMeetings, type MeetingPages } from "./records/meetings.js";
import { InvalidInputError, ParseError } from "./errors.js";
import { DEFAULT_OCR_MS_PER_PAGE, DEFAULT_TIMEOUT_MS, Deadline } from "./budget.js";
import type { Document, DocumentKind } from "./schema/index.js";
import type { LayoutResult } from "./layout/types.js";
import { sha256Hex } from "./sha256.js";
import { plainOcrAssets, type OcrAssets } from "./ocr/browser.js";

export interface ParseOptions {
  /** Throw {@link ParseError} when the document has an error diagnostic (default false). */
  strict?: boolean;
  /** Refuse PDFs with more pages than this (default 2000). */
  maxPages?: number;
  /**
   * Give up after this many milliseconds (default 60 000), for the whole parse:
   * reading the PDF (in a worker that is stopped when the time is up), layout,
   * grammar and build; also for {@link parseText}. Without it, each page read by
   * OCR adds 20 000 ms to the default.
   */
  timeoutMs?: number;
  /**
   * OCR: "auto" (default) reads pages without text or with a garbled text layer by OCR,
   * "force" reads every page by OCR, "off" never (a scan then throws NO_TEXT_LAYER).
   */
  ocr?: "auto" | "off" | "force";
  /** tesseract language codes for OCR, each installed as @tesseract.js-data/<code> (default ["swe"]). */
  ocrLanguages?: string[];
  /**
   * In a browser: where tesseract.js's files are, shipped with the app (nothing is fetched from a CDN).
   * A folder URL (default "ocr/", relative to the page) holding tesseract.js's worker.min.js,
   * tesseract.js-core's tesseract-core-*lstm.wasm.js and <language>.traineddata.gz, or
   * `{ workerPath, corePath, langPath }`. Not used in Node, which loads the installed packages.
   */
  ocrAssets?: OcrAssets;
  /** Override the detected document kind. */
  kind?: DocumentKind;
}

/** Parse a PDF's bytes into a validated {@link Document}. */
export async function parsePdf(input: Uint8Array | ArrayBuffer, options: ParseOptions = {}): Promise<Document> {
  return finish(...(await readPdf(input, options)), options, mergeMeetings);
}

/**
 * Parse a PDF's bytes into one validated {@link Document} per meeting it holds
 * (archives concatenate them; a file of one meeting gives an array of one).
 */
export async function parsePdfMeetings(input: Uint8Array | ArrayBuffer, options: ParseOptions = {}): Promise<Document[]> {
  return finish(...(await readPdf(input, options)), options, markMeetings);
}

async function readPdf(input: Uint8Array | ArrayBuffer, options: ParseOptions): Promise<[LayoutResult, Omit<SourceInfo, "pages">, Deadline]> {
  const bytes = toBytes(input);
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // Extraction works on its own copy of the bytes (pdf.js may detach the buffer it is given).
  const sha256 = await sha256Hex(bytes);
  const ocr: OcrOptions = {
    ...(options.ocr !== undefined && { ocr: options.ocr }),
    ...(options.ocrLanguages !== undefined && { ocrLanguages: options.ocrLanguages }),
    ...(options.ocrAssets !== undefined && { ocrAssets: plainOcrAssets(options.ocrAssets) }),
    // The default budget grows with the pages OCR reads; a budget the caller set is the budget.
    ocrMsPerPage: options.timeoutMs === undefined ? DEFAULT_OCR_MS_PER_PAGE : 0,
  };
  const pdf = await extract(bytes, { maxPages: options.maxPages ?? DEFAULT_MAX_PAGES, deadline, ocr });
  const layout = layoutPages(pdf, deadline);
  layout.diagnostics.unshift(...pdf.diagnostics);
  return [layout, { textSource: pdf.ocrPages.length > 0 ? "ocr" : "pdf", sha256 }, deadline];
}

/** Parse text already extracted from a PDF (form feed = page break) into a validated {@link Document}. */
export function parseText(text: string, options: ParseOptions = {}): Document {
  return finish(...readText(text, options), options, mergeMeetings);
}

/** Parse extracted text into one validated {@link Document} per meeting it holds (see {@link parsePdfMeetings}). */
export function parseTextMeetings(text: string, options: ParseOptions = {}): Document[] {
  return finish(...readText(text, options), options, markMeetings);
}

function readText(text: string, options: ParseOptions): [LayoutResult, Omit<SourceInfo, "pages">, Deadline] {
  if (typeof text !== "string") {
    throw new InvalidInputError(`parseText expects a string, got ${text === null ? "null" : typeof text}`);
  }
  // Synchronous, so checked between pages and stages: every text stage is linear in its input.
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return [layoutText(text, deadline), { textSource: "text", sha256: null }, deadline];
}

/** One document, or one per meeting: what to make of the meetings a file holds. */
type Meetings<T> = (docs: Document[], pages: MeetingPages[]) => T;

function finish<T extends Document | Document[]>(layout: LayoutResult, source: Omit<SourceInfo, "pages">, deadline: Deadline, options: ParseOptions, meetings: Meetings<T>): T {
  const parsed = parseLines(layout.lines, deadline);
  const starts = meetingStarts(layout.lines, parsed.tokens, layout.furniture);
  const info = { ...source, pages: layout.pages };
  if (starts.length === 0) return strictly(meetings([buildDocument(layout, parsed, info, options.kind, deadline)], [{ from: 1, to: layout.pages }]), options);
  // Each meeting is read on its own: its front page, its numbering, its headings.
  const bounds = [0, ...starts, layout.lines.length];
  const pages: MeetingPages[] = [];
  const docs = starts.concat(layout.lines.length).map((end, i) => {
    const lines = layout.lines.slice(bounds[i], end);
    const from = i === 0 ? 1 : lines[0]!.page;
    // A meeting that ends mid-page shares that page with the next one.
    const next = layout.lines[end];
    const to = next === undefined ? layout.pages : next.page === layout.lines[end - 1]!.page ? next.page : next.page - 1;
    pages.push({ from, to });
    const onPages = <P extends { page: number | null }>(x: P) => (x.page === null ? i === 0 : x.page >= from && x.page <= to);
    const part: LayoutResult = { ...layout, lines, furniture: layout.furniture.filter(onPages), diagnostics: layout.diagnostics.filter(onPages) };
    return buildDocument(part, parseLines(lines, deadline), info, options.kind, deadline);
  });
  return strictly(meetings(docs, pages), options);
}

function strictly<T extends Document | Document[]>(result: T, options: ParseOptions): T {
  if (options.strict) {
    const docs: Document[] = Array.isArray(result) ? result : [result];
    const errors = docs.flatMap((doc) => doc.diagnostics.filter((d) => d.severity === "error"));
    if (errors.length > 0) throw new ParseError(errors);
  }
  return result;
}

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new InvalidInputError(
    `parsePdf expects a Uint8Array or an ArrayBuffer, got ${input === null ? "null" : typeof input}`,
  );
}
