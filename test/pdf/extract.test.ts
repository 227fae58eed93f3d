import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { loadPdfJs, safeDocumentParams } from "../../src/pdf/pdfjs.js";
import { extractText } from "../../src/pdf/index.js";
import { ProtokollError } from "../../src/errors.js";
import { DEV_PDFS, HAS_SHARED, devPdf } from "../layout/fixtures.js";
import { encryptedPdf, imageOnlyPdf, noPagesPdf, textPdf } from "./make.js";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProtokollError);
    return (error as ProtokollError).code;
  }
  throw new Error("expected a rejection");
}

describe("extractText on the dev PDFs", () => {
  it.skipIf(!HAS_SHARED).each(DEV_PDFS)("%s: every page read, items in top-left coordinates", async (name) => {
    const pdf = await extractText(devPdf(name));
    expect(pdf.pages).toHaveLength(pdf.pageCount);
    expect(pdf.diagnostics).toEqual([]);
    for (const page of pdf.pages) {
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) {
        expect(item.y).toBeGreaterThan(0);
        expect(item.y).toBeLessThan(page.height);
        expect(item.fontSize).toBeGreaterThan(4);
      }
    }
    // The first text on page 1 is near the top: y grows down the page.
    const first = pdf.pages[0]!.items[0]!;
    expect(first.y).toBeLessThan(pdf.pages[0]!.height / 4);
  });

  it.skipIf(!HAS_SHARED)("reports the real font names and reads bold from them", async () => {
    const pdf = await extractText(devPdf("d01_bun_hedbacka_2025-02-13"));
    const items = pdf.pages[0]!.items;
    const label = items.find((i) => i.text === "Ledamöter")!;
    expect(label.fontName).toMatch(/\+Carlito-Bold$/);
    expect(label.bold).toBe(true);
    const value = items.find((i) => i.text.startsWith("Annika Blom"))!;
    expect(value.bold).toBe(false);
  });

  it("names fonts that first appear on later pages", async () => {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const fonts = [regular, await doc.embedFont(StandardFonts.HelveticaBold), await doc.embedFont(StandardFonts.TimesRomanItalic), regular];
    for (const font of fonts) doc.addPage([595, 842]).drawText(`Text i ${font.name}`, { x: 70, y: 700, size: 11, font });
    const pdf = await extractText(await doc.save());
    expect(pdf.pages.map((p) => p.items.map((i) => [i.fontName, i.bold, i.italic]))).toEqual([
      [["Helvetica", false, false]],
      [["Helvetica-Bold", true, false]],
      [["Times-Italic", false, true]],
      [["Helvetica", false, false]],
    ]);
  });

  it.skipIf(!HAS_SHARED)("leaves the caller's bytes usable", async () => {
    const bytes = devPdf("d04_kf_sjovalla_utdrag_2025-04-28");
    await extractText(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    await expect(extractText(bytes)).resolves.toMatchObject({ pageCount: 2 });
  });

  it("reads a PDF made with a standard (non-embedded) font", async () => {
    const pdf = await extractText(await textPdf([["Kallelse till sammanträde"]]));
    expect(pdf.pages[0]!.items.map((i) => i.text).join("")).toBe("Kallelse till sammanträde");
  });
});

describe("extractText on broken input", () => {
  it("refuses bytes that are not a PDF", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await codeOf(extractText(random))).toBe("NOT_A_PDF");
    expect(await codeOf(extractText(new Uint8Array(0)))).toBe("NOT_A_PDF");
    expect(await codeOf(extractText(new TextEncoder().encode("<html>%PDF- later than 1024 bytes? no</html>".padStart(2000))))).toBe("NOT_A_PDF");
  });

  it("accepts a header after leading junk within the first 1024 bytes", async () => {
    const pdf = await textPdf([["Hej"]]);
    const junk = new Uint8Array(100).fill(0x20);
    const bytes = new Uint8Array([...junk, ...pdf]);
    await expect(extractText(bytes)).resolves.toMatchObject({ pageCount: 1 });
  });

  it.skipIf(!HAS_SHARED)("turns truncated and damaged PDFs into CORRUPT_PDF", async () => {
    const bytes = devPdf("d01_bun_hedbacka_2025-02-13");
    expect(await codeOf(extractText(bytes.slice(0, bytes.length / 2)))).toBe("CORRUPT_PDF");
    expect(await codeOf(extractText(bytes.slice(0, 2000)))).toBe("CORRUPT_PDF");
    expect(await codeOf(extractText(new TextEncoder().encode("%PDF-1.7\n")))).toBe("CORRUPT_PDF");
  });

  it("maps pdf.js's PasswordException to ENCRYPTED_PDF", async () => {
    expect(await codeOf(extractText(encryptedPdf()))).toBe("ENCRYPTED_PDF");
  });

  it("throws NO_TEXT_LAYER for a page with only a drawing (a scan) when OCR is off", async () => {
    expect(await codeOf(extractText(await imageOnlyPdf(), { ocr: "off" }))).toBe("NO_TEXT_LAYER");
  });

  it("reads a page without text by OCR in the default mode, and reports it", async () => {
    const pdf = await extractText(await imageOnlyPdf());
    expect(pdf.ocrPages).toEqual([1]);
    expect(pdf.diagnostics.map((d) => d.code)).toContain("OCR_PAGE");
  });

  it("throws EMPTY_DOCUMENT for a PDF without pages", async () => {
    expect(await codeOf(extractText(await noPagesPdf()))).toBe("EMPTY_DOCUMENT");
  });

  it.skipIf(!HAS_SHARED)("enforces the page and time budgets", async () => {
    const bytes = devPdf("d01_bun_hedbacka_2025-02-13");
    expect(await codeOf(extractText(bytes, { maxPages: 2 }))).toBe("PAGE_LIMIT_EXCEEDED");
    expect(await codeOf(extractText(bytes, { timeoutMs: 1 }))).toBe("TIME_LIMIT_EXCEEDED");
    // The aborted run leaves nothing behind that breaks the next one.
    await expect(extractText(bytes)).resolves.toMatchObject({ pageCount: 5 });
  });

  it("refuses input that is not bytes", async () => {
    expect(await codeOf(extractText("%PDF-1.4" as unknown as Uint8Array))).toBe("INVALID_INPUT");
  });
});

describe("pdf.js set-up", () => {
  it("points pdf.js at the installed fonts, CMaps and wasm, with the safe settings", async () => {
    const pdfjs = await loadPdfJs();
    const params = await safeDocumentParams(pdfjs, new Uint8Array([1, 2, 3]));
    expect(params).toMatchObject({ isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
    for (const [key, file] of [["standardFontDataUrl", "LiberationSans-Regular.ttf"], ["cMapUrl", "UniJIS-UCS2-H.bcmap"], ["wasmUrl", "openjpeg.wasm"]] as const) {
      expect(existsSync(join(params[key]!, file)), `${key} ${params[key]}`).toBe(true);
    }
  });

  it("bundles for a browser: no Node built-in is resolved at build time", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../../src/index.ts", import.meta.url))],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      external: ["pdfjs-dist"],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bfrom\s*["']node:|\brequire\(\s*["']node:/);
  });
});
