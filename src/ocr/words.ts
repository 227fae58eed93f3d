/**
 * Tesseract's words -> the `pdf` stage's positioned text items, so that an OCR
 * page goes through lines, columns, tables and furniture like any text page.
 * Pixel boxes are scaled back to PDF points in display space (top-left origin,
 * y down), the space pdf.js items are in.
 */
import type { TextItem } from "../pdf/types.js";
import type { DotLeader } from "./leaders.js";
import {
  foldOcrWord,
  OCR_BULLET,
  OCR_CASE_NUMBER_SLASH,
  OCR_CHECKBOX_MISREADS,
  OCR_DESIGNATION_NUMBER,
  OCR_FURNITURE_WORDS,
  OCR_PARTY_MISREADS,
  OCR_SECTION_SIGN_GLUED,
  OCR_SECTION_SIGN_WORD,
  OCR_STRAY_MARK,
} from "../../grammars/vocabulary.js";

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The parts of tesseract.js's block output this module reads. */
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
  symbols?: { text: string; bbox: OcrBox }[];
}

export interface OcrLine {
  words: OcrWord[];
  bbox: OcrBox;
  baseline?: { x0: number; y0: number; x1: number; y1: number; has_baseline?: boolean };
}

export interface OcrBlock {
  paragraphs: { lines: OcrLine[] }[];
}

export interface OcrPageWords {
  items: TextItem[];
  /** Mean word confidence (0-100), weighted by word length; null when no word was read. */
  confidence: number | null;
}

/**
 * Marks read with less confidence than this are noise (specks, rules, stamps),
 * unless they hold a run of letters: tesseract is often unsure of a long word
 * it reads right ("Tjänsteskrivelse" at 18), and a word is never dropped.
 */
const MIN_WORD_CONFIDENCE = 20;
const WORDLIKE = /[\p{L}\p{N}]{2}/u;
/** A mark without a letter or digit, smaller than this share of its line's height each way, is a speck. */
const SPECK_SIZE = 0.2;
/** A line's box spans ascenders to descenders; the font size is about this share of it. */
const FONT_SIZE_PER_LINE_HEIGHT = 0.8;

/**
 * `scale` is pixels per PDF point of the rendered image; `leaders` are the dot
 * leaders painted out of the image before OCR (leaders.ts), put back here as
 * full stops on the line they belong to.
 */
