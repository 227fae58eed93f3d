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
 *   masked, comes back in the same band on several pages, and that stands apart
 *   from the body by a gap wider than line pitch. Counting is one hash map over
 *   the document, linear in its lines. Text input has no bands, so
 *   see {@link textFurniture} for the stricter rule used there.
 */
import type { Cell, PageLine } from "./types.js";

/** A cell that ends in dot leaders: what follows it on the line is a contents entry's page. */
const LEADER_END = /(?<![.…·_])[.…·_]{3,}\s*$/u;

/** Bands, as fractions of the page height, where running headers and footers stand. */
const TOP_BAND = 0.13;
const BOTTOM_BAND = 0.9;

const PAGE_NUMBER = [
  /^sida\s*\d+(\s*(av|\/|of)\s*\d+|\s*\(\s*\d+\s*\))?$/i, // "Sida 2 av 8", "Sida 2 (4)", "Sida 2"
  /^\d+\s*\(\s*\d+\s*\)$/, // "2(8)", "2 (8)"
  /^\d{1,3}\s*(av|\/)\s*\d{1,3}$/i, // "2 av 8", "2/8" (not a year range "2025/2026")
  /^[-–]?\s*\d{1,4}\s*[-–]?$/, // "8", "- 8 -"
];
/** Page numbers that cannot be anything else, so text input may trust them too. */
const STRONG_PAGE_NUMBER = PAGE_NUMBER.slice(0, 3);

const SIGNATURE_BOX_PHRASE = String.raw`(?:(?:justerandes?|justerares|ordförandes|sekreterarens?)\s+sign(?:atur|\.)?(?:er)?|utdragsbestyrkande|(?:justerandes?\s+)?signatur(?:er)?)`;
/** One or more signature boxes; pdftotext prints boxes side by side on one line ("Justerandes sign Utdragsbestyrkande"). */
const SIGNATURE_BOX = new RegExp(String.raw`^${SIGNATURE_BOX_PHRASE}(?:\s+${SIGNATURE_BOX_PHRASE})*$`, "i");
/**
 * A running header or footer that carries the page number: "Kommunstyrelsen Sida 1 av 3", "Protokoll 2(8)".
 * Only ever tried on a line of at most {@link MAX_RUNNING_LINE} characters: on a long line `\S.*\s(?:…)$`
 * runs `.*` to the end from every start, which is quadratic in the line's length.
 */
const ENDS_WITH_PAGE_NUMBER = /\S.*\s(?:sida\s*\d+\s*(?:av|\/)\s*\d+|sida\s*\d+\s*\(\s*\d+\s*\)|\d+\s*\(\s*\d+\s*\))$/i;
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
  /** The page was read by OCR: a logo in its header comes out as letters. */
  ocr?: boolean;
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
  const recurs = (b: Band, cell: Cell): boolean => (pagesWith.get(keyOf(b, cell))?.size ?? 0) >= needed;
  const repeated = (line: PageLine, b: Band): boolean => line.cells.some((cell) => recurs(b, cell));
  const recurring = recurringTexts(pagesWith, needed);

  const furniture = new Set<Cell>();
  for (const { height, lines, ocr } of pages) {
    const running = runningLines(lines, (line, b) => band(line, height) === b && repeated(line, b));
    for (const line of lines) {
      const b = band(line, height);
      line.cells.forEach((cell, i) => {
        const isRunning =
          running.has(line) &&
          (recurs(b, cell) || RUNNING_DESIGNATION.test(cell.text.trim()) || (ocr === true && ocrNoise(cell.text, recurring.get(b) ?? [])));
        // A bare number is a page number at the end of its line, not a table's first column ("3  Budget ..."),
        // nor the page a contents entry points to along its dot leader ("1. Budget ........  3").
        const afterLeader = i > 0 && LEADER_END.test(line.cells[i - 1]!.text);
        const pageNumberPlace = b !== null && (i === line.cells.length - 1 || line.cells.length === 1) && !afterLeader;
        if (isRunning || saysFurniture(cell.text, pageNumberPlace)) furniture.add(cell);
      });
    }
  }
  return furniture;
}

