/**
 * Tesseract's words -> the `pdf` stage's positioned text items, so that an OCR
 * page goes through lines, columns, tables and furniture like any text page.
 * Pixel boxes are scaled back to PDF points in display space (top-left origin,
 * y down), the space pdf.js items are in.
 */
import type { TextItem } from "../pdf/types.js";

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

/** Words read with less confidence than this are noise (specks, rules, stamps), not text. */
const MIN_WORD_CONFIDENCE = 20;
/** A line's box spans ascenders to descenders; the font size is about this share of it. */
const FONT_SIZE_PER_LINE_HEIGHT = 0.8;

/** `scale` is pixels per PDF point of the rendered image. */
export function ocrItems(blocks: readonly OcrBlock[] | null, scale: number): OcrPageWords {
  const items: TextItem[] = [];
  let weighted = 0;
  let letters = 0;
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const fontSize = ((line.bbox.y1 - line.bbox.y0) * FONT_SIZE_PER_LINE_HEIGHT) / scale;
        for (const word of line.words) {
          const text = word.text.trim();
          if (text === "" || word.confidence < MIN_WORD_CONFIDENCE) continue;
          weighted += word.confidence * text.length;
          letters += text.length;
          for (const piece of sectionSigns(word, line)) {
            items.push({
              index: items.length,
              text: piece.text,
              x: piece.bbox.x0 / scale,
              y: baselineAt(line, (piece.bbox.x0 + piece.bbox.x1) / 2) / scale,
              width: (piece.bbox.x1 - piece.bbox.x0) / scale,
              height: fontSize,
              fontSize,
              fontName: "ocr",
              bold: false,
              italic: false,
              hasEOL: false,
            });
          }
        }
        const last = items[items.length - 1];
        if (last) last.hasEOL = true;
      }
    }
  }
  return { items, confidence: letters === 0 ? null : weighted / letters };
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
