/**
 * Output of the `pdf` stage: positioned text items as pdf.js reports them,
 * converted to a top-left origin so that y grows down the page.
 */
import type { Diagnostic } from "../schema/index.js";
import type { OcrAssets } from "../ocr/browser.js";

/** One pdf.js text item (a run of glyphs in one font), in PDF points. */
export interface TextItem {
  /** Index of the item within its page, in pdf.js content order; lines point back to it. */
  index: number;
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  width: number;
  height: number;
  fontSize: number;
  /** The font's PostScript name when pdf.js knows it ("ABCDEF+Calibri-Bold"), else its loaded id. */
  fontName: string;
  bold: boolean;
  italic: boolean;
  /** pdf.js saw an end of line after this item. */
  hasEOL: boolean;
  /** The run is not horizontal on the page as displayed (vertical margin text, rotated stamps). */
  rotated?: boolean;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

export interface PdfText {
  pageCount: number;
  pages: PageText[];
  diagnostics: Diagnostic[];
  /** 1-based numbers of the pages read by OCR instead of their text layer. */
  ocrPages: number[];
}

export interface PdfOptions {
  /** Refuse documents with more pages than this (default 2000). */
  maxPages?: number;
  /** Give up after this many milliseconds (default 60 000). */
  timeoutMs?: number;
  /** OCR pages without text or with a garbled text layer ("auto", the default), every page ("force"), or none ("off"). */
  ocr?: "auto" | "off" | "force";
  /** tesseract language codes of the OCR model(s), installed as @tesseract.js-data/<code> (default ["swe"]). */
  ocrLanguages?: string[];
  /** In a browser: where tesseract.js's worker, core and model files are (default: the folder "ocr/" beside the page). Not used in Node. */
  ocrAssets?: OcrAssets;
  /** More time for each page read by OCR (the default budget's allowance; 0 where the caller set timeoutMs). */
  ocrMsPerPage?: number;
}
