/**
 * Tables, found from geometry and the words of their header row. An agenda
 * ("Nr | Ärende | Dnr | Föredragande"), an attendance list ("Ledamöter |
 * Närvarande | Frånvarande"), an omröstningslista ("Namn | Parti | Ja | Nej |
 * Avstår") or a table of contents ("Ärende | Sida") is a header row whose cells
 * are all header words (`TABLE_HEADER_WORDS` in the vocabulary), then lines
 * whose cells fall into the header's columns. A line with text in the first
 * column starts a row; a line without it, close under the one before, carries
 * the wrapped rest of that row's cells. A table that reaches the foot of a page
 * goes on at the top of the next one, under a repeated header or without one,
 * and stays one table. Cost: linear in the lines of the document.
 */
import { columnMeaning, type ColumnMeaning } from "../../grammars/vocabulary.js";
import { wrapJoin } from "./clean.js";
import { ALIGN } from "./columns.js";
import type { Cell, PageLine, Table, TableCell } from "./types.js";

/**
 * The first row starts within this distance under the header (× font size);
 * each later line within this share over the table's row pitch (the closest two
 * rows seen), so a heading after a gap below the table is not taken into it.
 */
const FIRST_ROW_GAP = 2.2;
const ROW_PITCH_SLACK = 1.35;
/** A line without a first-column cell, closer than this (× font size) under the one before, carries wrapped cells of its row. */
const WRAP_PITCH = 1.7;

/** A run of a page's lines: text to read as usual, or the rows of one table. */
export type PageSegment = { kind: "flow"; lines: PageLine[] } | { kind: "table"; table: number; rows: FoundRow[] };

/** A table row as found: its lines and its cells by column. */
export interface FoundRow {
  row: number;
  lines: PageLine[];
  cells: TableCell[];
  header: boolean;
}

export interface FoundTables {
  tables: Table[];
  /** Per page (same order as the input), its lines cut into flows and table rows. */
  pages: PageSegment[][];
}

interface OpenTable {
  index: number;
  table: Table;
  /** Where each column starts for cells: halfway between one header cell's end and the next one's start. */
  bounds: number[];
  rows: FoundRow[];
  last: PageLine;
  /** The closest two row starts seen on one page (baseline to baseline, from the last line of the row above). */
  rowPitch: number;
}

export function findTables(pages: PageLine[][]): FoundTables {
  const tables: Table[] = [];
  const result: PageSegment[][] = [];
  let open: OpenTable | null = null;

  for (const lines of pages) {
    const segments: PageSegment[] = [];
    let flow: PageLine[] = [];
    let current: FoundRow[] | null = null;
    const closeFlow = () => {
      if (flow.length > 0) segments.push({ kind: "flow", lines: flow });
      flow = [];
    };
    const closeTable = () => {
      if (open && current && current.length > 0) segments.push({ kind: "table", table: open.index, rows: current });
      current = null;
    };

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // The top of a page may carry on the table that filled the foot of the page before.
      if (open && current === null && i === 0) {
        if (repeatsHeader(line, open.table) || fitsColumns(line, open)) {
          current = [];
          if (repeatsHeader(line, open.table)) {
            current.push(addRow(open, line, true));
            continue;
          }
        } else {
          open = null;
        }
      }
      if (open && current !== null) {
        if (belongs(line, open)) {
          const row = takeLine(open, line);
          if (row) current.push(row);
          continue;
        }
        closeTable();
        open = null;
      }
      const header = headerRow(line);
      if (header && startsTable(lines, i, header)) {
        closeFlow();
        open = { index: tables.length, table: { columnX: header.map((c) => c.x0), headers: header.map((c) => c.text.trim()), columns: meanings(header), rows: [] }, bounds: bounds(header), rows: [], last: line, rowPitch: Infinity };
        tables.push(open.table);
        current = [addRow(open, line, true)];
        continue;
      }
      flow.push(line);
    }
    closeFlow();
    closeTable();
    // A table stays open into the next page only when nothing followed it on this one.
    if (open && segments[segments.length - 1]?.kind !== "table") open = null;
    result.push(segments);
  }
  return { tables, pages: result };
}

/** The cells of a header row: at least two, every one a header word. */
function headerRow(line: PageLine): Cell[] | null {
  if (line.cells.length < 2) return null;
  return line.cells.every((cell) => columnMeaning(cell.text) !== null) ? line.cells : null;
}

/** A header is a table's only when the next line falls into its columns. */
function startsTable(lines: PageLine[], i: number, header: Cell[]): boolean {
  const next = lines[i + 1];
  if (!next) return false;
  const probe: OpenTable = { index: -1, table: { columnX: header.map((c) => c.x0), headers: [], columns: [], rows: [] }, bounds: bounds(header), rows: [], last: lines[i]!, rowPitch: Infinity };
  return belongs(next, probe) && cellColumns(next, probe)?.[0] === 0;
}

