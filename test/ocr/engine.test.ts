import { afterEach, describe, expect, it, vi } from "vitest";
import { imageOnlyPdf, textPdf } from "../pdf/make.js";

afterEach(() => {
  vi.doUnmock("tesseract.js");
  vi.resetModules();
});

const codeOf = (p: Promise<unknown>) => p.then(() => "resolved", (e: { code?: string }) => e.code ?? String(e));

describe("OCR engine and options", () => {
  it("refuses an unknown ocr mode and a language whose model is not installed", async () => {
    const { extractText } = await import("../../src/pdf/index.js");
    const { startOcrEngine } = await import("../../src/ocr/engine.js");
    const pdf = await textPdf([["Protokoll"]]);
    expect(await codeOf(extractText(pdf, { ocr: "sometimes" as "auto" }))).toBe("INVALID_INPUT");
    const missing = await startOcrEngine(["xyz"]).catch((e: Error & { code: string }) => e);
    expect(missing).toMatchObject({ code: "OCR_UNAVAILABLE" });
    expect((missing as Error).message).toContain("npm install tesseract.js@7 @tesseract.js-data/xyz");
  });

  describe("without tesseract.js installed", () => {
    const withoutTesseract = async () => {
      vi.resetModules();
      vi.doMock("tesseract.js", () => {
        throw new Error("Cannot find package 'tesseract.js'");
      });
      return import("../../src/pdf/index.js");
    };

    it("a scan fails OCR_UNAVAILABLE with the install command", async () => {
      const { extractText } = await withoutTesseract();
      const error = await extractText(await imageOnlyPdf()).catch((e: Error & { code: string }) => e);
      expect(error).toMatchObject({ code: "OCR_UNAVAILABLE" });
      expect((error as Error).message).toContain("npm install tesseract.js@7 @tesseract.js-data/swe @napi-rs/canvas");
    });

    it("a garbled text layer is parsed as it is, with OCR_SKIPPED, in auto mode; force fails", async () => {
      const { extractText } = await withoutTesseract();
      const garbled = await textPdf([["Ungdomsfullmäktgg godkänngr förgdrggnnngslnsagn och bgsluagr om gvgnaugllg tlläggsärgndgn"]]);
      const pdf = await extractText(garbled);
      expect(pdf.ocrPages).toEqual([]);
      expect(pdf.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["TEXT_LAYER_GARBLED", "OCR_SKIPPED"]));
      expect(await codeOf(extractText(garbled, { ocr: "force" }))).toBe("OCR_UNAVAILABLE");
    });
  });
});
