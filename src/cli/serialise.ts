/**
 * How a document is written: pretty JSON (`json`, one file per input) or one
 * line (`jsonl`), with a newline after. Used by the worker, which serialises in
 * parallel, and by `--resume`, which rewrites a kept output into the format of
 * the run; the key order is the document's, so the same document always gives
 * the same bytes.
 */
import type { OutputFormat } from "./protocol.js";

export function serialise(document: unknown, format: OutputFormat): string {
  return (format === "json" ? JSON.stringify(document, null, 2) : JSON.stringify(document)) + "\n";
}
