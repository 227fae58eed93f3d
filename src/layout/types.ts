/**
 * Output of the `layout` stage: the document as lines in reading order, with
 * page furniture taken out. PDF input and text input both end up here, so the
 * grammar sees one kind of input.
 */
import type { Diagnostic, Furniture } from "../schema/index.js";
import type { ColumnMeaning } from "../../grammars/vocabulary.js";

/** A box in PDF points, top-left origin, rounded to 0.1 pt. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Line {
  /** 1-based page the line stands on. */
  page: number;
  /**
   * The cleaned text: Unicode NFC, ligatures unfolded, soft hyphens and
   * zero-width characters removed, runs of spaces folded to one, trimmed.
   * A label/value row is "Label Value" (label cell, one space, first value line),
   * exactly as extracted text shows it, and `label` says where the label ends.
   * A wrap hyphen at the end has been removed (see `joinsNext`).
   */
  text: string;
  /** Where the line stands on the page; null for text input. */
  bbox: BBox | null;
  /** Dominant font size in points; null where the type is unknown: text input, and pages read by OCR. */
  fontSize: number | null;
  /** Every glyph of the line is in a bold font (from the font name). */
  bold: boolean;
  italic: boolean;
  /**
   * Left indentation: for PDF input, points from the page's leftmost body text;
   * for text input, the count of leading spaces.
   */
  indent: number;
  /**
   * For a row of a label/value table (front-page "Plats och tid | Digitalt"):
   * the label cell's text, on the row where the label stands. Value lines that
   * continue the same label below it have `label: null` and `continuesLabel` set.
   */
  label: string | null;
  /** The label this value line belongs to, when it continues a label/value row. */
  continuesLabel: string | null;
  /** A blank line or a paragraph-sized vertical gap precedes this line. */
  breakBefore: boolean;
  /**
   * The line ended in a hyphen that split a word at a wrap ("medborgar-" / "förslaget"):
   * the hyphen is removed from `text` and the next line continues the word without a space.
   * Where the wrap fell on a real hyphen ("LSS-" / "insatser") the hyphen stays in `text`
   * and the next line still continues the word without a space.
   */
  joinsNext: boolean;
  /** Indexes of the pdf.js items (of this page) the line was built from; [] for text input. */
  sourceItems: number[];
  /**
   * The texts of the line's cells when it has more than one, that is when runs of text
   * stand apart by a column-sized gap (table rows, a label and its value, an agenda title
   * and its right-aligned time); text input: a table row's filled cells, and short fields
   * side by side three or more spaces apart (captions, signers' names, a letterhead row).
   * `text` is these joined with one space.
   */
  cells?: string[];
  /** Beside `cells`: the left x of each cell (text input: in characters), so a cross in a table can be read by its column. */
  cellX?: number[];
  /** The line is one row of a table found by `tables.ts` (wrapped cell lines joined); text input too. */
  table?: TableRowRef;
}

/** Where a line stands in a table: which table, which row, and its cells by column. */
export interface TableRowRef {
  /** Index of the table in `LayoutResult.tables`. */
  table: number;
  /** Index of the row in the table's `rows`. */
  row: number;
  header: boolean;
  /** What each column holds, from the header row ("number", "title", "present" ...). */
  columns: (ColumnMeaning | null)[];
  /** The row's text by column, "" for an empty cell; a cell wrapped over several lines is one text. */
  cells: string[];
}

/** A cell of a table row: its text (wrapped lines joined) and where it stands. */
export interface TableCell {
  text: string;
  x0: number;
  x1: number;
}

export interface TableRow {
  page: number;
  /** One cell per column of the table, empty text where the row has nothing in that column. */
  cells: TableCell[];
  /** A header row (the first, or one repeated at the top of a following page). */
  header: boolean;
}

/**
 * A table found from geometry and its header's words: columns aligned over
 * several rows under a header row. One table may run over several pages.
 */
export interface Table {
  /** Left x of each column (the header cell's left edge). */
  columnX: number[];
  /** The header row's texts and what each column holds. */
  headers: string[];
  columns: (ColumnMeaning | null)[];
  rows: TableRow[];
}

/** A run of text within one line, set apart from its neighbours by a column-sized gap. */
export interface Cell {
  text: string;
  x0: number;
  x1: number;
  bold: boolean;
  italic: boolean;
  /** pdf.js item indexes, in reading order. */
  items: number[];
  /** Where a new item starts after a word space: its x and its offset in `text` (after the space). */
  breaks: { x: number; at: number; gap: number }[];
}

/**
 * A line as first assembled from the text items of one page: items that share a
 * baseline, left to right, cut into cells. Intermediate form of the PDF path.
 */
export interface PageLine {
  page: number;
  /** Baseline, from the top of the page. */
  baseline: number;
  bbox: BBox;
  fontSize: number;
  cells: Cell[];
}

export interface LayoutResult {
  lines: Line[];
  /** Running headers/footers, page numbers, signature boxes: out of the text, kept here. */
  furniture: Furniture[];
  /** Page count of the input (pages of text for text input). */
  pages: number;
  /** Tables found on the pages (their rows are also `lines` with `table` set). */
  tables?: Table[];
  diagnostics: Diagnostic[];
}
