/**
 * The bench's view of the pipeline, stage by stage: the same modules that
 * src/parse.ts wires together, bundled by the bench script into
 * bench/out/stages.mjs (esbuild, pdfjs-dist left external as in dist/).
 */
import { extractText } from "../src/pdf/index.js";
import { loadPdfJs, safeDocumentParams } from "../src/pdf/pdfjs.js";
import { layoutPages } from "../src/layout/index.js";
import { parseLines } from "../grammars/index.js";
import { buildDocument } from "../src/records/index.js";
import type { LayoutResult } from "../src/layout/types.js";

/** The extraction pool and its deadline, to measure what the worker costs (measure.mjs worker). */
export { ExtractionPool } from "../src/pdf/isolated.js";
export { Deadline } from "../src/budget.js";
import { assessTextLayers } from "../src/ocr/quality.js";
import { renderPage } from "../src/ocr/render.js";
import { startOcrEngine } from "../src/ocr/engine.js";

export { extractText, layoutPages, parseLines, buildDocument, assessTextLayers, startOcrEngine };

/** The page images OCR reads (grey PGM at the OCR resolution), rendered as src/ocr renders them. */
export async function ocrImages(bytes: Uint8Array, pages: number): Promise<Uint8Array[]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(await safeDocumentParams(pdfjs, bytes));
  try {
    const doc = await task.promise;
    const images: Uint8Array[] = [];
    for (let n = 1; n <= Math.min(pages, doc.numPages); n++) {
      const page = await doc.getPage(n);
      images.push((await renderPage(page as never, doc.canvasFactory as never)).pgm);
      page.cleanup();
    }
    return images;
  } finally {
    await task.destroy();
  }
}

/**
 * pdf.js alone: open the document with the settings src/pdf uses (legacy
 * build, no worker, isEvalSupported false, no font faces, no system fonts,
 * the installed font/CMap data), then getTextContent on every page. No font
 * names, no transforms, no layout. Returns the number of text items read.
 */
export async function pdfjsTextOnly(bytes: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(await safeDocumentParams(pdfjs, bytes));
  try {
    const doc = await task.promise;
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      items += content.items.length;
      page.cleanup();
    }
    return items;
  } finally {
    await task.destroy();
  }
}

/** (b) pdf + layout, as parsePdf runs them. */
export async function pdfAndLayout(bytes: Uint8Array): Promise<LayoutResult> {
  const pdf = await extractText(bytes);
  const layout = layoutPages(pdf);
  layout.diagnostics.unshift(...pdf.diagnostics);
  return layout;
}

/** (c) grammar + build + zod validation, as parsePdf runs them after layout. */
export function grammarAndBuild(layout: LayoutResult, pages: number): number {
  const parsed = parseLines(layout.lines);
  const doc = buildDocument(layout, parsed, { pages, textSource: "pdf", sha256: null });
  return doc.items.length;
}
