/**
 * Node-only entry (`protokoll/node`): everything of the main entry plus
 * {@link parseFile}, which reads from disk.
 *
 * @packageDocumentation
 */
import { readFile } from "node:fs/promises";
import { FileReadError } from "./errors.js";
import { parseInputBytes, type ParseFileOptions } from "./input.js";
import type { Document } from "./schema/index.js";

export * from "./index.js";
export type { ParseFileOptions } from "./input.js";
export { decodeText, TEXT_ENCODINGS, type DecodedText, type TextEncoding } from "./text/decode.js";

/**
 * Read a `.pdf` (or, by extension, a `.txt` of extracted text) and parse it.
 * A file that starts with `%PDF-` is parsed as a PDF whatever its name. Text
 * is decoded by its byte-order mark, else detected as UTF-16, UTF-8 or
 * Windows-1252 (a `TEXT_ENCODING` diagnostic says when it was not UTF-8), or
 * read in `options.encoding`. The document's `source.file` is `path` as given,
 * and `source.sha256` the sha256 of the file's bytes, for text too.
 *
 * @throws {FileReadError} `FILE_READ_FAILED` when the file cannot be read.
 * @throws {ProtokollError} `EMPTY_DOCUMENT` for a file of 0 bytes.
 */
export async function parseFile(path: string, options: ParseFileOptions = {}): Promise<Document> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new FileReadError(path, cause);
  }
  return parseInputBytes(bytes, { file: path, detect: "extension" }, options);
}
