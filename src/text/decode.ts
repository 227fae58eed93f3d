/**
 * Bytes of a text file -> a string, for text input read from disk or stdin.
 * Older Swedish text files are often Windows-1252 (Latin-1 plus € and curly
 * quotes); tools on Windows write UTF-16 with a byte-order mark. Decoding such a
 * file as UTF-8 turns "vård" into "v�rd" without a word, so the encoding is
 * detected: a BOM decides; else UTF-16 is recognised by its zero bytes, else
 * valid UTF-8 with Latin letters is UTF-8, else it is read as Windows-1252 (every byte is a
 * character there, so this never fails). Browser-safe: TextDecoder only.
 */
import { diagnostic } from "../records/diagnostics.js";
import type { Diagnostic } from "../schema/index.js";

/** Encodings text input may be in; `auto` detects (the default). */
export const TEXT_ENCODINGS = ["auto", "utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  /** The encoding the text was read in. */
  encoding: Exclude<TextEncoding, "auto">;
  /** How it was chosen: a byte-order mark, detection, or the caller. */
  by: "bom" | "detected" | "option";
  /** TEXT_ENCODING when the text was not UTF-8: info when sure (BOM, option), warning when guessed. */
  diagnostics: Diagnostic[];
}

const BOMS: readonly { bytes: readonly number[]; encoding: DecodedText["encoding"] }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** How much of the start is looked at for UTF-16 without a BOM: enough for a page of text. */
const SNIFF_BYTES = 4096;

/** Decode `bytes` as text in `encoding` (default `auto`: detect). Never throws. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = "auto"): DecodedText {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (encoding !== "auto") {
    // A BOM of the named encoding is not text; any other leading bytes are the caller's to keep.
    const skip = bom?.encoding === encoding ? bom.bytes.length : 0;
    return result(decode(bytes.subarray(skip), encoding), encoding, "option");
  }
  if (bom) return result(decode(bytes.subarray(bom.bytes.length), bom.encoding), bom.encoding, "bom");
  const utf16 = sniffUtf16(bytes.subarray(0, SNIFF_BYTES));
  if (utf16) return result(decode(bytes, utf16), utf16, "detected");
  let utf8: string;
  try {
    utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return result(decode(bytes, "windows-1252"), "windows-1252", "detected");
  }
  return onlyForeignScript(utf8) ? result(decode(bytes, "windows-1252"), "windows-1252", "detected") : result(utf8, "utf-8", "detected");
}

/**
 * The non-ASCII characters a Nordic UTF-8 text holds: Latin-1 letters (å, ä, ö, é)
 * and typographic marks (dashes, quotes, €). Latin Extended is left out: Windows-1252
 * "Ä§" is valid UTF-8 for "ħ".
 */
const LATIN_OR_TYPOGRAPHIC = /[\u00a0-\u00ff\u2000-\u214f]/u;
const NON_ASCII = /[^\u0000-\u007f]/u;

/**
 * A Windows-1252 byte pair can happen to be valid UTF-8 ("Ö§" is D6 A7, which
 * UTF-8 reads as a Hebrew point; "Ä§" reads as "ħ"). Swedish UTF-8 text has its å, ä, ö; valid
 * UTF-8 whose non-ASCII characters are none of the Latin ones is Windows-1252
 * that looked like UTF-8.
 */
function onlyForeignScript(text: string): boolean {
  return NON_ASCII.test(text) && !LATIN_OR_TYPOGRAPHIC.test(text);
}

function decode(bytes: Uint8Array, encoding: DecodedText["encoding"]): string {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  // ignoreBOM: the BOM, if any, was already cut off above; a later U+FEFF is text.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/**
 * Windows-1252 at 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ; five
 * bytes are unassigned and stay as their C1 code). Done here because some Node
 * versions' TextDecoder("windows-1252") decodes as ISO-8859-1 and gives U+0080 for €.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/**
 * UTF-16 text of a Latin-script language has a zero byte in nearly every
 * character: at odd offsets in little-endian, at even ones in big-endian. A
 * UTF-8 or Windows-1252 text has none (a NUL is not text).
 */
function sniffUtf16(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

const NAMES: Record<DecodedText["encoding"], string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 little-endian",
  "utf-16be": "UTF-16 big-endian",
  "windows-1252": "Windows-1252 (Latin-1)",
};

function result(text: string, encoding: DecodedText["encoding"], by: DecodedText["by"]): DecodedText {
  const diagnostics: Diagnostic[] = [];
  if (encoding !== "utf-8") {
    const how = by === "bom" ? "by its byte-order mark" : by === "option" ? "as asked" : "because it is not valid UTF-8";
    const message = `The text is not UTF-8; it was read as ${NAMES[encoding]} ${how}.`;
    // Detection of Windows-1252 is a guess (ISO-8859-15 or Mac Roman read the same way mostly): say so louder.
    diagnostics.push(diagnostic(by === "detected" && encoding === "windows-1252" ? "warning" : "info", "TEXT_ENCODING", message, null));
  }
  return { text, encoding, by, diagnostics };
}
