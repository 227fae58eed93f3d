/**
 * OCR-tolerant reading (issue 12) on OCR output of rendered pages: dot leaders
 * of a contents page, which tesseract reads as letters, and a label split by a
 * scanner's dropout streak. OCR costs seconds a page: one page each.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { parsePdf } from "../../src/index.js";
import { pageLines } from "../../src/layout/lines.js";
import { startOcrEngine } from "../../src/ocr/engine.js";
import { eraseDotLeaders } from "../../src/ocr/leaders.js";
import { OCR_DPI, renderPage } from "../../src/ocr/render.js";
import { ocrItems, rejoinFurnitureWords } from "../../src/ocr/words.js";
import { CONTENTS_ENTRY, DOT_LEADER, HEADING_DOT_LEADER } from "../../grammars/vocabulary.js";
import { greyPgm } from "../../src/ocr/render.js";
import { extractText } from "../../src/pdf/index.js";
import { loadPdfJs, safeDocumentParams } from "../../src/pdf/pdfjs.js";
import type { PageText } from "../../src/pdf/types.js";
import { renderCaseArb } from "../support/arbitraries.js";
import { renderPdf } from "../support/render/index.js";
import { scanPdf } from "../support/scan.js";

const OCR_TIMEOUT = 300_000;

/** The page's lines as the layout groups its items (by baseline), cells joined by a space. */
const lines = (page: PageText): string[] => pageLines(page).lines.map((l) => l.cells.map((c) => c.text).join(" "));

/** A dot leader's length differs between a text layer and OCR: one "…" stands for any. */
const leaderless = (line: string) => line.replace(/\s*\.{3,}\s*/g, " … ");

