/**
 * Typed errors. Every error the library throws is a {@link ProtokollError} with a
 * stable `code`, so callers (and the CLI's error records) can branch on the code
 * rather than on message text. Content problems never throw: they become
 * diagnostics in the document, unless `strict` is set.
 */
import type { Diagnostic } from "./schema/index.js";

export type ProtokollErrorCode =
  | "INVALID_INPUT"
  | "NOT_A_PDF"
  | "CORRUPT_PDF"
  | "ENCRYPTED_PDF"
  | "EMPTY_DOCUMENT"
  | "NO_TEXT_LAYER"
  | "OCR_UNAVAILABLE"
  | "PAGE_LIMIT_EXCEEDED"
  | "TIME_LIMIT_EXCEEDED"
  | "PARSE_FAILED"
  | "SCHEMA_VIOLATION"
  | "FILE_READ_FAILED";

export interface ProtokollErrorOptions {
  cause?: unknown;
  page?: number | null;
}

/** Base class of every error this library throws. */
export class ProtokollError extends Error {
  readonly code: ProtokollErrorCode;
  readonly page: number | null;

  constructor(code: ProtokollErrorCode, message: string, options: ProtokollErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.page = options.page ?? null;
  }

  toJSON(): { name: string; code: ProtokollErrorCode; message: string; page: number | null } {
    return { name: this.name, code: this.code, message: this.message, page: this.page };
  }
}

/** The caller passed something that is not bytes, text or a usable option. */
export class InvalidInputError extends ProtokollError {
  constructor(message: string, options?: ProtokollErrorOptions) {
    super("INVALID_INPUT", message, options);
  }
}

/** The bytes could not be read as a PDF: not a PDF, truncated, damaged, encrypted, empty. */
export class PdfError extends ProtokollError {}

/** The PDF has pages but no text layer, and OCR was turned off (`ocr: "off"`). */
export class NoTextLayerError extends ProtokollError {
  constructor(pages: number) {
    super(
      "NO_TEXT_LAYER",
      `The PDF has ${pages} page(s) but no extractable text: it is probably a scan. Parse it with OCR (option ocr "auto", the default, or --ocr auto).`,
    );
  }
}

/** The install command that brings the OCR packages (they are optional dependencies). */
export const OCR_INSTALL_COMMAND = "npm install tesseract.js@7 @tesseract.js-data/swe @napi-rs/canvas";

/** OCR was needed (a scan, a garbled text layer, or `ocr: "force"`) but its packages could not be loaded. */
export class OcrUnavailableError extends ProtokollError {
  constructor(reason: string, cause?: unknown, language = "swe") {
    const command = OCR_INSTALL_COMMAND.replace("/swe", `/${language}`);
    super("OCR_UNAVAILABLE", `OCR is not available: ${reason} Install it with: ${command}`, cause === undefined ? {} : { cause });
  }
}

/** A page or time budget set in the options was exceeded. */
export class BudgetExceededError extends ProtokollError {}

/** `strict: true` and the document produced an error diagnostic. */
export class ParseError extends ProtokollError {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    super(
      "PARSE_FAILED",
      `${diagnostics.length} error diagnostic(s) in strict mode` +
        (first ? `; first: ${first.code} on page ${first.page ?? "?"}: ${first.message}` : ""),
      { page: first?.page ?? null },
    );
    this.diagnostics = diagnostics;
  }
}

/** The built record failed validation against the zod schema: a bug in this library. */
export class SchemaViolationError extends ProtokollError {
  readonly issues: unknown;

  constructor(message: string, issues: unknown) {
    super("SCHEMA_VIOLATION", message);
    this.issues = issues;
  }
}

/** `parseFile` could not read the file (missing, unreadable, a directory). */
export class FileReadError extends ProtokollError {
  constructor(path: string, cause: unknown) {
    super("FILE_READ_FAILED", `Could not read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

export function isProtokollError(value: unknown): value is ProtokollError {
  return value instanceof ProtokollError;
}
