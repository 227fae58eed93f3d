import { describe, expect, it } from "vitest";
import { ocrItems, sectionSigns, type OcrLine, type OcrWord } from "../../src/ocr/words.js";

/** A word of digit-sized symbols 20 px high on a baseline at y = 100, 14 px apart; `drop` lowers one symbol's bottom. */
function word(text: string, x0: number, drop: Record<number, number> = {}): OcrWord {
  const symbols = [...text].map((c, i) => ({ text: c, bbox: { x0: x0 + i * 14, y0: 80, x1: x0 + i * 14 + 12, y1: 100 + (drop[i] ?? 0) } }));
  const last = symbols[symbols.length - 1]!;
  return { text, confidence: 95, symbols, bbox: { x0, y0: 80, x1: last.bbox.x1, y1: Math.max(...symbols.map((s) => s.bbox.y1)) } };
}
const line = (words: OcrWord[]): OcrLine => ({
  words,
  bbox: { x0: 0, y0: 75, x1: 1000, y1: 105 },
  baseline: { x0: 0, y0: 100, x1: 1000, y1: 100, has_baseline: true },
});

describe("OCR words to text items", () => {
  it("scales pixel boxes to points and puts words on the line's baseline", () => {
    const skewed: OcrLine = { ...line([word("Beslut", 100), word("fattas", 300)]), baseline: { x0: 0, y0: 100, x1: 1000, y1: 110 } };
    const { items, confidence } = ocrItems([{ paragraphs: [{ lines: [skewed] }] }], 2);
    expect(items.map((i) => i.text)).toEqual(["Beslut", "fattas"]);
    expect(items[0]!.x).toBe(50);
    // The word spans x 100-182: its baseline is taken under its middle.
    expect(items[0]!.y).toBeCloseTo((100 + (10 * 141) / 1000) / 2);
    expect(items[1]!.y).toBeGreaterThan(items[0]!.y);
    expect(items[0]!.fontSize).toBeCloseTo((30 * 0.8) / 2);
    expect(items.at(-1)!.hasEOL).toBe(true);
    expect(confidence).toBe(95);
  });

  it("drops words read with almost no confidence (specks), and weighs confidence by length", () => {
    const speck = { ...word(".", 10), confidence: 5 };
    const unsure = { ...word("ab", 400), confidence: 50 };
    const { items, confidence } = ocrItems([{ paragraphs: [{ lines: [line([speck, word("abcd", 100), unsure])] }] }], 1);
    expect(items.map((i) => i.text)).toEqual(["abcd", "ab"]);
    expect(confidence).toBeCloseTo((95 * 4 + 50 * 2) / 6);
    expect(ocrItems(null, 1)).toEqual({ items: [], confidence: null });
  });

  it("tells a '§' read as 8, $, S or & from the glyph's descent below the digits", () => {
    const text = (w: OcrWord) => sectionSigns(w, line([w])).map((p) => p.text);
    expect(text(word("188", 100, { 2: 3 }))).toEqual(["18", "§"]);
    expect(text(word("16-228", 100, { 5: 3 }))).toEqual(["16-22", "§"]);
    expect(text(word("$12", 100, { 0: 4 }))).toEqual(["§", "12"]);
    expect(text(word("S7", 100, { 0: 4 }))).toEqual(["§", "7"]);
    expect(text(word("$", 100, { 0: 4 }))).toEqual(["§"]);
    // An 8 that sits on the line is an 8.
    expect(text(word("188", 100))).toEqual(["188"]);
    expect(text(word("2028", 100))).toEqual(["2028"]);
    expect(text(word("8", 100))).toEqual(["8"]);
    // Letters are not numbers: "S" in a word stays.
    expect(text(word("SKL", 100, { 0: 4 }))).toEqual(["SKL"]);
  });

  it("splits a read '§' into its own item, so that the layout sets a space before it", () => {
    const { items } = ocrItems([{ paragraphs: [{ lines: [line([word("188", 100, { 2: 3 }), word("Godkännande", 200)])] }] }], 1);
    expect(items.map((i) => i.text)).toEqual(["18", "§", "Godkännande"]);
    expect(items[1]!.x).toBe(128);
  });
});
