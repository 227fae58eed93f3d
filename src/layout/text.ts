/**
 * Extracted text as positioned lines, so that the table finder reads text
 * input as it reads a PDF page. `pdftotext -layout` sets a table's columns
 * with runs of spaces: a character is one x unit, a run of two or more spaces
 * (or a tab, or a "|") parts cells, a single space parts words within a cell.
 * Each line is a row of the page; a blank line stands for half a row, as row
 * padding does in a PDF, so a wrapped cell (the next line) stands closer to
 * its row than the next row does where rows are padded. Cost: linear in the
 * length of the text.
 */
import type { Cell, PageLine } from "./types.js";
import type { TableGeometry } from "./tables.js";

/** A nominal font size and line pitch: the table finder's vertical limits are multiples of the font size. */
const FONT_SIZE = 10;
const LINE_PITCH = 12;
const BLANK_PITCH = 6;
/** Cells of a tab- or "|"-separated line stand this far apart, a column per field. */
const FIELD_SPACING = 1000;

/**
 * Text input: columns stand a character or two off where pdftotext made room
 * for a long cell, every page is spaced anew, and without fonts a label under
 * a table must be told from a row by its cells' alignment.
 */
export const TEXT_GEOMETRY: TableGeometry = { align: 3, strictCells: true, realignPages: true };

/** A line of only ruling characters ("-----", "|---|---|", "+===+"). */
const RULE = /^[\s|+:]*[-=_]{3,}[-=_\s|+:]*$/;

export interface TextPageLines {
  /** Per page, its lines that are neither blank, furniture nor a ruling. */
  pages: PageLine[][];
  /** Each positioned line's index in the input lines. */
  index: Map<PageLine, number>;
  /** Input lines that are rulings drawn in characters. */
  rules: Set<number>;
}

export function textPageLines(raw: { page: number; raw: string; text: string }[], furniture: Set<number>, pageCount: number): TextPageLines {
  const pages: PageLine[][] = Array.from({ length: pageCount }, () => []);
  const index = new Map<PageLine, number>();
  const rules = new Set<number>();
  let page = 0;
  let y = 0;
  raw.forEach((r, i) => {
    if (r.page !== page) [page, y] = [r.page, 0];
    if (r.text === "") {
      y += BLANK_PITCH;
      return;
    }
    if (RULE.test(r.raw)) {
      rules.add(i);
      return;
    }
    y += LINE_PITCH;
    if (furniture.has(i)) return;
    const cells = textCells(r.raw);
    if (cells.length === 0) return;
    const line: PageLine = {
      page: r.page,
      baseline: y,
      bbox: { x0: cells[0]!.x0, y0: y - FONT_SIZE, x1: cells[cells.length - 1]!.x1, y1: y },
      fontSize: FONT_SIZE,
      cells,
    };
    pages[r.page - 1]!.push(line);
    index.set(line, i);
  });
  return { pages, index, rules };
}

/** The cells of one line: fields of a tab- or "|"-separated line, else runs parted by two or more spaces. */
function textCells(raw: string): Cell[] {
  const fields = separatedFields(raw);
  if (fields) {
    return fields.flatMap((field, k) => {
      const text = field.trim();
      return text === "" ? [] : [cell(text, k * FIELD_SPACING)];
    });
  }
  const cells: Cell[] = [];
  for (const match of raw.matchAll(/\S+(?: \S+)*/g)) cells.push(cell(match[0], match.index));
  return cells;
}

/** A line with a tab, or with "|" between fields ("| Nr | Ärende |"), split into its fields; null for a line set with spaces. */
function separatedFields(raw: string): string[] | null {
  if (raw.includes("\t")) return raw.replace(/^\s*/, (lead) => (lead.includes("\t") ? lead : "")).split("\t");
  if ((raw.match(/\|/g) ?? []).length < 2 && !/^\s*\|/.test(raw)) return null;
  return raw.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
}

function cell(text: string, x0: number): Cell {
  const breaks: Cell["breaks"] = [];
  for (const word of text.matchAll(/ (?=\S)/g)) breaks.push({ x: x0 + word.index + 1, at: word.index + 1, gap: 1 });
  return { text, x0, x1: x0 + text.length, bold: false, italic: false, items: [], breaks };
}

/** Fields side by side in text input stand at least this many spaces apart (justified running text spreads its words by one or two). */
const FIELD_GAP = 3;
/** A field side by side with others is short: a name, a caption, an organ, a kind, a date. */
const FIELD_WORDS = 5;
const FIELD_LENGTH = 40;

/**
 * A plain line of short fields side by side across wide gaps ("Ordförande          Justerare",
 * "Anna Lindqvist          Olof Nilsson", "SOCIALNÄMNDEN       SAMMANTRÄDESPROTOKOLL"): its
 * fields as cells, as a PDF line has them, with their starts in characters. Null for a line of
 * one field, or where a field is too long to be one or reads on as running text.
 */
export function sideBySideFields(raw: string): { cells: string[]; cellX: number[] } | null {
  const fields = [...raw.matchAll(new RegExp(String.raw`\S+(?: {1,${FIELD_GAP - 1}}\S+)*`, "g"))];
  if (fields.length < 2 || raw.includes("\t") || raw.includes("|")) return null;
  if (fields.some((f) => f[0].length > FIELD_LENGTH || f[0].split(/\s+/).length > FIELD_WORDS)) return null;
  // Running text spread wide goes on in lower case or ends its sentence; a field starts anew and ends no sentence.
  if (fields.some((f, i) => (i > 0 && !/^[\p{Lu}\d§(]/u.test(f[0])) || /[.,;]$/u.test(f[0]))) return null;
  return { cells: fields.map((f) => f[0].replace(/\s+/g, " ")), cellX: fields.map((f) => f.index) };
}

