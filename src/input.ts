/**
 * A file's bytes -> a Document, the way `parseFile` and the CLI read input:
 * PDF or text by the bytes and the name, text decoded by its encoding, and the
 * document told where it came from (`source.file`, `source.sha256`).
 * Not part of the public API; `parseFile` in node.ts is.
 */
import { ProtokollError } from "./errors.js";
// Through the main entry: the build keeps this an import of dist/index.(c)js, one copy of the library for both entries.
import { parsePdf, parsePdfMeetings, parseText, parseTextMeetings, type ParseOptions } from "./index.js";
import type { Document } from "./schema/index.js";
import { sha256Hex } from "./sha256.js";
import { decodeText, type TextEncoding } from "./text/decode.js";

/** Options of {@link parseFile}: those of the parse, and how text input is decoded. */
export interface ParseFileOptions extends ParseOptions {
  /** Encoding of text input (default `auto`: byte-order mark, else UTF-16, UTF-8 or Windows-1252 by detection). */
  encoding?: TextEncoding;
}

export interface InputName {
  /** Recorded as `source.file`; null when the bytes came from no file (stdin). */
  file: string | null;
  /**
   * How to tell text from PDF when the bytes do not start with `%PDF-`:
   * `extension` reads only a `.txt` name as text (anything else named is a PDF
   * to be refused as NOT_A_PDF), `sniff` reads everything else as text (stdin).
   */
  detect: "extension" | "sniff";
}

/** Parse a file's bytes; see {@link InputName} for how PDF and text are told apart. */
export async function parseInputBytes(bytes: Uint8Array, name: InputName, options: ParseFileOptions = {}): Promise<Document> {
  return (await readInput(bytes, name, options, false))[0]!;
}

/** Parse a file's bytes into one document per meeting it holds (see `parsePdfMeetings`), each told where it came from. */
export function parseInputMeetings(bytes: Uint8Array, name: InputName, options: ParseFileOptions = {}): Promise<Document[]> {
  return readInput(bytes, name, options, true);
}

async function readInput(bytes: Uint8Array, name: InputName, options: ParseFileOptions, split: boolean): Promise<Document[]> {
  if (bytes.length === 0) {
    throw new ProtokollError("EMPTY_DOCUMENT", `${name.file ?? "The input"} is empty (0 bytes): there is nothing to parse.`);
  }
  const { encoding, ...parseOptions } = options;
  if (!isPdf(bytes) && (name.detect === "sniff" || name.file?.toLowerCase().endsWith(".txt"))) {
    const decoded = decodeText(bytes, encoding);
    const docs = split ? parseTextMeetings(decoded.text, parseOptions) : [parseText(decoded.text, parseOptions)];
    // The sha256 of the file's bytes, as for a PDF: `sha256sum file` finds it, and the CLI's manifest agrees.
    const sha256 = await sha256Hex(bytes);
    return docs.map((doc) => withSource({ ...doc, diagnostics: [...decoded.diagnostics, ...doc.diagnostics] }, sha256, name.file));
  }
  const docs = split ? await parsePdfMeetings(bytes, parseOptions) : [await parsePdf(bytes, parseOptions)];
  return docs.map((doc) => withSource(doc, doc.source.sha256, name.file));
}

function withSource(doc: Document, sha256: string | null, file: string | null): Document {
  return { ...doc, source: { ...doc.source, sha256, file } };
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}
