/**
 * protokoll: Swedish municipal and regional meeting documents (kallelse,
 * protokoll, protokollsutdrag) as typed, validated JSON.
 *
 * This entry is browser-safe: it imports nothing from `node:`. For reading
 * files from disk use `protokoll/node`.
 *
 * @packageDocumentation
 */

/**
 * Parse a PDF's bytes into a {@link Document}.
 *
 * Never throws for content reasons: what the grammar cannot place is kept in
 * `diagnostics`. Throws a {@link ProtokollError} when the bytes are not a usable
 * PDF (`NOT_A_PDF`, `CORRUPT_PDF`, `ENCRYPTED_PDF`, `EMPTY_DOCUMENT`,
 * `NO_TEXT_LAYER`, `EXTRACTION_CRASHED`), when a budget is exceeded (`PAGE_LIMIT_EXCEEDED`,
 * `TIME_LIMIT_EXCEEDED`), or with `strict: true` on an error diagnostic (`PARSE_FAILED`).
 * In Node, pdf.js runs in a worker thread that is stopped when `timeoutMs` is spent.
 *
 * @example
 * const doc = await parsePdf(new Uint8Array(await file.arrayBuffer()));
 * for (const item of doc.items) console.log(item.paragraph, item.title, item.decision);
 */
export { parsePdf } from "./parse.js";

/**
 * Parse text already extracted from a PDF (for example by `pdftotext`) into a
 * {@link Document}. A form feed (`\f`) marks a page break. Synchronous; `timeoutMs`
 * is checked between pages and stages (`TIME_LIMIT_EXCEEDED`).
 */
export { parseText } from "./parse.js";

/**
 * A file that holds several meetings (archives concatenate them): one {@link Document}
 * per meeting, each read from its own front page and items, with a `SEVERAL_MEETINGS`
 * info diagnostic that says where it stands. `parsePdf` / `parseText` give such a file
 * as one record: the first meeting's front page, every meeting's items.
 */
export { parsePdfMeetings, parseTextMeetings } from "./parse.js";

/** Options of {@link parsePdf} and {@link parseText}. */
export type { ParseOptions } from "./parse.js";
/** The ocrAssets option: where tesseract.js's files are in a browser. */
export type { OcrAssets, OcrAssetPaths } from "./ocr/browser.js";

/**
 * Browsers: the OCR engine (tesseract.js's Web Worker, wasm core and model) starts on the first
 * page that needs OCR and is kept for the documents after it, one per `ocrLanguages` and
 * `ocrAssets`. `releaseOcr()` closes it (documents being read finish first); the next scan starts
 * a new one. In Node each document read closes its own engine, so there is nothing to release.
 *
 * @example
 * await Promise.all(files.map(async (f) => parsePdf(new Uint8Array(await f.arrayBuffer()))));
 * await releaseOcr();
 */
export { releaseOcr } from "./ocr/index.js";

/**
 * Browsers only: where pdf.js reads PDFs. By default (nothing to set up) it runs in the
 * page's own thread; pass a module `Worker` started from pdfjs-dist's
 * `legacy/build/pdf.worker.min.mjs` (or that script's URL) to keep long PDFs off the
 * main thread, or `null` to go back to the default. No effect in Node. See the README's
 * "In a browser" section.
 *
 * @example
 * // where the app serves node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs:
 * setPdfWorker("/assets/pdf.worker.min.mjs");
 */
export { setPdfWorker } from "./pdf/pdfjs.js";
export type { PdfWebWorker, PdfWorkerSetting } from "./pdf/pdfjs.js";

/**
 * zod schemas of the record contract (version 1); validate or extend with them. What each
 * field holds: docs/record.md in the package (node_modules/protokoll/docs/record.md).
 */
export {
  DocumentSchema,
  ParticipantSchema,
  ParticipantGroupSchema,
  RoleSchema,
  ItemSchema,
  HandlingSchema,
  MotionSchema,
  VoteSchema,
  BallotSchema,
  ReservationSchema,
  PersonRefSchema,
  OutcomeSchema,
  DiagnosticSchema,
  FurnitureSchema,
  PageRangeSchema,
  OtherSectionSchema,
  documentJsonSchema,
} from "./schema/index.js";

/** Types of the record contract, inferred from the zod schemas. */
export type {
  Document,
  DocumentRecord,
  DocumentKind,
  ParseStatus,
  Participant,
  ParticipantGroup,
  Role,
  Item,
  Handling,
  Motion,
  Vote,
  Ballot,
  Reservation,
  PersonRef,
  Outcome,
  Diagnostic,
  Furniture,
  PageRange,
  OtherSection,
} from "./schema/index.js";

/**
 * Link parsed documents: each kallelse item with the § that handled it at the
 * same meeting, and every item by diarienummer into cases across bodies and dates.
 */
export { linkDocuments, titleSimilarity, normaliseCaseNumber, LINK_THRESHOLD } from "./link/index.js";
export type { DocumentLinks, ItemLink, ItemRef, Case, CaseEntry } from "./link/index.js";

/** Typed errors: every error thrown is a `ProtokollError` with a stable `code`. */
export {
  ProtokollError,
  InvalidInputError,
  PdfError,
  NoTextLayerError,
  OcrUnavailableError,
  OCR_INSTALL_COMMAND,
  BudgetExceededError,
  ParseError,
  SchemaViolationError,
  FileReadError,
  isProtokollError,
  ERROR_CODES,
} from "./errors.js";
export type { ProtokollErrorCode } from "./errors.js";

/** Diagnostic codes the library emits, with what each means. */
export { DIAGNOSTIC_CODES, isDiagnosticCode } from "./records/diagnostics.js";
export type { DiagnosticCode } from "./records/diagnostics.js";
