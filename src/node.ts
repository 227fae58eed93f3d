/**
 * Node-only entry (`protokoll/node`): everything of the main entry plus
 * {@link parseFile}, which reads from disk.
 *
 * @packageDocumentation
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
// The build keeps this import as one of dist/index.(c)js: both entries share one copy of the library.
import { FileReadError, parsePdf, parseText, type Document, type ParseOptions } from "./index.js";

export * from "./index.js";

/**
 * Read a `.pdf` (or, by extension, a `.txt` of extracted text) and parse it.
 * A file that starts with `%PDF-` is parsed as a PDF whatever its name.
 *
 * @throws {FileReadError} `FILE_READ_FAILED` when the file cannot be read.
 */
export async function parseFile(path: string, options: ParseOptions = {}): Promise<Document> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new FileReadError(path, cause);
  }
  if (extname(path).toLowerCase() === ".txt" && !startsWithPdfMagic(bytes)) {
    return parseText(new TextDecoder("utf-8").decode(bytes), options);
  }
  return parsePdf(bytes, options);
}

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && new TextDecoder("latin1").decode(bytes.subarray(0, 5)) === "%PDF-";
}
