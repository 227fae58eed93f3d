import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessTextLayer, assessTextLayers } from "../../src/ocr/quality.js";
import { extractText } from "../../src/pdf/index.js";
import { renderCaseArb } from "../support/arbitraries.js";
import { renderText } from "../support/render/index.js";
import { propertyParameters } from "../properties/settings.js";
import { DEV_PDFS, HAS_SHARED, SEEDS, devPdf, seedText } from "../layout/fixtures.js";
import { SHARED_URL } from "../support/shared.js";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const REAL = new URL("eval/real/", SHARED_URL);
const fixturePdfs = readdirSync(FIXTURES).filter((f) => f.endsWith(".pdf"));
const fixtureTexts = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt"));

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await extractText(bytes, { ocr: "off" });
  return pdf.pages.map((p) => p.items.map((i) => i.text).join(" "));
}

/** What a font whose ligature glyph maps to one letter prints: the second letter of tt, ti, ft, fi, ff, fl is lost. */
const loseLigatures = (text: string) => text.replace(/(?<=t)[ti]|(?<=f)[tifl]/g, "");
/** What a wrong ToUnicode map prints: some letters come out as others, consistently. */
const substitute = (text: string) => text.replace(/[eit]/g, (c) => ({ e: "g", i: "n", t: "a" })[c] as string);

describe("text-layer quality", () => {
  it("calls a page without letters no-text", () => {
    expect(assessTextLayer("").quality).toBe("no-text");
    expect(assessTextLayer("  12 34 — 5 ").quality).toBe("no-text");
  });

  it("never flags the clean text PDFs: fixtures", async () => {
    for (const name of fixturePdfs) {
      const pages = assessTextLayers(await pageTexts(new Uint8Array(readFileSync(new URL(name, FIXTURES)))));
      expect(pages.map((p) => p.quality), name).not.toContain("garbled");
    }
  });

  it.skipIf(!HAS_SHARED)("never flags the clean text PDFs: the dev set", async () => {
    for (const name of DEV_PDFS) {
      expect(assessTextLayers(await pageTexts(devPdf(name))).map((p) => p.quality), name).not.toContain("garbled");
    }
  });

  it("never flags clean extracted text: fixtures and seeds", () => {
    for (const text of [...fixtureTexts.map((f) => readFileSync(new URL(f, FIXTURES), "utf8")), ...(HAS_SHARED ? SEEDS.map(seedText) : [])]) {
      expect(assessTextLayers(text.split("\f")).map((p) => p.quality)).not.toContain("garbled");
    }
  });

  it("never flags the renderer's documents (names, places, case numbers of every template)", () => {
    fc.assert(
      fc.property(renderCaseArb(), ([doc, template]) => {
        const pages = renderText(doc, template).text.split("\f");
        expect(assessTextLayers(pages).map((p) => p.quality)).not.toContain("garbled");
      }),
      propertyParameters(),
    );
  });

  it("flags lost ligature letters, substituted letters and broken characters", () => {
    for (const name of fixtureTexts) {
      const text = readFileSync(new URL(name, FIXTURES), "utf8");
      for (const broken of [loseLigatures(text), substitute(text)]) {
        expect(assessTextLayers(broken.split("\f")).map((p) => p.quality), name).toContain("garbled");
      }
    }
    const page = "Kommunstyrelsen beslutar att godkänna förslaget till yttrande över remissen och lägga rapporten till handlingarna";
    expect(assessTextLayer(page).quality).toBe("ok");
    expect(assessTextLayer(page.replace(/[aä]/g, "\uE001")).quality).toBe("garbled");
    expect(assessTextLayer(page.replace(/[aä]/g, "\uFFFD")).sample.length).toBeGreaterThan(0);
  });

  it("marks the pages of a garbled document that carry only a few broken words", () => {
    const heavy = substitute("Ordföranden förklarar sammanträdet öppnat och konstaterar att kallelse skett i laga ordning enligt kommunallagen");
    const light = "Ersätare Isaksson Alexander Elektroniska underskrifer Emilia Haverinen ordförande Katarina Östman protokollförare och justerare";
    expect(assessTextLayer(light).quality).toBe("ok");
    expect(assessTextLayers([heavy, light]).map((p) => p.quality)).toEqual(["garbled", "garbled"]);
  });

  it.skipIf(!HAS_SHARED)("flags the garbled Nykarleby PDFs (iText 5.5, wrong ToUnicode map) and reports a sample", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("nykarleby_ungdomsfullmaktige_protokoll_2023-05-09.pdf", REAL)));
    const pdf = await extractText(bytes, { ocr: "off" });
    const garbled = pdf.diagnostics.filter((d) => d.code === "TEXT_LAYER_GARBLED");
    expect(garbled.map((d) => d.page)).toEqual(expect.arrayContaining([1, 4, 5, 6, 7, 9, 10, 11]));
    expect(garbled.every((d) => d.severity === "warning" && (d.text ?? "").length > 0)).toBe(true);
    expect(pdf.ocrPages).toEqual([]);
  });
});