/**
 * What each column holds. "§" heads a number column in an agenda or contents,
 * but the § limits of each person in an attendance list.
 */
function meanings(header: Cell[]): (ColumnMeaning | null)[] {
  const raw = header.map((cell) => columnMeaning(cell.text));
  const people = raw.some((m) => m === "member" || m === "substitute" || m === "name");
  return raw.map((m, i) => (people && m === "number" && /§/.test(header[i]!.text) ? "paragraphs" : m));
}

function bounds(header: Cell[]): number[] {
  return header.map((cell, i) => (i === 0 ? -Infinity : (header[i - 1]!.x1 + cell.x0) / 2));
}

function repeatsHeader(line: PageLine, table: Table): boolean {
  const header = headerRow(line);
  return header !== null && header.length === table.headers.length && header.every((cell, i) => cell.text.trim().toLowerCase() === table.headers[i]!.toLowerCase());
}

/**
 * At a page top: a new row whose first cell stands at the first column's left
 * edge (with at least one more cell), or the wrapped rest of the last row, each
 * piece where that row's cell starts.
 */
function fitsColumns(line: PageLine, open: OpenTable): boolean {
  const columns = cellColumns(line, open);
  if (!columns) return false;
  if (columns[0] === 0) return line.cells.length >= 2 && Math.abs(line.cells[0]!.x0 - open.table.columnX[0]!) <= ALIGN;
  const previous = open.rows[open.rows.length - 1];
  if (!previous || previous.header) return false;
  return line.cells.every((cell, i) => Math.abs(cell.x0 - previous.cells[columns[i]!]!.x0) <= ALIGN);
}

/** The line goes on with the open table: close enough under its last line, every cell inside one column. */
function belongs(line: PageLine, open: OpenTable): boolean {
  const gap = line.baseline - open.last.baseline;
  const limit = Number.isFinite(open.rowPitch) ? ROW_PITCH_SLACK * open.rowPitch : FIRST_ROW_GAP * line.fontSize;
  if (line.page === open.last.page && (gap <= 0 || gap > limit)) return false;
  return cellColumns(line, open) !== null;
}

/** The column of each cell of the line, or null when a cell reaches over into the next column. */
function cellColumns(line: PageLine, open: OpenTable): number[] | null {
  const { columnX } = open.table;
  const columns: number[] = [];
  for (const cell of line.cells) {
    let column = 0;
    while (column + 1 < open.bounds.length && cell.x0 >= open.bounds[column + 1]!) column++;
    const nextStart = columnX[column + 1];
    if (nextStart !== undefined && cell.x1 > nextStart + ALIGN) return null;
    columns.push(column);
  }
  return columns;
}

/** Add the line to the table: a new row when it has a first-column cell or stands apart, else the wrapped rest of the last row. */
function takeLine(open: OpenTable, line: PageLine): FoundRow | null {
  const columns = cellColumns(line, open)!;
  const previous = open.rows[open.rows.length - 1];
  const gap = line.page === open.last.page ? line.baseline - open.last.baseline : 0;
  const wraps = previous !== undefined && !previous.header && columns[0] !== 0 && gap <= WRAP_PITCH * line.fontSize;
  if (wraps) {
    line.cells.forEach((cell, i) => appendText(previous.cells[columns[i]!]!, cell));
    previous.lines.push(line);
    open.last = line;
    return null;
  }
  if (line.page === open.last.page) open.rowPitch = Math.min(open.rowPitch, gap);
  return addRow(open, line, false, columns);
}

function addRow(open: OpenTable, line: PageLine, header: boolean, columns: number[] | null = cellColumns(line, open)): FoundRow {
  const cells: TableCell[] = open.table.columnX.map((x) => ({ text: "", x0: x, x1: x }));
  line.cells.forEach((cell, i) => {
    const target = cells[columns?.[i] ?? i];
    if (target) appendText(target, cell);
  });
  const row: FoundRow = { row: open.table.rows.length, lines: [line], cells, header };
  open.table.rows.push({ page: line.page, cells, header });
  open.rows.push(row);
  open.last = line;
  return row;
}

/** A cell's next piece: after a space, or straight on after a wrap hyphen. */
function appendText(target: TableCell, cell: Cell): void {
  const text = cell.text.trim();
  if (target.text === "") {
    target.text = text;
    target.x0 = cell.x0;
    target.x1 = cell.x1;
    return;
  }
  const join = wrapJoin(target.text, text, false);
  target.text = join === "none" ? `${target.text} ${text}` : join === "dropHyphen" ? target.text.slice(0, -1) + text : target.text + text;
  target.x0 = Math.min(target.x0, cell.x0);
  target.x1 = Math.max(target.x1, cell.x1);
}
