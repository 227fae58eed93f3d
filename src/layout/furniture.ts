/**
 * Page furniture: running headers and footers, page numbers, signature boxes
 * and signing-portal stamps. They are taken out of the flow (so a paragraph
 * that runs over a page break reads on) and kept, with their page, because
 * a running header names the organisation and the body.
 *
 * Two kinds of evidence:
 * - What furniture says: page numbers (only in a page's top or bottom band,
 *   since a lone "8" in the body is an ordinary number), "Justerandes sign",
 *   "Utdragsbestyrkande", "Signerat med …". These hold on one-page documents.
 * - Repetition. PDF input: a cell in the top or bottom band whose text, digits
 *   masked, comes back in the same band on several pages. Counting is one hash
 *   map over the document, linear in its lines. Text input has no bands, so
 *   see {@link textFurniture} for the stricter rule used there.
 */
import type { Cell, PageLine } from "./types.js";

/** Bands, as fractions of the page height, where running headers and footers stand. */
const TOP_BAND = 0.09;
const BOTTOM_BAND = 0.9;

const PAGE_NUMBER = [
  /^sida\s*\d+(\s*(av|\/|of)\s*\d+|\s*\(\s*\d+\s*\))?$/i, // "Sida 2 av 8", "Sida 2 (4)", "Sida 2"
  /^\d+\s*\(\s*\d+\s*\)$/, // "2(8)", "2 (8)"
  /^\d+\s*(av|\/)\s*\d+$/i, // "2 av 8", "2/8"
  /^[-–]?\s*\d{1,4}\s*[-–]?$/, // "8", "- 8 -"
];
/** Page numbers that cannot be anything else, so text input may trust them too. */
const STRONG_PAGE_NUMBER = PAGE_NUMBER.slice(0, 3);

