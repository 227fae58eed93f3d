/**
 * Output of the `pdf` stage: positioned text items as pdf.js reports them,
 * converted to a top-left origin so that y grows down the page.
 */
import type { Diagnostic } from "../schema/index.js";

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
}

export interface PdfOptions {
  /** Refuse documents with more pages than this (default 2000). */
  maxPages?: number;
  /** Give up after this many milliseconds (default 60 000). */
  timeoutMs?: number;
}
