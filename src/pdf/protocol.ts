/**
 * Messages between the extraction pool (src/pdf/isolated.ts, the caller's
 * thread) and its worker (src/pdf/worker.ts). Errors cross as plain records
 * and are made typed again on the caller's side.
 */
import { BudgetExceededError, InvalidInputError, NoTextLayerError, PdfError, ProtokollError, type ProtokollErrorCode } from "../errors.js";
import type { PdfOptions, PdfText } from "./types.js";

/** One PDF to read. `bytes` is the worker's own copy: its buffer is transferred, not cloned. */
export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  options: PdfOptions & Required<Pick<PdfOptions, "maxPages" | "timeoutMs">>;
}

export type ExtractReply =
  | { id: number; ok: true; pdf: PdfText }
  | { id: number; ok: false; error: ErrorRecord }
  /** Not an answer: the budget grew by this much for pages read by OCR; the caller's deadline follows. */
  | { id: number; extendMs: number };

/** A ProtokollError as plain data. */
export interface ErrorRecord {
  code: ProtokollErrorCode;
  message: string;
  page: number | null;
}

export function errorRecord(error: ProtokollError): ErrorRecord {
  return { code: error.code, message: error.message, page: error.page };
}

/** The record as the class the in-thread extraction would have thrown, with the worker's message. */
export function reviveError(record: ErrorRecord): ProtokollError {
  const options = { page: record.page };
  const error = ((): ProtokollError => {
    switch (record.code) {
      case "NO_TEXT_LAYER":
        return new NoTextLayerError(0);
      case "INVALID_INPUT":
        return new InvalidInputError(record.message, options);
      case "PAGE_LIMIT_EXCEEDED":
      case "TIME_LIMIT_EXCEEDED":
        return new BudgetExceededError(record.code, record.message, options);
      default:
        return new PdfError(record.code, record.message, options);
    }
  })();
  error.message = record.message;
  return error;
}
