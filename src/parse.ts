/**
 * The pipeline, end to end: bytes -> positioned text items -> lines -> line
 * tokens -> parse tree -> records. Each stage returns its value with its
 * diagnostics; this module only wires them together.
 */
import { DEFAULT_MAX_PAGES, DEFAULT_OCR_MS_PER_PAGE } from "./pdf/index.js";
import { extract, type OcrOptions } from "./pdf/isolated.js";
import { layoutPages, layoutText } from "./layout/index.js";
import { parseLines } from "../grammars/index.js";
import { buildDocument, type SourceInfo } from "./records/index.js";
import { InvalidInputError, ParseError } from "./errors.js";
import { DEFAULT_TIMEOUT_MS, Deadline } from "./budget.js";
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
  return finish(layout, { textSource: pdf.ocrPages.length > 0 ? "ocr" : "pdf", sha256 }, options, deadline);
}

/** Parse text already extracted from a PDF (form feed = page break) into a validated {@link Document}. */
export function parseText(text: string, options: ParseOptions = {}): Document {
  if (typeof text !== "string") {
    throw new InvalidInputError(`parseText expects a string, got ${text === null ? "null" : typeof text}`);
  }
  // Synchronous, so checked between pages and stages: every text stage is linear in its input.
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return finish(layoutText(text, deadline), { textSource: "text", sha256: null }, options, deadline);
}

function finish(layout: LayoutResult, source: Omit<SourceInfo, "pages">, options: ParseOptions, deadline: Deadline): Document {
  const parsed = parseLines(layout.lines, deadline);
  const document = buildDocument(layout, parsed, { ...source, pages: layout.pages }, options.kind, deadline);
  if (options.strict) {
    const errors = document.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new ParseError(errors);
  }
  return document;
}

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new InvalidInputError(
    `parsePdf expects a Uint8Array or an ArrayBuffer, got ${input === null ? "null" : typeof input}`,
  );
}