describe("OCR-tolerant reading of rendered pages", () => {
  it(
    "reads a scanned contents page's dot leaders as full stops, and its entries as contents, not items",
    async () => {
      // A generated protokoll with a contents page after the front page (the "innehall" table family).
      const [doc, template] = fc.sample(renderCaseArb({ maxItems: 3, templates: ["innehall"] }), { numRuns: 2, seed: 7 })[1]!;
      const { pdf } = await renderPdf(doc, template);
      const text = await extractText(pdf, { ocr: "off" });
      const contentsPage = text.pages.findIndex((p) => p.items.some((i) => i.text.startsWith("Innehållsförteckning"))) + 1;
      expect(contentsPage).toBeGreaterThan(0);
      const scan = await scanPdf(pdf, { rotation: 0.3, blur: 0.3, noise: 0.002, seed: 2 }, [contentsPage]);

      const read = await extractText(scan);
      expect(read.ocrPages).toEqual([1]);
      const entries = lines(text.pages[contentsPage - 1]!).filter((l) => /\.{3,}/.test(l)).map(leaderless);
      const ocrEntries = lines(read.pages[0]!).filter((l) => /\.{3,}/.test(l));
      expect(entries.length).toBeGreaterThanOrEqual(2);
      // Each entry as printed: title, a leader of full stops (no letters read into it), page number.
      expect(ocrEntries.map(leaderless)).toEqual(entries);
      for (const entry of ocrEntries) expect(entry).toMatch(/ \.{20,} \d+$/);
      // The entries list the §§; they are none of them.
      expect((await parsePdf(scan)).items).toEqual([]);
    },
    OCR_TIMEOUT,
  );

  it(
    "reads a front-page label that a scanner's dropout streak split in two as one word",
    async () => {
      const bytes = new Uint8Array(readFileSync(new URL("../../fixtures/tabell-protokoll.pdf", import.meta.url)));
      const label = (await extractText(bytes, { ocr: "off" })).pages[0]!.items.find((i) => i.text.startsWith("Beslutande"))!;
      const pdfjs = await loadPdfJs();
      const pdf = await pdfjs.getDocument(await safeDocumentParams(pdfjs, bytes)).promise;
      const image = await renderPage((await pdf.getPage(1)) as never, pdf.canvasFactory as never);
      await pdf.destroy();
      // The letters after "Beslut" moved 10 px to the right, as a scanner's feed slip or a wide
      // letter gap leaves them: at the emptiest pixel column near the letters' boundary.
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(new TextDecoder().decode(image.pgm.subarray(0, 40)))!;
      const width = Number(header[1]);
      const grey = image.pgm.subarray(header[0].length);
      const top = Math.round((label.y - label.fontSize) * image.scale);
      const bottom = Math.round((label.y + 2) * image.scale);
      const estimate = Math.round((label.x + (label.width * "Beslut".length) / label.text.length) * image.scale);
      const ink = (x: number) => Array.from({ length: bottom - top }, (_, i) => 255 - grey[(top + i) * width + x]!).reduce((a, b) => a + b, 0);
      const cut = Array.from({ length: 9 }, (_, i) => estimate - 4 + i).sort((a, b) => ink(a) - ink(b))[0]!;
      const end = Math.round((label.x + label.width) * image.scale) + 4;
      for (let y = top; y < bottom; y++) {
        const row = y * width;
        grey.copyWithin(row + cut + 10, row + cut, row + end);
        grey.fill(255, row + cut, row + cut + 10);
      }
      const engine = await startOcrEngine(["swe"]);
      try {
        const leaders = eraseDotLeaders(image.pgm, OCR_DPI);
        const { blocks } = await engine.recognize(image.pgm);
        const page = { page: 1, width: 0, height: 0, items: ocrItems(blocks, image.scale, leaders).items } as unknown as PageText;
        const members = lines(page).find((l) => l.includes("ledamöter"));
        // What tesseract printed is two words; the label is read whole.
        const raw = blocks!.flatMap((b) => b.paragraphs.flatMap((p) => p.lines)).find((l) => l.words.some((w) => w.text === "ledamöter"))!;
        expect(raw.words.map((w) => w.text).slice(0, 2)).not.toContain("Beslutande");
        expect(members).toMatch(/^Beslutande ledamöter /);
      } finally {
        await engine.close();
      }
    },
    OCR_TIMEOUT,
  );

  it("joins a furniture word's pieces only where together, and the second alone is none, they make one", () => {
    const at = (text: string, x0: number, x1: number) => ({ text, bbox: { x0, y0: 0, x1, y1: 20 } });
    const texts = (pieces: { text: string }[]) => pieces.map((p) => p.text);
    expect(texts(rejoinFurnitureWords([at("Närva", 0, 50), at("rande", 58, 110), at("Anna", 300, 340)], 25))).toEqual(["Närvarande", "Anna"]);
    expect(texts(rejoinFurnitureWords([at("Justeran", 0, 80), at("de:", 86, 110)], 25))).toEqual(["Justerande:"]);
    expect(texts(rejoinFurnitureWords([at("Just'erande", 0, 110)], 25))).toEqual(["Justerande"]);
    // Two furniture words side by side, and words that make no furniture word, stay apart.
    expect(texts(rejoinFurnitureWords([at("Protokollet", 0, 110), at("omfattar", 118, 200)], 25))).toEqual(["Protokollet", "omfattar"]);
    expect(texts(rejoinFurnitureWords([at("Anna", 0, 40), at("rande", 48, 100)], 25))).toEqual(["Anna", "rande"]);
    expect(texts(rejoinFurnitureWords([at("O'Brien", 0, 70)], 25))).toEqual(["O'Brien"]);
    // Running text (a long line) is joined only at the start of a cell.
    const running = ["Vi", "har", "för", "slag", "om", "det"].map((t, i) => at(t, i * 60, i * 60 + 40));
    expect(texts(rejoinFurnitureWords(running, 25))).toEqual(["Vi", "har", "för", "slag", "om", "det"]);
  });

  it("finds a row of dots, not the dots of letters over their stems, and paints it out", () => {
    const width = 400;
    const height = 60;
    const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
    const ink = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    };
    for (let i = 0; i < 12; i++) ink(20 + i * 8, 20, 3, 3); // a leader on y 20-22
    for (let i = 0; i < 12; i++) {
      ink(20 + i * 8, 40, 3, 3); // dots over stems: "iiiiii"
      ink(20 + i * 8, 46, 3, 10);
    }
    const pgm = greyPgm(rgba, width, height);
    const leaders = eraseDotLeaders(pgm, OCR_DPI);
    expect(leaders).toEqual([{ x0: 20, x1: 20 + 11 * 8 + 2, y0: 20, y1: 22, dots: 12 }]);
    const grey = pgm.subarray(pgm.length - width * height);
    expect(grey[21 * width + 21]).toBe(255);
    expect(grey[41 * width + 21]).toBeLessThan(128);
  });

  it("knows a leader OCR read mark by mark, in a contents entry and before a page number", () => {
    for (const entry of ["§ 12 Budget 2026 . . , . . 3", "§ 12 Budget 2026 _ _ _ _ 3", "§ 12 Budget 2026 ..:.'... 3", "§ 12 Budget 2026 ........ 3"]) {
      expect(DOT_LEADER.test(entry), entry).toBe(true);
      expect(HEADING_DOT_LEADER.test(entry.replace(/^§ 12 /, "")), entry).toBe(true);
      expect(CONTENTS_ENTRY.exec(entry)?.groups).toMatchObject({ num: "12", title: "Budget 2026", page: "3" });
    }
    // A title that ends in an ellipsis is no leader to a heading; a number after a comma is none at all.
    expect(HEADING_DOT_LEADER.test("Övrigt...")).toBe(false);
    expect(DOT_LEADER.test("Budget 2026, 3")).toBe(false);
  });
});
