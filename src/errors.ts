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
  | "EXTRACTION_CRASHED"
  | "PARSE_FAILED"
  | "SCHEMA_VIOLATION"
  | "FILE_READ_FAILED"
  | "PDFJS_FAILED";

/** Every error code, with when it is thrown; a code added to the union above must be described here. */
export const ERROR_CODES = {
  INVALID_INPUT: "The argument is not bytes or text, or an option is unusable.",
  NOT_A_PDF: 'The bytes are not a PDF: no "%PDF-" header in the first 1024 bytes.',
  CORRUPT_PDF: "The PDF is truncated or damaged beyond what pdf.js repairs, or no page could be read.",
  ENCRYPTED_PDF: "The PDF needs a password.",
  EMPTY_DOCUMENT: "The PDF has no pages.",
  NO_TEXT_LAYER: "The PDF has pages but no text: a scan that needs OCR first.",
  PAGE_LIMIT_EXCEEDED: "The PDF has more pages than the maxPages option allows.",
  TIME_LIMIT_EXCEEDED: "Reading the PDF took longer than the timeoutMs option allows.",
  PARSE_FAILED: "strict: true and the document has an error diagnostic.",
  SCHEMA_VIOLATION: "The built record failed its own schema: a bug in protokoll.",
  FILE_READ_FAILED: "parseFile could not read the file.",
  PDFJS_FAILED: "pdf.js could not be loaded, or (in a browser) its worker could not be started.",
  OCR_UNAVAILABLE: "OCR was needed (a scan or a garbled text layer, or ocr: \"force\") but tesseract.js or its language data is not installed (the message gives the install command), or, in a browser, its files are not where the ocrAssets option says (the message says what to set).",
  EXTRACTION_CRASHED: "The extraction worker died or let an error escape while reading the PDF (a pdf.js failure on damaged input); the next call gets a fresh worker. Also when tesseract.js failed a page or its worker died mid-page (OCR); the next document starts a new OCR engine.",
} as const satisfies Record<ProtokollErrorCode, string>;

export interface ProtokollErrorOptions {
  cause?: unknown;
  page?: number | null;
}

/**
 * The mark every ProtokollError carries, registered globally with Symbol.for so that two
 * copies of this library in one program (the ESM and the CommonJS build, or two installed
 * versions) recognise each other's errors, where `instanceof` compares one copy's class.
 */
const BRAND: unique symbol = Symbol.for("protokoll.error") as never;

/**
 * Base class of every error this library throws. `error instanceof ProtokollError` is true
 * for an error from any copy of the library (it checks the brand, see {@link isProtokollError});
 * `instanceof` a subclass compares classes as usual.
 */
export class ProtokollError extends Error {
  readonly code: ProtokollErrorCode;
  readonly page: number | null;

  constructor(code: ProtokollErrorCode, message: string, options: ProtokollErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.page = options.page ?? null;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === ProtokollError ? isProtokollError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
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
  /**
   * `missingModels`: OCR languages whose model package is not installed; the command then installs just those.
   * `fix` replaces the install command where installing is not the fix (in a browser: where the files are).
   */
  constructor(reason: string, cause?: unknown, missingModels: readonly string[] = [], fix?: string) {
    const command =
      missingModels.length > 0 ? `npm install ${missingModels.map((l) => `@tesseract.js-data/${l}`).join(" ")}` : OCR_INSTALL_COMMAND;
    super("OCR_UNAVAILABLE", `OCR is not available: ${reason} ${fix ?? `Install it with: ${command}`}`, cause === undefined ? {} : { cause });
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

/** Whether `value` was thrown by this library, whichever copy of it (ESM, CommonJS, another version) made it. */
export function isProtokollError(value: unknown): value is ProtokollError {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}