export function ocrItems(blocks: readonly OcrBlock[] | null, scale: number, leaders: readonly DotLeader[] = []): OcrPageWords {
  const items: TextItem[] = [];
  let weighted = 0;
  let letters = 0;
  const skew = pageSkew(blocks ?? []);
  const lineHeight = typicalLineHeight(blocks ?? []);
  const lines = (blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  const { onLines, alone } = leadersByLine(leaders, lines);
  for (const line of lines) {
    const fontSize = ((line.bbox.y1 - line.bbox.y0) * FONT_SIZE_PER_LINE_HEIGHT) / scale;
    const pieces: Piece[] = [];
    for (const word of line.words) {
      const text = word.text.trim();
      if (text === "" || isSpeck(word, lineHeight) || (word.confidence < MIN_WORD_CONFIDENCE && !WORDLIKE.test(text))) continue;
      weighted += word.confidence * text.length;
      letters += text.length;
      pieces.push(...sectionSigns(capitalised(word), line));
    }
    pieces.push(...(onLines.get(line) ?? []));
    pieces.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    for (const piece of readSigns(rejoinFurnitureWords(pieces, lineHeight))) {
      items.push(ocrItem(items.length, piece, level(line, (piece.bbox.x0 + piece.bbox.x1) / 2, skew), fontSize, scale, false));
    }
    const last = items[items.length - 1];
    if (last) last.hasEOL = true;
  }
  // A leader on no line of text (a dotted signing line): a line of its own, on its dots' level.
  const fontSize = (lineHeight * FONT_SIZE_PER_LINE_HEIGHT) / scale;
  for (const piece of alone) {
    items.push(ocrItem(items.length, piece, piece.bbox.y1 - skew * ((piece.bbox.x0 + piece.bbox.x1) / 2), fontSize, scale, true));
  }
  return { items, confidence: letters === 0 ? null : weighted / letters };
}

/** A text item from an OCR piece; `baseline` in image pixels. OCR knows no fonts: never bold or italic. */
function ocrItem(index: number, piece: Piece, baseline: number, fontSize: number, scale: number, hasEOL: boolean): TextItem {
  const { text, bbox } = piece;
  const x = bbox.x0 / scale;
  const width = (bbox.x1 - bbox.x0) / scale;
  return { index, text, x, y: baseline / scale, width, height: fontSize, fontSize, fontName: "ocr", bold: false, italic: false, hasEOL };
}

/**
 * Each leader goes with the line of text whose baseline its dots sit on (within
 * half the line's height); the dots of a leader are a full stop each.
 */
function leadersByLine(leaders: readonly DotLeader[], lines: readonly OcrLine[]): { onLines: Map<OcrLine, Piece[]>; alone: Piece[] } {
  const onLines = new Map<OcrLine, Piece[]>();
  const alone: Piece[] = [];
  for (const leader of leaders) {
    const piece = { text: ".".repeat(leader.dots), bbox: { x0: leader.x0, y0: leader.y0, x1: leader.x1, y1: leader.y1 } };
    const x = (leader.x0 + leader.x1) / 2;
    let best: OcrLine | null = null;
    let distance = Infinity;
    for (const line of lines) {
      const d = Math.abs(baselineAt(line, x) - leader.y1);
      if (d <= (line.bbox.y1 - line.bbox.y0) / 2 && d < distance) {
        best = line;
        distance = d;
      }
    }
    if (best) onLines.set(best, [...(onLines.get(best) ?? []), piece]);
    else alone.push(piece);
  }
  return { onLines, alone };
}

/**
 * Dust on a scan, read as "|", ":" or "." standing alone (often as a line of
 * its own, far right of the text): a lone printed full stop is rare, a glued
 * one stays with its word.
 */
function isSpeck(word: OcrWord, lineHeight: number): boolean {
  if (/[\p{L}\p{N}§]/u.test(word.text)) return false;
  const limit = SPECK_SIZE * lineHeight;
  return word.bbox.x1 - word.bbox.x0 < limit && word.bbox.y1 - word.bbox.y0 < limit;
}

/** The median height of the page's lines with a letter in them, in pixels. */
function typicalLineHeight(blocks: readonly OcrBlock[]): number {
  const heights = blocks
    .flatMap((b) => b.paragraphs.flatMap((p) => p.lines))
    .filter((l) => l.words.some((w) => /\p{L}/u.test(w.text)))
    .map((l) => l.bbox.y1 - l.bbox.y0)
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/**
 * A page scanned a little askew: the median slope of tesseract's line
 * baselines (dy/dx). A long line then climbs or falls by more than the layout
 * tolerates within one line, and the parts of one printed line (label and
 * value, two columns) that tesseract reads as separate lines land at different
 * heights; every baseline is levelled by this slope so that they meet again.
 */
export function pageSkew(blocks: readonly OcrBlock[]): number {
  const slopes: number[] = [];
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const b = line.baseline;
        if (b && b.has_baseline !== false && b.x1 - b.x0 > 0) slopes.push((b.y1 - b.y0) / (b.x1 - b.x0));
      }
    }
  }
  slopes.sort((a, b) => a - b);
  return slopes.length === 0 ? 0 : (slopes[Math.floor(slopes.length / 2)] as number);
}

/** The baseline under a point, levelled: turned back by the page's skew about the left edge. */
function level(line: OcrLine, x: number, skew: number): number {
  return baselineAt(line, x) - skew * x;
}

/**
 * The line's baseline under a point, in pixels: tesseract fits one per line,
 * so words of a slightly skewed scan still share a baseline. Without one, the
 * bottom of the line's box less its descender room stands in.
 */
function baselineAt(line: OcrLine, x: number): number {
  const b = line.baseline;
  if (b && b.has_baseline !== false && b.x1 !== b.x0) return b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0);
  return line.bbox.y1 - (line.bbox.y1 - line.bbox.y0) * 0.2;
}

