import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
    expect((missing as Error).message).toContain("npm install @tesseract.js-data/xyz");
  });

  it("names every language whose model package is missing, and only those, in the install command", async () => {
    const { startOcrEngine } = await import("../../src/ocr/engine.js");
    const missing = await startOcrEngine(["swe", "xyz", "qqq"]).catch((e: Error & { code: string }) => e);
    expect(missing).toMatchObject({ code: "OCR_UNAVAILABLE" });
    expect((missing as Error).message).toContain('"xyz" (@tesseract.js-data/xyz), "qqq" (@tesseract.js-data/qqq) is not installed');
    expect((missing as Error).message).toMatch(/Install it with: npm install @tesseract\.js-data\/xyz @tesseract\.js-data\/qqq$/);
    expect(await codeOf(startOcrEngine(["swe+eng"]))).toBe("OCR_UNAVAILABLE");
  });

  it("reads several languages from their own packages' folders through one folder of links, removed after", async () => {
    const { modelFolder, MODEL_FOLDER } = await import("../../src/ocr/models.js");
    const tesseract = await import("tesseract.js");
    const swe = dirname(createRequire(import.meta.url).resolve("@tesseract.js-data/swe/package.json"));
    // A second language package installed elsewhere: a stand-in "eng" that holds the Swedish model
    // (the English one is not a dependency), so tesseract must load two models from two folders.
    const other = mkdtempSync(join(tmpdir(), "protokoll-eng-"));
    try {
      mkdirSync(join(other, MODEL_FOLDER));
      copyFileSync(join(swe, MODEL_FOLDER, "swe.traineddata.gz"), join(other, MODEL_FOLDER, "eng.traineddata.gz"));
      const packages = async (name: string) => ({ "@tesseract.js-data/swe": swe, "@tesseract.js-data/eng": other })[name] ?? null;
      expect((await modelFolder(["swe", "swe"], packages)).path).toBe(join(swe, MODEL_FOLDER));
      const both = await modelFolder(["swe", "eng"], packages);
      expect(readdirSync(both.path).sort()).toEqual(["eng.traineddata.gz", "swe.traineddata.gz"]);
      const worker = await tesseract.createWorker("swe+eng", 1, { langPath: both.path, gzip: true, cacheMethod: "none" });
      await worker.terminate();
      await both.dispose();
      expect(existsSync(both.path)).toBe(false);
      // Without the package, or with a package that lacks the model: the install command of that language.
      rmSync(join(other, MODEL_FOLDER, "eng.traineddata.gz"));
      const error = await modelFolder(["swe", "eng"], packages).catch((e: Error) => e);
      expect(error).toMatchObject({ code: "OCR_UNAVAILABLE" });
      expect((error as Error).message).toMatch(/Install it with: npm install @tesseract\.js-data\/eng$/);
      expect(await codeOf(modelFolder(["Swedish"], packages))).toBe("OCR_UNAVAILABLE");
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 60_000);

  it("fails a page in flight with EXTRACTION_CRASHED when its engine is closed, rather than leaving it pending", async () => {
    const { startOcrEngine } = await import("../../src/ocr/engine.js");
    const { greyPgm } = await import("../../src/ocr/render.js");
    const engine = await startOcrEngine(["swe"]);
    const blank = greyPgm(new Uint8Array(400 * 400 * 4).fill(255), 400, 400);
    expect((await engine.recognize(blank)).blocks ?? []).toEqual([]);
    // Noise: tesseract searches it for words for seconds, so the page is still being read when the engine closes.
    let seed = 7;
    const noise = new Uint8Array(1200 * 1200 * 4).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    const reading = engine.recognize(greyPgm(noise, 1200, 1200)).catch((e: Error & { code: string }) => e);
    // Once tesseract.js has posted the job (it reads the image first): closing then ends a job in flight.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await engine.close();
    expect(await reading).toMatchObject({ code: "EXTRACTION_CRASHED" });
    expect(await codeOf(engine.recognize(blank))).toBe("EXTRACTION_CRASHED");
  }, 60_000);

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