const SIGNATURE_BOX = /^(justerandes?|justerares|ordförandes|sekreterarens?)\s+sign(atur|\.)?(er)?$|^utdragsbestyrkande$|^(justerandes?\s+)?signatur(er)?$/i;
const PORTAL_STAMP =
  /^(signerat med\b|signed with\b|dokumentet är (digitalt|elektroniskt) signerat\b|verifikat(ion)?(snummer|-id)?\s*[:#]|transaktion(s-?id)?\s*[:#]?\s*[0-9A-F-]{8,}|document id\s*[:#]?\s*[0-9A-F-]{8,})/i;

export function maskDigits(text: string): string {
  return text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Furniture by what it says; `inBand` allows bare page numbers. */
export function saysFurniture(text: string, inBand: boolean): boolean {
  const t = text.trim();
  return SIGNATURE_BOX.test(t) || PORTAL_STAMP.test(t) || (inBand ? PAGE_NUMBER : STRONG_PAGE_NUMBER).some((re) => re.test(t));
}

type Band = "top" | "bottom" | null;

function band(line: PageLine, pageHeight: number): Band {
  if (line.baseline < TOP_BAND * pageHeight) return "top";
  if (line.baseline > BOTTOM_BAND * pageHeight) return "bottom";
  return null;
}

export interface PdfPageLines {
  page: number;
  height: number;
  lines: PageLine[];
}

/** The cells of each page that are furniture, found across the whole document at once. */
export function pdfFurniture(pages: PdfPageLines[]): Set<Cell> {
  const pagesWith = new Map<string, Set<number>>();
  const keyOf = (b: Band, cell: Cell): string => `${b}|${maskDigits(cell.text)}`;
  for (const { page, height, lines } of pages) {
    for (const line of lines) {
      const b = band(line, height);
      if (!b) continue;
      for (const cell of line.cells) {
        const key = keyOf(b, cell);
        const set = pagesWith.get(key) ?? new Set<number>();
        set.add(page);
        pagesWith.set(key, set);
      }
    }
  }
  // Two pages suffice in a two-page document; longer documents need three, so that body text
  // that happens to open two pages the same way stays body text.
  const needed = Math.min(3, Math.max(2, pages.length));

  const furniture = new Set<Cell>();
  for (const { height, lines } of pages) {
    for (const line of lines) {
      const b = band(line, height);
      for (const cell of line.cells) {
        const repeated = b !== null && (pagesWith.get(keyOf(b, cell))?.size ?? 0) >= needed;
        if (repeated || saysFurniture(cell.text, b !== null)) furniture.add(cell);
      }
    }
  }
  return furniture;
}

/** A running-header phrase: a document word, a meeting date label or an ISO date. */
const HEADER_LIKE = /\b(protokoll|sammanträdesprotokoll|kallelse|föredragningslista|sammanträdesdatum)\b|#-#-#/i;
const TEXT_REPEATS = 3;
const NEAR_LINES = 2;

/**
 * Furniture lines of text input (indexes into `texts`, blank lines included as "").
 * Without page geometry a line counts as furniture when
 * 1. it says so (signature box, portal stamp, an unmistakable page number), or
 * 2. it recurs, digits masked, at least 3 times, is short (at most 80 characters),
 *    is not a sentence or a label (no final "." or ":"), does not start a § or a
 *    list point, and reads like a running header: a document word ("protokoll",
 *    "kallelse"), "sammanträdesdatum" or an ISO date; or
 * 3. it recurs word for word (digits not masked) at least 3 times, is at most
 *    5 words, and every occurrence stands within 2 non-blank lines of a line
 *    found by 1 or 2: the rest of a header block ("Kommunstyrelsen" under
 *    "Göteborgs Stad Kommunstyrelsen, protokoll"). Word for word, because a
 *    numbered value next to a header ("KF Handling 2024 nr 51") is content.
 * Section headings ("Beslut", "Handlingar", "Protokollsutdrag skickas till")
 * recur as often but fail 2 (no header phrase) and 3 (not always next to a header).
 */
export function textFurniture(texts: string[]): Set<number> {
  const occurrences = new Map<string, number[]>();
  const nonBlank: number[] = [];
  texts.forEach((text, index) => {
    if (text === "") return;
    nonBlank.push(index);
    const key = maskDigits(text);
    const list = occurrences.get(key) ?? [];
    list.push(index);
    occurrences.set(key, list);
  });

  const furniture = new Set<number>();
  for (const [key, indexes] of occurrences) {
    const first = texts[indexes[0]!]!;
    const headerLike =
      indexes.length >= TEXT_REPEATS &&
      first.length <= 80 &&
      !/[.:]$/.test(first) &&
      !/^(§|[•·▪–-]|\d+[.)]\s)/.test(first) &&
      HEADER_LIKE.test(key);
    if (headerLike || saysFurniture(first, false)) for (const i of indexes) furniture.add(i);
  }

  // Rule 3, from the positions of non-blank lines so that blank lines do not count as distance.
  const rank = new Map<number, number>(nonBlank.map((index, r) => [index, r]));
  const nearFurniture = (index: number): boolean => {
    const r = rank.get(index)!;
    for (let d = -NEAR_LINES; d <= NEAR_LINES; d++) {
      const other = nonBlank[r + d];
      if (d !== 0 && other !== undefined && furniture.has(other)) return true;
    }
    return false;
  };
  const exact = new Map<string, number[]>();
  for (const index of nonBlank) {
    const list = exact.get(texts[index]!) ?? [];
    list.push(index);
    exact.set(texts[index]!, list);
  }
  const found = [...exact.values()].filter(
    (indexes) =>
      indexes.length >= TEXT_REPEATS &&
      !furniture.has(indexes[0]!) &&
      texts[indexes[0]!]!.split(" ").length <= 5 &&
      indexes.every(nearFurniture),
  );
  for (const indexes of found) for (const i of indexes) furniture.add(i);
  return furniture;
}