/**
 * The line's words read back through the vocabulary's OCR readings: a "§"
 * printed as "$" or "&" before a number ("$ 18", "$$ 18-22", "$18"), a heading's
 * "§" printed as "8" at the start of the line ("8 20 Läsårstider"), a list
 * bullet printed as "«" or "+", an attendance checkbox printed as "IX]" or "[]",
 * a party letter printed as "$" ("($)"), and a diarienummer's "/" printed as
 * "I" ("HSNI2470/2021").
 */
export function readSigns(pieces: readonly Piece[]): Piece[] {
  return pieces.map((piece, i) => {
    const next = pieces[i + 1]?.text ?? "";
    const nextButOne = pieces[i + 2]?.text ?? "";
    let text = piece.text;
    if (OCR_SECTION_SIGN_WORD.test(text) && OCR_DESIGNATION_NUMBER.test(next)) text = text.length === 2 ? "§§" : "§";
    else if (i === 0 && text === "8" && OCR_DESIGNATION_NUMBER.test(next) && /^\p{Lu}\p{Ll}/u.test(nextButOne)) text = "§";
    else if (i === 0 && OCR_BULLET.test(text) && /^\p{L}/u.test(next)) text = "•";
    else if (i === 0 && /^\p{L}/u.test(next) && OCR_CHECKBOX_MISREADS.some(([misread]) => misread.test(text))) {
      text = OCR_CHECKBOX_MISREADS.find(([misread]) => misread.test(text))![1];
    }
    else text = text.replace(OCR_SECTION_SIGN_GLUED, (sign) => "§".repeat(sign.length));
    for (const [misread, reading] of OCR_PARTY_MISREADS) text = text.replace(misread, reading);
    text = text.replace(OCR_CASE_NUMBER_SLASH[0], OCR_CASE_NUMBER_SLASH[1]);
    return text === piece.text ? piece : { ...piece, text };
  });
}

/** A line of this many pieces or fewer is a heading or a label line, not running text. */
const SHORT_LINE = 5;

/**
 * A word of the document's furniture (a label, a section heading) that OCR
 * split ("Besl ut", "Närva rande") or marked with a speck ("Just'erande"), read
 * whole again: on a short line, or where the word starts a cell (a label
 * before its value), and only when the pieces together make such a word and
 * the second alone does not ("Beslut ande" is "Beslutande", "Protokollet
 * omfattar" stays). Running text is left as OCR read it.
 */
export function rejoinFurnitureWords(pieces: readonly Piece[], lineHeight: number): Piece[] {
  const short = pieces.length <= SHORT_LINE;
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    const previous = out[out.length - 1];
    if (!short && previous && piece.bbox.x0 - previous.bbox.x1 <= lineHeight) {
      out.push(piece);
      continue;
    }
    const next = pieces[i + 1];
    if (next && isSplitFurnitureWord(piece.text, next.text)) {
      out.push({ text: piece.text + next.text, bbox: { ...piece.bbox, x1: next.bbox.x1, y0: Math.min(piece.bbox.y0, next.bbox.y0), y1: Math.max(piece.bbox.y1, next.bbox.y1) } });
      i++;
      continue;
    }
    out.push({ ...piece, text: withoutStrayMark(piece.text) });
  }
  return out;
}

const isFurnitureWord = (word: string) => OCR_FURNITURE_WORDS.has(foldOcrWord(word.replace(/:$/, "")));

function isSplitFurnitureWord(head: string, tail: string): boolean {
  return /^\p{L}+$/u.test(head) && /^\p{Ll}+:?$/u.test(tail) && isFurnitureWord(head + tail) && !isFurnitureWord(tail);
}

/** "Just'erande" -> "Justerande": one mark between letters, where the word without it is furniture. */
function withoutStrayMark(text: string): string {
  if (!/^\p{L}+[^\p{L}\s]\p{L}+:?$/u.test(text)) return text;
  const bare = text.replace(OCR_STRAY_MARK, (mark, at: number) => (at === text.length - 1 ? mark : ""));
  return bare.length === text.length - 1 && isFurnitureWord(bare) ? bare : text;
}

