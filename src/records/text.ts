/**
 * Lines of a block -> the text of a record field, following the contract's
 * normalisation: lines of a paragraph joined with one space, paragraph breaks
 * as "\n\n", list points on their own line.
 */
import type { Line } from "../layout/types.js";

/** A numbered point ("1. ", "2) ", "a) ") or a bullet ("• ", "- ") at a line start. */
export const LIST_POINT = /^(?:\d{1,3}[.)]\s|[a-zåäö][.)]\s|[•◦▪▫■□●○◆◇►▸‣⁃∙·\-–*]\s?)/u;
const BULLET = /^[•◦▪▫■□●○◆◇►▸‣⁃∙·]\s*/u;

/**
 * `text` without the characters `strip` (a one-character class) matches at either end. A scan from
 * both ends: `replace(/^[…]+|[…]+$/g, "")` starts `[…]+$` again at every character of a long run
 * of them, which is quadratic in the run's length.
 */
export function stripEnds(text: string, strip: RegExp): string {
  let start = 0;
  while (start < text.length && strip.test(text[start]!)) start++;
  return stripEnd(text.slice(start), strip);
}

/** `text` without the characters `strip` matches at its end (as {@link stripEnds}, the end only). */
export function stripEnd(text: string, strip: RegExp): string {
  let end = text.length;
  while (end > 0 && strip.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** A piece of text to join: the line's text, or inline text after a heading. */
export interface TextPiece {
  text: string;
  breakBefore: boolean;
  joinsNext: boolean;
}

export function piece(line: Line, text: string = line.text): TextPiece {
  return { text, breakBefore: line.breakBefore, joinsNext: line.joinsNext };
}

/** Join pieces into field text; null when there is nothing. */
export function joinText(pieces: readonly TextPiece[]): string | null {
  let out = "";
  let previous: TextPiece | null = null;
  for (const current of pieces) {
    const text = current.text.trim();
    if (!text) continue;
    if (previous === null) out = text;
    else out += separator(previous, current, text) + text;
    previous = current;
  }
  const result = out.normalize("NFC").replace(/[ \t]+/g, " ").trim();
  return result === "" ? null : result;
}

function separator(previous: TextPiece, current: TextPiece, text: string): string {
  if (previous.joinsNext) return "";
  // A list keeps its points on their own lines, also directly after the line that introduces it.
  if (LIST_POINT.test(text)) return "\n";
  if (current.breakBefore) return "\n\n";
  return " ";
}

/** Split block lines into entries of a list: one per bullet, or one per line where there are none. */
export function listEntries(pieces: readonly TextPiece[]): string[] {
  const bulleted = pieces.some((p) => BULLET.test(p.text.trim()));
  const entries: string[] = [];
  let joinsPrevious = false;
  for (const p of pieces) {
    const text = p.text.trim();
    if (!text) continue;
    // Without bullets, a line that starts in lower case is the wrapped end of the entry above.
    const startsEntry = bulleted ? BULLET.test(text) : !/^[a-zåäö]/.test(text);
    const clean = text.replace(BULLET, "").trim();
    if (startsEntry || entries.length === 0) entries.push(clean);
    else entries[entries.length - 1] += (joinsPrevious ? "" : " ") + clean;
    joinsPrevious = p.joinsNext;
  }
  return entries.map(normaliseSpaces).filter((e) => e.length > 0);
}

/**
 * Recipients of a decision: a comma list ("Kommunstyrelsen, Ekonomiavdelningen")
 * possibly wrapped over lines, or one recipient per line.
 */
export function recipientEntries(pieces: readonly TextPiece[]): string[] {
  const texts = pieces.map((p) => p.text.trim()).filter(Boolean);
  const commaList = texts.some((t) => /,\s*$/.test(t) || /,\s+\S/.test(t));
  if (!commaList) return listEntries(pieces);
  const joined = joinText(pieces.map((p) => ({ ...p, breakBefore: false }))) ?? "";
  return joined
    .split(/,\s+(?=\S)/)
    .map((entry) => normaliseSpaces(entry.replace(BULLET, "").replace(/[,.]$/, "")))
    .filter((entry) => entry.length > 0);
}

export function normaliseSpaces(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Split a block into paragraphs (entries that start after a break or a finished sentence). */
export function paragraphs(pieces: readonly TextPiece[], startsEntry: (text: string) => boolean): TextPiece[][] {
  const groups: TextPiece[][] = [];
  let previous: TextPiece | null = null;
  for (const p of pieces) {
    const text = p.text.trim();
    if (!text) continue;
    const sentenceEnded = previous !== null && /[.!?:”"]$/.test(previous.text.trim());
    if (groups.length === 0 || p.breakBefore || (sentenceEnded && startsEntry(text))) groups.push([]);
    groups[groups.length - 1]!.push(p);
    previous = p;
  }
  return groups;
}
