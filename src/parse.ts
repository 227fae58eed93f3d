/**
 * The pipeline, end to end: bytes -> positioned text items -> lines -> line
 * tokens -> parse tree -> records. Each stage returns its value with its
 * diagnostics; this module only wires them together.
 */
import { extractText } from "./pdf/index.js";
import { layoutPages, layoutText } from "./layout/index.js";
import { parseLines } from "../grammars/index.js";
import { buildDocument, type SourceInfo } from "./records/index.js";
import { InvalidInputError, ParseError } from "./errors.js";
import type { Document, DocumentKind } from "./schema/index.js";
import type { LayoutResult } from "./layout/types.js";
import { sha256Hex } from "./sha256.js";

export interface ParseOptions {
  /** Throw {@link ParseError} when the document has an error diagnostic (default false). */
  strict?: boolean;
  /** Refuse PDFs with more pages than this (default 2000). */
  maxPages?: number;
  /** Give up on a PDF after this many milliseconds (default 60 000, plus 20 000 per page read by OCR). */
  timeoutMs?: number;
  /**
   * OCR: "auto" (default) reads pages without text or with a garbled text layer by OCR,
   * "force" reads every page by OCR, "off" never (a scan then throws NO_TEXT_LAYER).
   */
  ocr?: "auto" | "off" | "force";
  /** tesseract language codes for OCR, each installed as @tesseract.js-data/<code> (default ["swe"]). */
  ocrLanguages?: string[];
  /** Override the detected document kind. */
  kind?: DocumentKind;
}

/** Parse a PDF's bytes into a validated {@link Document}. */
export async function parsePdf(input: Uint8Array | ArrayBuffer, options: ParseOptions = {}): Promise<Document> {
  const bytes = toBytes(input);
  // pdf.js may transfer (detach) the buffer it is given, so hash first and hand it a copy.
  const sha256 = await sha256Hex(bytes);
  const pdf = await extractText(new Uint8Array(bytes), {
    ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.ocr !== undefined && { ocr: options.ocr }),
    ...(options.ocrLanguages !== undefined && { ocrLanguages: options.ocrLanguages }),
  });
  const layout = layoutPages(pdf);
  layout.diagnostics.unshift(...pdf.diagnostics);
  return finish(layout, { textSource: pdf.ocrPages.length > 0 ? "ocr" : "pdf", sha256 }, options);
}

/** Parse text already extracted from a PDF (form feed = page break) into a validated {@link Document}. */
export function parseText(text: string, options: ParseOptions = {}): Document {
  if (typeof text !== "string") {
    throw new InvalidInputError(`parseText expects a string, got ${text === null ? "null" : typeof text}`);
  }
  return finish(layoutText(text), { textSource: "text", sha256: null }, options);
}

function finish(layout: LayoutResult, source: Omit<SourceInfo, "pages">, options: ParseOptions): Document {
  const parsed = parseLines(layout.lines);
  const document = buildDocument(layout, parsed, { ...source, pages: layout.pages }, options.kind);
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