/** Letters whose capital is the small letter drawn taller: OCR confuses the two at the start of a word. */
const CASE_ALIKE = /^[cosuvwxz]$/;
const X_HEIGHT = /^[acemnorsuvwxz]$/;
/** A first letter this much taller than the word's other x-height letters is a capital. */
const CAPITAL_RATIO = 1.25;

/** "ulla" whose "u" stands as tall as a capital is "Ulla": the glyph's height tells what its shape cannot. */
export function capitalised(word: OcrWord): OcrWord {
  const symbols = word.symbols ?? [];
  const first = symbols[0];
  if (!first || !CASE_ALIKE.test(first.text) || symbols.length !== [...word.text.trim()].length) return word;
  const heights = symbols
    .slice(1)
    .filter((s) => X_HEIGHT.test(s.text))
    .map((s) => s.bbox.y1 - s.bbox.y0)
    .sort((a, b) => a - b);
  const xHeight = heights[Math.floor(heights.length / 2)];
  if (xHeight === undefined || first.bbox.y1 - first.bbox.y0 < CAPITAL_RATIO * xHeight) return word;
  const text = word.text.trim();
  return { ...word, text: text[0]!.toUpperCase() + text.slice(1), symbols: [{ ...first, text: first.text.toUpperCase() }, ...symbols.slice(1)] };
}

/** What OCR reads for a "§" at a designation ("18 §" -> "188", "§ 12" -> "$12"). */
const SECTION_LOOKALIKE = /^[8$S&5§]$/;
const DIGITS = /^\d[\d–-]*$/;
/**
 * "§" is the one glyph among them that reaches below the baseline, by about a
 * tenth of a digit's height in common fonts; the digits beside it sit on the
 * line. A lookalike whose box ends lower than that share below them is a "§".
 */
const SECTION_DESCENT = 0.07;

interface Piece {
  text: string;
  bbox: OcrBox;
}

/**
 * A word split into its number and a "§" read as something else, told apart
 * by the descent of the glyph: "188" (18 §) -> "18", "§"; "$12" -> "§", "12".
 * Other words pass unchanged.
 */
export function sectionSigns(word: OcrWord, line: OcrLine): Piece[] {
  const text = word.text.trim();
  const symbols = word.symbols ?? [];
  const whole = [{ text, bbox: word.bbox }];
  if (symbols.length !== [...text].length) return whole;
  if (symbols.length === 1) {
    const base = baselineAt(line, (word.bbox.x0 + word.bbox.x1) / 2);
    const height = word.bbox.y1 - word.bbox.y0;
    return SECTION_LOOKALIKE.test(text) && text !== "5" && word.bbox.y1 - base > SECTION_DESCENT * height ? [{ text: "§", bbox: word.bbox }] : whole;
  }
  const first = symbols[0] as { text: string; bbox: OcrBox };
  const last = symbols[symbols.length - 1] as { text: string; bbox: OcrBox };
  const lead = SECTION_LOOKALIKE.test(first.text) && DIGITS.test(text.slice(1)) ? first : null;
  const tail = !lead && SECTION_LOOKALIKE.test(last.text) && DIGITS.test(text.slice(0, -1)) ? last : null;
  const sign = lead ?? tail;
  if (!sign) return whole;
  const digits = symbols.filter((s) => s !== sign && /\d/.test(s.text));
  if (digits.length === 0) return whole;
  const bottom = Math.max(...digits.map((d) => d.bbox.y1));
  const height = bottom - Math.min(...digits.map((d) => d.bbox.y0));
  if (sign.bbox.y1 - bottom <= Math.max(1, SECTION_DESCENT * height)) return whole;
  const rest = symbols.filter((s) => s !== sign);
  const number = {
    text: rest.map((s) => s.text).join(""),
    bbox: { x0: Math.min(...rest.map((s) => s.bbox.x0)), y0: word.bbox.y0, x1: Math.max(...rest.map((s) => s.bbox.x1)), y1: word.bbox.y1 },
  };
  const section = { text: "§", bbox: sign.bbox };
  return lead ? [section, number] : [number, section];
}