/** Texts (digits masked) that recur in each band: what an OCR'd logo or header is read as elsewhere. */
function recurringTexts(pagesWith: Map<string, Set<number>>, needed: number): Map<Band, string[]> {
  const texts = new Map<Band, string[]>();
  for (const [key, set] of pagesWith) {
    if (set.size < needed) continue;
    const [b, text] = [key.slice(0, key.indexOf("|")) as Band, key.slice(key.indexOf("|") + 1)];
    if (text.length >= MIN_ECHO) texts.set(b, [...(texts.get(b) ?? []), text]);
  }
  return texts;
}

/** A recurring text this long is a word of the header, not a stray letter pair. */
const MIN_ECHO = 4;
const LETTER_RUN = /\p{L}{3}/u;

/**
 * OCR reads a logo or a stamp in a running header as letters that change from page to page:
 * "gNYKARLEBY" where the other pages read "NYKARLEBY", or a speck "pr". Inside the header
 * block of an OCR page, a cell that holds a recurring header text, or that has no run of
 * three letters (and is no number), is furniture too.
 */
function ocrNoise(text: string, recurring: readonly string[]): boolean {
  const masked = maskDigits(text);
  if (masked.length > MAX_RUNNING_LINE) return false;
  if (!LETTER_RUN.test(masked) && !/\d/u.test(text)) return true;
  return recurring.some((echo) => masked.includes(echo));
}

/**
 * A bare § designation in a running header ("BUN § 14" beside the date and
 * "Sida 3(19)") names the § the page belongs to; it changes from page to page,
 * so it need not recur, but it stands in a header block with recurring cells.
 */
const RUNNING_DESIGNATION = /^(?:[A-ZÅÄÖ]{1,8}(?:[ -][A-ZÅÄÖ]{1,8})?\s+)?(?:§\s*\d{1,4}(?:\s*[a-z])?|\d{1,4}\s*§)$/u;

/** A running header or footer stands this far (× font size, baseline to baseline) from the body at least. */
const HEADER_SEPARATION = 1.5;

/**
 * The lines of one page (in baseline order) that may be running headers or footers:
 * those on the page's edge side of a clear gap. A section heading that happens to
 * open several pages ("JÄV" over its text, in a template without a running header)
 * repeats in the top band too, but it stands at line pitch above its text.
 */
function runningLines(lines: PageLine[], repeatedIn: (line: PageLine, b: "top" | "bottom") => boolean): Set<PageLine> {
  const running = new Set<PageLine>();
  const separated = (a: PageLine | undefined, b: PageLine | undefined): boolean =>
    !a || !b || b.baseline - a.baseline > HEADER_SEPARATION * Math.max(a.fontSize, b.fontSize);
  // Top band: the lowest repeated line with a gap below it closes the header block.
  const top = lines.findLastIndex((line, i) => repeatedIn(line, "top") && separated(line, lines[i + 1]));
  for (let i = 0; i <= top; i++) running.add(lines[i]!);
  // Bottom band: the highest repeated line with a gap above it opens the footer block.
  const bottom = lines.findIndex((line, i) => repeatedIn(line, "bottom") && separated(lines[i - 1], line));
  if (bottom >= 0) for (let i = bottom; i < lines.length; i++) running.add(lines[i]!);
  return running;
}

/** A running-header phrase: a document word or a meeting date label (a bare date recurs in content too: "Tjänsteskrivelse 2019-01-01"). */
const HEADER_LIKE = /\b(protokoll|sammanträdesprotokoll|kallelse|föredragningslista|sammanträdesdatum)\b/i;
const TEXT_REPEATS = 3;
/** Words of an organisation's name, as running headers print it. */
const ORGANISATION_WORD = /\b(?:kommun|region|stad|landsting)\b/i;
const NEAR_LINES = 2;

