import { describe, expect, it } from "vitest";
import { capitalised, ocrItems, readSigns, sectionSigns, type OcrLine, type OcrWord } from "../../src/ocr/words.js";

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
    const { items, confidence } = ocrItems([{ paragraphs: [{ lines: [line([word("Beslut", 100), word("fattas", 300)])] }] }], 2);
    expect(items.map((i) => i.text)).toEqual(["Beslut", "fattas"]);
    expect(items.map((i) => [i.x, i.y])).toEqual([[50, 50], [150, 50]]);
    expect(items[0]!.width).toBe(41);
    expect(items[0]!.fontSize).toBeCloseTo((30 * 0.8) / 2);
    expect(items.at(-1)!.hasEOL).toBe(true);
    expect(confidence).toBe(95);
  });

  it("levels a page scanned askew, so that the parts of one printed line meet on one baseline", () => {
    // Turned by a slope of 1/50: a label at x 100 and its value, read as another line, at x 600.
    const askew = (x: number, text: string): OcrLine => ({
      ...line([word(text, x)]),
      baseline: { x0: x, y0: 100 + x / 50, x1: x + 200, y1: 100 + (x + 200) / 50, has_baseline: true },
    });
    const lines = [askew(100, "Datum"), askew(600, "2025-03-10"), askew(1200, "Sida")];
    const { items } = ocrItems([{ paragraphs: [{ lines }] }], 1);
    expect(items.map((i) => i.y)).toEqual([100, 100, 100]);
  });

  it("drops marks read with almost no confidence, keeps unsure words, and weighs confidence by length", () => {
    const mark = { ...word("«", 10), confidence: 5 };
    const unsure = { ...word("ab", 400), confidence: 10 };
    const { items, confidence } = ocrItems([{ paragraphs: [{ lines: [line([mark, word("abcd", 100), unsure])] }] }], 1);
    expect(items.map((i) => i.text)).toEqual(["abcd", "ab"]);
    expect(confidence).toBeCloseTo((95 * 4 + 10 * 2) / 6);
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

describe("OCR readings of a protokoll's signs", () => {
  const pieces = (...texts: string[]) => texts.map((text, i) => ({ text, bbox: { x0: i * 50, y0: 0, x1: i * 50 + 40, y1: 20 } }));
  const read = (...texts: string[]) => readSigns(pieces(...texts)).map((p) => p.text);

  it("reads a '§' printed as '$' or '&' before a designation's number", () => {
    expect(read("$", "18", "Godkännande", "av", "dagordning")).toEqual(["§", "18", "Godkännande", "av", "dagordning"]);
    expect(read("Elsa", "Brandt", "(C)", "$$", "18-22")).toEqual(["Elsa", "Brandt", "(C)", "§§", "18-22"]);
    expect(read("$18", "Val")).toEqual(["§18", "Val"]);
    expect(read("&", "4", "Information")).toEqual(["§", "4", "Information"]);
  });

  it("reads an attendance checkbox as printed at the start of a line ('IX]' for '[X]', '[]' for '[ ]'), a Roman 'IX' as it is", () => {
    expect(read("IX]", "Ulla", "Rydén", "(V)")).toEqual(["[X]", "Ulla", "Rydén", "(V)"]);
    expect(read("[X", "Ulla")).toEqual(["[X]", "Ulla"]);
    expect(read("[]", "Liljeqvist", "Ella")).toEqual(["[ ]", "Liljeqvist", "Ella"]);
    expect(read("IX", "Övriga", "frågor")).toEqual(["IX", "Övriga", "frågor"]);
    expect(read("Anna", "IX]")).toEqual(["Anna", "IX]"]);
  });

  it("reads a heading's '8' as '§' only at the start of the line, before a number and a title", () => {
    expect(read("8", "20", "Läsårstider", "2025/2026")).toEqual(["§", "20", "Läsårstider", "2025/2026"]);
    expect(read("8", "20", "st")).toEqual(["8", "20", "st"]);
    expect(read("Den", "8", "20", "Maj")).toEqual(["Den", "8", "20", "Maj"]);
  });

  it("reads a bullet printed as '«' or '+' at the start of a line", () => {
    expect(read("«", "åtgärderna", "för")).toEqual(["•", "åtgärderna", "för"]);
    expect(read("+", "Motion")).toEqual(["•", "Motion"]);
    expect(read("3", "+", "4")).toEqual(["3", "+", "4"]);
  });

  it("reads '($)' as the party (S), and leaves other text alone", () => {
    expect(read("Ulla", "Sjöberg", "($),")).toEqual(["Ulla", "Sjöberg", "(S),"]);
    expect(read("Ahmed", "Osman", "($D)")).toEqual(["Ahmed", "Osman", "(SD)"]);
    expect(read("kostar", "$", "dollar", "&", "annat")).toEqual(["kostar", "$", "dollar", "&", "annat"]);
  });
});

describe("capitals", () => {
  const glyphs = (text: string, heights: number[]): OcrWord => {
    const symbols = [...text].map((c, i) => ({ text: c, bbox: { x0: i * 10, y0: 100 - heights[i]!, x1: i * 10 + 8, y1: 100 } }));
    return { text, confidence: 90, symbols, bbox: { x0: 0, y0: 100 - Math.max(...heights), x1: text.length * 10, y1: 100 } };
  };

  it("reads a small letter as tall as a capital as the capital ('ulla' -> 'Ulla')", () => {
    expect(capitalised(glyphs("ulla", [20, 21, 21, 14])).text).toBe("Ulla");
    expect(capitalised(glyphs("ulla", [14, 21, 21, 14])).text).toBe("ulla");
    expect(capitalised(glyphs("osäker", [20, 14, 19, 14, 19, 14])).text).toBe("Osäker");
    // Nothing to compare with, or a letter whose capital looks different: unchanged.
    expect(capitalised(glyphs("st", [20, 18])).text).toBe("st");
    expect(capitalised(glyphs("anna", [20, 14, 14, 14])).text).toBe("anna");
  });
});

describe("specks", () => {
  it("drops marks without letters that are tiny beside their line (scanner dust), and keeps punctuation of size", () => {
    const dust: OcrWord = { text: "|", confidence: 80, bbox: { x0: 500, y0: 90, x1: 502, y1: 92 } };
    const dash: OcrWord = { text: "–", confidence: 80, bbox: { x0: 300, y0: 88, x1: 318, y1: 91 } };
    const { items } = ocrItems([{ paragraphs: [{ lines: [line([word("Tid", 100), dash, dust]), line([{ ...dust, text: ":" }])] }] }], 1);
    expect(items.map((i) => i.text)).toEqual(["Tid", "–"]);
  });
});

describe("a diarienummer's slash read as I", () => {
  it("is read back as a slash where capitals, a number and a year say it is a case number", () => {
    const pieces = (texts: string[]) => texts.map((text) => ({ text, bbox: { x0: 0, y0: 0, x1: 1, y1: 1 } }));
    expect(readSigns(pieces(["Dnr", "HSNI2470/2021"])).map((p) => p.text)).toEqual(["Dnr", "HSN/2470/2021"]);
    expect(readSigns(pieces(["KSl12/2024,"])).map((p) => p.text)).toEqual(["KS/12/2024,"]);
    // A word, or a number without its year, stays as read.
    expect(readSigns(pieces(["INTERNI2024", "ABCI12"])).map((p) => p.text)).toEqual(["INTERNI2024", "ABCI12"]);
  });
});
