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
 * `NO_TEXT_LAYER`), when a budget is exceeded (`PAGE_LIMIT_EXCEEDED`,
 * `TIME_LIMIT_EXCEEDED`), or with `strict: true` on an error diagnostic (`PARSE_FAILED`).
 *
 * @example
 * const doc = await parsePdf(new Uint8Array(await file.arrayBuffer()));
 * for (const item of doc.items) console.log(item.paragraph, item.title, item.decision);
 */
export { parsePdf } from "./parse.js";

/**
 * Parse text already extracted from a PDF (for example by `pdftotext`) into a
 * {@link Document}. A form feed (`\f`) marks a page break. Synchronous.
 */
export { parseText } from "./parse.js";

/** Options of {@link parsePdf} and {@link parseText}. */
export type { ParseOptions } from "./parse.js";

/** zod schemas of the record contract (version 1); validate or extend with them. */
export {
  DocumentSchema,
  ParticipantSchema,
  ParticipantGroupSchema,
  RoleSchema,
  ItemSchema,
  MotionSchema,
  VoteSchema,
  BallotSchema,
  ReservationSchema,
  DiagnosticSchema,
  FurnitureSchema,
  PageRangeSchema,
  OtherSectionSchema,
  documentJsonSchema,
} from "./schema/index.js";

/** Types of the record contract, inferred from the zod schemas. */
export type {
  Document,
  DocumentKind,
  Participant,
  ParticipantGroup,
  Role,
  Item,
  Motion,
  Vote,
  Ballot,
  Reservation,
  Diagnostic,
  Furniture,
  PageRange,
  OtherSection,
} from "./schema/index.js";

/** Typed errors: every error thrown is a `ProtokollError` with a stable `code`. */
export {
  ProtokollError,
  InvalidInputError,
  PdfError,
  NoTextLayerError,
  BudgetExceededError,
  ParseError,
  SchemaViolationError,
  FileReadError,
  isProtokollError,
} from "./errors.js";
export type { ProtokollErrorCode } from "./errors.js";

/** Diagnostic codes the library emits, with what each means. */
export { DIAGNOSTIC_CODES } from "./records/diagnostics.js";
export type { DiagnosticCode } from "./records/diagnostics.js";