/**
 * Furniture lines of text input (indexes into `texts`, blank lines included as "").
 * Without page geometry a line counts as furniture when
 * 1. it says so (signature box, portal stamp, an unmistakable page number), or
 * 2. it recurs, digits masked, at least 3 times, is short (at most 80 characters),
 *    is not a sentence or a label (no final "." or ":"), does not start a § or a
 *    list point, and reads like a running header: a document word ("protokoll",
 *    "kallelse") or "sammanträdesdatum"; or
 * 3. it recurs word for word (digits not masked) at least 3 times, is at most
 *    5 words, and every occurrence stands within 2 non-blank lines of a line
 *    found by 1 or 2, on its page: the rest of a header block ("Kommunstyrelsen" under
 *    "Göteborgs Stad Kommunstyrelsen, protokoll"). Word for word, because a
 *    numbered value next to a header ("KF Handling 2024 nr 51") is content.
 * Section headings ("Beslut", "Handlingar", "Protokollsutdrag skickas till")
 * recur as often but fail 2 (no header phrase) and 3 (not always next to a header).
 */
export function textFurniture(texts: string[], pages: number[] = texts.map(() => 1)): Set<number> {
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

  // Rules 1 and 2; the paged rule (below) finds whole header blocks on its own, so rule 3 builds on these only.
  const furniture = new Set<number>();
  const rankOf = new Map<number, number>(nonBlank.map((index, r) => [index, r]));
  for (const [key, indexes] of occurrences) {
    const first = texts[indexes[0]!]!;
    const headerLike =
      indexes.length >= TEXT_REPEATS &&
      spreadOut(indexes, rankOf) &&
      first.length <= 80 &&
      !/[.:]$/.test(first) &&
      !/^(§|[•·▪–-]|\d+[.)]\s)/.test(first) &&
      HEADER_LIKE.test(key);
    if (headerLike || saysFurniture(first, false)) for (const i of indexes) furniture.add(i);
  }

  // Rule 3, from the positions of non-blank lines so that blank lines do not count as distance.
  const rank = rankOf;
  const nearFurniture = (index: number): boolean => {
    const r = rank.get(index)!;
    for (let d = -NEAR_LINES; d <= NEAR_LINES; d++) {
      const other = nonBlank[r + d];
      // On the same page: the page number that closes one page is not the header block of the next.
      if (d !== 0 && other !== undefined && pages[other] === pages[index] && furniture.has(other)) return true;
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
  for (const i of pagedTextFurniture(texts, pages)) furniture.add(i);
  return furniture;
}

/** A header recurs once a page, never on adjacent lines: lines next to each other are a list. */
function spreadOut(indexes: number[], rank: Map<number, number>): boolean {
  for (let i = 1; i < indexes.length; i++) {
    if (rank.get(indexes[i]!)! - rank.get(indexes[i - 1]!)! < MIN_HEADER_DISTANCE) return false;
  }
  return true;
}
const MIN_HEADER_DISTANCE = 4;

/** A running header or footer in text is at most this long. */
const MAX_RUNNING_LINE = 80;

/** How many non-blank lines at the top and at the bottom of a page of text may be furniture. */
const TEXT_BAND_LINES = 3;

/**
 * Text with form feeds has pages, so it gets a rule like PDF input's: among the
 * first or last three lines of a page, the run of lines from the page's edge
 * inwards that are furniture. A line belongs to that run when it says so
 * (signature box, page number, "Kommunstyrelsen Sida 1 av 3"), or when it recurs
 * in the same row, digits masked, on several pages (two in a two-page text, else
 * three) and is no sentence. A recurring run counts only where it somewhere
 * stands apart from the body by a blank line, as pdftotext prints running
 * headers, or where its words are a header's (a document word, an organisation):
 * a section that happens to open or close several pages ("Jäv" over its one
 * sentence) is neither.
 */
function pagedTextFurniture(texts: string[], pages: number[]): Set<number> {
  const byPage = new Map<number, number[]>();
  texts.forEach((text, index) => {
    if (text === "") return;
    const list = byPage.get(pages[index]!) ?? [];
    list.push(index);
    byPage.set(pages[index]!, list);
  });
  const keyOf = new Map<number, string>();
  for (const indexes of byPage.values()) {
    indexes.forEach((index, position) => {
      const fromBottom = indexes.length - 1 - position;
      // The line's exact place counts: a running header keeps its row, a section heading near a page edge does not.
      const band = position < TEXT_BAND_LINES ? `top${position}` : fromBottom < TEXT_BAND_LINES ? `bottom${fromBottom}` : null;
      if (band) keyOf.set(index, `${band}|${maskDigits(texts[index]!)}`);
    });
  }
  const pagesWith = new Map<string, Set<number>>();
  for (const [index, key] of keyOf) pagesWith.set(key, (pagesWith.get(key) ?? new Set<number>()).add(pages[index]!));
  const needed = Math.min(3, Math.max(2, byPage.size));

  const says = (text: string) => (text.length <= MAX_RUNNING_LINE && ENDS_WITH_PAGE_NUMBER.test(text)) || saysFurniture(text, true);
  const headerWords = (text: string) => HEADER_LIKE.test(maskDigits(text)) || ORGANISATION_WORD.test(text);
  const recurs = (index: number): boolean => {
    const text = texts[index]!;
    // Two pages are thin evidence: there only a page's first row (pages seldom open on the same words,
    // but often close on them: "Kommunstyrelsen" ending two lists of recipients), or a header-like line, count.
    // A bare date or number in the same row on both pages ("2024-09-18" under "Sammanträdesdatum") is no section's text either.
    const enoughPages = byPage.size >= 3 || keyOf.get(index)!.startsWith("top0|") || headerWords(text) || BARE_NUMBERS.test(text);
    const onPages = pagesWith.get(keyOf.get(index)!) ?? new Set<number>();
    return byPage.size >= 2 && enoughPages && onPages.size >= needed && text.length <= MAX_RUNNING_LINE && !/^§/.test(text) && !SENTENCE.test(text) && !headingAgain(text, onPages);
  };

  const furniture = new Set<number>();
  const runs: { lines: number[]; apart: boolean }[] = [];
  for (const indexes of byPage.values()) {
    const edges: [number[], 1 | -1][] = [
      [indexes.slice(0, TEXT_BAND_LINES), 1],
      [indexes.slice(-TEXT_BAND_LINES).reverse(), -1],
    ];
    for (const [edge, step] of edges) {
      for (const index of edge) if (says(texts[index]!)) furniture.add(index);
      // The run from the page's edge inwards, and where in it a blank line sets it apart from the body:
      // what follows the last such place (a heading right above its text) is not part of it.
      const members: number[] = [];
      let closed = -1;
      for (const index of edge) {
        if (!furniture.has(index) && !recurs(index)) break;
        members.push(index);
        const beyond = index + step;
        if (pages[beyond] !== pages[index] || texts[beyond] === "") closed = members.length;
      }
      const block = (closed >= 0 ? members.slice(0, closed) : members).filter((index) => !furniture.has(index));
      if (block.length > 0) runs.push({ lines: block, apart: closed >= 0 });
    }
  }
  const apartKeys = new Set(runs.filter((r) => r.apart).flatMap((r) => r.lines.map((i) => keyOf.get(i)!)));
  for (const { lines } of runs) {
    for (const index of lines) if (apartKeys.has(keyOf.get(index)!) || headerWords(texts[index]!)) furniture.add(index);
  }
  return furniture;
}

/**
 * A bare designation ("KS § 3") that opens pages far apart is a § heading
 * printed again, as a file holding two meetings numbered alike has it; as a
 * running header it names the § that runs on, over pages one after the other.
 */
function headingAgain(text: string, pages: ReadonlySet<number>): boolean {
  if (!RUNNING_DESIGNATION.test(text)) return false;
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted[sorted.length - 1]! - sorted[0]! + 1 !== sorted.length;
}

/** A line of digits and their separators only: a date, a page number. */
const BARE_NUMBERS = /^[\d\s./:–-]+$/u;

/** A sentence of body text: four words or more, ending in a full stop. Headers and footers are not. */
const SENTENCE = /^(?:\S+\s+){3,}\S*[.!?]$/u;
