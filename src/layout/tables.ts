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
import { ATTENDANCE_FUNCTIONS, CELL_CONTENT, columnMeaning, markLegend, PEOPLE_COLUMNS, type ColumnMeaning } from "../../grammars/vocabulary.js";
import { wrapJoin } from "./clean.js";
import { ALIGN } from "./columns.js";
import type { Cell, PageLine, Table, TableCell } from "./types.js";

/**
 * The first row starts within this distance under the header (× font size);
 * each later line within the table's row pitch (the closest two rows seen) plus
 * this much (× font size), so a heading after a gap below the table is not taken into it.
 */
const FIRST_ROW_GAP = 2.2;
const ROW_PITCH_SLACK = 0.35;
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

/**
 * How the page's coordinates are to be read. PDF input: points, cells where
 * the producer drew them. Text input (`pdftotext -layout`): a character per x
 * unit, columns spaced anew on every page and shifted a character or two where
 * a cell ran long, and no fonts to tell a label from a row.
 */
export interface TableGeometry {
  /** How far a cell may stand from a column's edge and still be in line with it. */
  align: number;
  /**
   * Every cell must be in line with its column: at its start, at its end (a
   * right-aligned cell), inside the header cell's span, or at a start an
   * earlier row of the column had. Text input, where a label and its value
   * under a table would otherwise fall into its columns.
   */
  strictCells: boolean;
  /** A table that goes on at the top of a page takes its columns from the rows there, when they show every column. */
  realignPages: boolean;
}

export const PDF_GEOMETRY: TableGeometry = { align: ALIGN, strictCells: false, realignPages: false };

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
  /** Whether the first body row's first-column cell is bold: a label set bold below a plain table is no row of it. */
  keyBold: boolean | null;
  geometry: TableGeometry;
  /** Where each column starts and ends on the current page (the header's cells, or the page's rows when realigned). */
  starts: number[];
  ends: number[];
  /** Cell starts seen in each column on the current page. */
  seen: number[][];
}

export function findTables(pages: PageLine[][], geometry: TableGeometry = PDF_GEOMETRY): FoundTables {
  const tables: Table[] = [];
  const result: PageSegment[][] = [];
  let open: OpenTable | null = null;
  // The last number of an agenda without a header that filled the foot of the page before: its rows may go on at the top of the next.
  let agendaEnd: number | null = null;

  for (const lines of pages) {
    const segments: PageSegment[] = [];
    const after = agendaEnd;
    agendaEnd = null;
    let flow: PageLine[] = [];
    let current: FoundRow[] | null = null;
    const legend = pageLegend(lines);
    // A run of lines already tried as a table without a header is not tried again from within (linear cost).
    let bareFrom = 0;
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
        if (repeatsHeader(line, open.table)) {
          const header = headerRow(line)!;
          setColumns(open, header);
          current = [addRow(open, line, true, header.map((cell, column) => ({ cell, column })))];
          continue;
        }
        if (geometry.realignPages) realign(open, lines);
        if (fitsColumns(line, open)) {
          current = [];
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
      if (i >= bareFrom) {
        const bare = headerlessTable(lines, i, geometry, i === 0 ? after : null, legend);
        if ("table" in bare) {
          closeFlow();
          agendaEnd = bare.end === lines.length ? lastAgendaNumber(bare.table) : null;
          segments.push({ kind: "table", table: tables.length, rows: bare.rows });
          tables.push(bare.table);
          i = bare.end - 1;
          continue;
        }
        bareFrom = bare.end;
      }
      const wrapped = headerRow(line) ? null : wrappedHeader(line, lines[i + 1]);
      const headerLine = wrapped ?? line;
      const header = headerRow(headerLine);
      if (header && startsTable(lines, wrapped ? i + 1 : i, header, geometry)) {
        closeFlow();
        open = openTable(tables.length, { columnX: header.map((c) => c.x0), headers: header.map((c) => c.text.trim()), columns: meanings(header), rows: [] }, header, headerLine, geometry);
        tables.push(open.table);
        current = [addRow(open, headerLine, true, header.map((cell, column) => ({ cell, column })))];
        if (wrapped) i++;
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

/**
 * The cells of a header row: at least two, every one a header word. Narrow
 * columns may stand closer than a cell gap ("Nr Ärende"): a cell is cut where
 * its words fall into header words, at the points where a new text item starts.
 * Headings of groups of people alone ("Beslutande ledamöter", "Tjänstgörande
 * ersättare") head lists set side by side, read one column after the other: a
 * table's row says something of its person (party, presence, §§, whom they
 * serve for) in a column of its own, and only then does its row pair a member
 * with the substitute beside.
 */
function headerRow(line: PageLine): Cell[] | null {
  const cells: Cell[] = [];
  for (const cell of line.cells) {
    const parts = headerWords(cell);
    if (!parts) return null;
    cells.push(...parts);
  }
  if (cells.every((cell) => PEOPLE_COLUMNS.has(columnMeaning(cell.text)!))) return null;
  return cells.length >= 2 ? cells : null;
}

/**
 * A header row whose narrow cells wrap ("Tjänstgörande" over "ersättare"): the
 * line close under it, each of its cells under a cell of the row, completes the
 * cells it stands under. One line, as the header row it makes.
 */
function wrappedHeader(line: PageLine, next: PageLine | undefined): PageLine | null {
  if (!next || next.page !== line.page || line.cells.length < 2) return null;
  const gap = next.baseline - line.baseline;
  if (gap <= 0 || gap > WRAP_PITCH * Math.max(line.fontSize, next.fontSize)) return null;
  if (line.cells.some((cell) => cell.text.length > MAX_HEADER_CELL)) return null;
  const cells = line.cells.map((cell) => ({ ...cell }));
  // Cells and pieces both run left to right: one pass over each (linear in the cells).
  let at = 0;
  for (const piece of next.cells) {
    while (at < cells.length - 1 && piece.x0 > cells[at]!.x1) at++;
    const above = cells[at]!;
    if (piece.x0 < above.x0 - ALIGN || piece.x0 > above.x1) return null;
    above.text = `${above.text.trim()} ${piece.text.trim()}`;
    above.x1 = Math.max(above.x1, piece.x1);
    above.items = [...above.items, ...piece.items];
  }
  const bbox = { x0: Math.min(line.bbox.x0, next.bbox.x0), y0: Math.min(line.bbox.y0, next.bbox.y0), x1: Math.max(line.bbox.x1, next.bbox.x1), y1: Math.max(line.bbox.y1, next.bbox.y1) };
  const merged: PageLine = { ...next, bbox, cells };
  return headerRow(merged) ? merged : null;
}

/** Header cells are short: a longer run, or one of more words, is text (and is not cut up, so a line costs linear time). */
const MAX_HEADER_CELL = 60;
const MAX_HEADER_WORDS = 8;

function headerWords(cell: Cell): Cell[] | null {
  if (cell.text.length > MAX_HEADER_CELL || cell.breaks.length > MAX_HEADER_WORDS) return null;
  if (columnMeaning(cell.text) !== null) return [cell];
  const cuts = [0, ...cell.breaks.map((b) => b.at), cell.text.length];
  const parts: Cell[] = [];
  let from = 0;
  while (from < cuts.length - 1) {
    let to = cuts.length - 1;
    while (to > from && columnMeaning(cell.text.slice(cuts[from], cuts[to]).trim()) === null) to--;
    if (to === from) return null;
    parts.push(cellPart(cell, from === 0 ? null : cell.breaks[from - 1]!, to === cuts.length - 1 ? null : cell.breaks[to - 1]!));
    from = to;
  }
  return parts;
}

/** The part of a cell between two of its breaks (null: the cell's own start or end). */
export function cellPart(cell: Cell, start: Cell["breaks"][number] | null, end: Cell["breaks"][number] | null): Cell {
  const from = start?.at ?? 0;
  const to = end?.at ?? cell.text.length;
  return {
    text: cell.text.slice(from, to).trim(),
    x0: start?.x ?? cell.x0,
    x1: end ? end.x - end.gap : cell.x1,
    bold: cell.bold,
    italic: cell.italic,
    items: cell.items,
    breaks: cell.breaks.filter((b) => b.at > from && b.at < to).map((b) => ({ ...b, at: b.at - from })),
  };
}

/** A header is a table's only when the next line falls into its columns. */
function startsTable(lines: PageLine[], i: number, header: Cell[], geometry: TableGeometry): boolean {
  const next = lines[i + 1];
  if (!next) return false;
  const probe = openTable(-1, { columnX: header.map((c) => c.x0), headers: [], columns: [], rows: [] }, header, lines[i]!, geometry);
  return belongs(next, probe) && cellColumns(next, probe)?.[0] === 0;
}

function openTable(index: number, table: Table, header: Cell[], last: PageLine, geometry: TableGeometry): OpenTable {
  const open: OpenTable = { index, table, bounds: [], rows: [], last, rowPitch: Infinity, keyBold: null, geometry, starts: [], ends: [], seen: [] };
  setColumns(open, header);
  return open;
}

/** Columns from a header row (the first, or one repeated on a later page). */
function setColumns(open: OpenTable, header: { x0: number; x1: number }[]): void {
  open.starts = header.map((c) => c.x0);
  open.ends = header.map((c) => c.x1);
  open.bounds = bounds(header);
  open.seen = header.map(() => []);
}

/**
 * Text input spaces each page anew, narrower or wider than the page before,
 * and not evenly (pdftotext packs a row's words). At the top of a page, the
 * rows up to the first gap wider than a row start at a few places: those are
 * matched in order to the table's columns, moved to the first column's start
 * there and scaled by the factor that puts each place nearest to one column of
 * its own (the factor with the smallest misfit); a column that no place
 * matched stands where the factor puts it.
 */
function realign(open: OpenTable, lines: PageLine[]): void {
  const { align } = open.geometry;
  const starts: number[] = [];
  let previous: PageLine | null = null;
  for (const line of lines) {
    const limit = Number.isFinite(open.rowPitch) ? open.rowPitch + ROW_PITCH_SLACK * line.fontSize : FIRST_ROW_GAP * line.fontSize;
    if (previous && line.baseline - previous.baseline > limit) break;
    for (const cell of line.cells) starts.push(cell.x0);
    previous = line;
  }
  const places = columnPlaces(starts, align);
  // Where the column's cells started on the page before (a header word may stand a little off them), else its header's start.
  const reference = open.starts.map((start, j) => (open.seen[j]!.length > 0 ? Math.min(...open.seen[j]!) : start));
  const origin = reference[0]!;
  const shift = places[0];
  if (shift === undefined || Math.abs(shift - origin) > COLUMN_SHIFT) return;
  const at = (scale: number, j: number) => shift + scale * (reference[j]! - origin);
  let best: { scale: number; matched: Map<number, number>; misfit: number } | null = null;
  const scales = [1, ...places.slice(1).flatMap((x) => reference.slice(1).map((start) => (x - shift) / (start - origin)))];
  for (const scale of scales) {
    const fit = matchPlaces(places, reference.map((_, j) => at(scale, j)), align);
    if (fit && (!best || fit.misfit < best.misfit)) best = { scale, ...fit };
  }
  if (!best) return;
  const { scale, matched } = best;
  setColumns(
    open,
    reference.map((start, j) => {
      const x0 = matched.get(j) ?? at(scale, j);
      return { x0, x1: x0 + scale * (open.ends[j]! - open.starts[j]!) };
    }),
  );
}

/**
 * Each place to the nearest column, in order, one place per column, no
 * further from it than half the way to the next column (or `align`):
 * the columns matched and the sum of squared distances; null when they do not match.
 */
function matchPlaces(places: number[], columns: number[], align: number): { matched: Map<number, number>; misfit: number } | null {
  const matched = new Map<number, number>();
  let misfit = 0;
  let last = -1;
  for (const x of places) {
    let j = 0;
    for (let k = 1; k < columns.length; k++) if (Math.abs(columns[k]! - x) < Math.abs(columns[j]! - x)) j = k;
    const room = Math.min(j > 0 ? columns[j]! - columns[j - 1]! : Infinity, j + 1 < columns.length ? columns[j + 1]! - columns[j]! : Infinity);
    const distance = Math.abs(columns[j]! - x);
    if (j <= last || distance > Math.max(align, room / 2)) return null;
    matched.set(j, x);
    misfit += distance * distance;
    last = j;
  }
  return { matched, misfit };
}

/** How far a page's first column may stand from where the table's stood (x units) and still be the same column. */
const COLUMN_SHIFT = 12;

/**
 * What each column holds. "§" heads a number column in an agenda or contents,
 * but the § limits of each person in an attendance list.
 */
function meanings(header: Cell[]): (ColumnMeaning | null)[] {
  const raw = header.map((cell) => columnMeaning(cell.text));
  const people = raw.some((m) => m !== null && PEOPLE_COLUMNS.has(m));
  return raw.map((m, i) => (people && m === "number" && /§/.test(header[i]!.text) ? "paragraphs" : m));
}

function bounds(header: { x0: number; x1: number }[]): number[] {
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
  const placed = placeCells(line, open);
  if (!placed || placed.length === 0) return false;
  const { align } = open.geometry;
  const [first] = placed;
  if (first!.column === 0) return placed.length >= 2 && Math.abs(first!.cell.x0 - open.starts[0]!) <= align && holdsWhatColumnsHold(placed, open);
  const previous = open.rows[open.rows.length - 1];
  if (!previous || previous.header) return false;
  // Text input spaces the page anew: the wrapped rest stands at the columns as this page has them.
  return placed.every(({ cell, column }) => Math.abs(cell.x0 - (open.geometry.realignPages ? open.starts[column]! : previous.cells[column]!.x0)) <= align);
}

/**
 * A new row at a page top in text input, which has no type to tell a label
 * under the table from a row (as a PDF's weight does): each cell says what its
 * column holds where that is short and never wraps (a party's letters, a mark,
 * an answer, an agenda number, § limits, a page). A side heading's text beside
 * its label ("Beslut   Nämnden ...") on the page after a ballot table is none
 * of these. Columns of names, titles, diarienummer and times take any text.
 */
function holdsWhatColumnsHold(placed: { cell: Cell; column: number }[], open: OpenTable): boolean {
  if (!open.geometry.realignPages) return true;
  return placed.every(({ cell, column }) => {
    const meaning = open.table.columns[column] ?? null;
    const content = meaning === null ? undefined : COLUMN_CONTENT[meaning];
    return content === undefined || content.some((pattern) => pattern.test(cell.text.trim()));
  });
}

const COLUMN_CONTENT: Partial<Record<ColumnMeaning, RegExp[]>> = {
  // An agenda's "7." or a contents list's "§ 7", "7 §".
  number: [CELL_CONTENT.number, CELL_CONTENT.paragraphs, /^\d{1,4}\s*§/u],
  party: [CELL_CONTENT.party],
  present: [CELL_CONTENT.mark],
  absent: [CELL_CONTENT.mark],
  yes: [CELL_CONTENT.mark],
  no: [CELL_CONTENT.mark],
  abstain: [CELL_CONTENT.mark],
  vote: [CELL_CONTENT.answer, CELL_CONTENT.mark],
  paragraphs: [CELL_CONTENT.paragraphs],
  page: [/^\d{1,4}$/u],
  // A närvarolista's Funktion column: "Ledamot", "Tjänstgörande ersättare", never a § heading's "Dnr ...".
  role: ATTENDANCE_FUNCTIONS.map(([pattern]) => pattern),
};

/** The line goes on with the open table: close enough under its last line, every cell inside one column. */
function belongs(line: PageLine, open: OpenTable): boolean {
  const gap = line.baseline - open.last.baseline;
  const size = typeSize(line, open.last);
  const limit = Number.isFinite(open.rowPitch) ? open.rowPitch + ROW_PITCH_SLACK * size : FIRST_ROW_GAP * size;
  if (line.page === open.last.page && (gap <= 0 || gap > limit)) return false;
  const placed = placeCells(line, open);
  if (!placed) return false;
  if (open.geometry.strictCells && !placed.every(({ cell, column }) => inLine(cell, column, open))) return false;
  const key = placed[0]?.column === 0 ? placed[0].cell : null;
  return key === null || open.keyBold === null || key.bold === open.keyBold;
}

/**
 * The type size a gap between two lines is measured in: the larger of theirs. OCR guesses a
 * line's size from its box, which a line of small letters and few ascenders ("2. Taxa för
 * kulturskolan") makes a third too low, and a row gap measured in it would look too wide.
 */
function typeSize(line: PageLine, above: PageLine): number {
  return Math.max(line.fontSize, above.fontSize);
}

/**
 * A cell in line with its column: at its start, under the header cell (a
 * centred mark, a right-aligned time a little left of it), or where the
 * column's cells started before.
 */
function inLine(cell: Cell, column: number, open: OpenTable): boolean {
  const { align } = open.geometry;
  const start = open.starts[column]!;
  const end = open.ends[column]!;
  if (Math.abs(cell.x0 - start) <= align) return true;
  if (cell.x0 >= start - 2 * align && cell.x1 <= end + align) return true;
  return open.seen[column]!.some((x) => Math.abs(cell.x0 - x) <= align);
}

/** Keep a column's cell start, once per place (so a long table costs no more per line). */
function remember(open: OpenTable, column: number, x: number): void {
  const seen = open.seen[column]!;
  if (!seen.some((s) => Math.abs(s - x) <= open.geometry.align)) seen.push(x);
}

/**
 * The line's cells cut where a column starts (a narrow gap may leave "1." and
 * its title one cell), each with its column; null when a cell reaches over
 * into the next column without a break there.
 */
function placeCells(line: PageLine, open: OpenTable): { cell: Cell; column: number }[] | null {
  const { starts: columnX } = open;
  const { align } = open.geometry;
  const placed: { cell: Cell; column: number }[] = [];
  for (const whole of line.cells) {
    let cell: Cell | null = whole;
    while (cell) {
      let column = 0;
      while (column + 1 < open.bounds.length && cell.x0 >= open.bounds[column + 1]!) column++;
      const nextStart = columnX[column + 1];
      // A word that starts at a later column is that column's, however little of it reaches past the column's start
      // (a one-letter party beside a long name; text input squeezes such a gap to one space).
      const squeezed = columnCut(cell, column, columnX, align) !== null;
      if (nextStart === undefined || (cell.x1 <= nextStart + align && !squeezed)) {
        placed.push({ cell, column });
        break;
      }
      const cut = columnCut(cell, column, columnX, align);
      if (!cut) return null;
      placed.push({ cell: cellPart(cell, null, cut), column });
      cell = cellPart(cell, cut, null);
    }
  }
  return open.geometry.strictCells ? unsqueeze(placed, (column) => meaningContent(open.table.columns[column]), columnX) : placed;
}

type Placed = { cell: Cell; column: number };

/**
 * Text input packs a run of words with one space each (`pdftotext -layout`):
 * a party beside a long name may come out a few characters short of its
 * column and glued to the name ("Amira Wåhlin (Kommunförbundet Jämtland mp",
 * the party column empty). The last word of a cell on a line is the next
 * column's when that column has nothing on the line and the word is what the
 * column holds (`holds`: a known party's letters, a mark, "§§"); it is set at the
 * column's start, where it belongs.
 */
function unsqueeze(placed: Placed[], holds: (column: number) => RegExp | null, starts: number[]): Placed[] {
  return placed.flatMap((p, i): Placed[] => {
    const next = p.column + 1;
    const content = holds(next);
    const cut = p.cell.breaks.at(-1);
    const endsCell = placed[i + 1]?.column !== p.column;
    if (!content || !cut || !endsCell || starts[next] === undefined || placed.some((q) => q.column === next)) return [p];
    const word = cellPart(p.cell, cut, null);
    if (!content.test(word.text)) return [p];
    const start = starts[next]!;
    return [
      { cell: cellPart(p.cell, null, cut), column: p.column },
      { cell: { ...word, x0: start, x1: start + (word.x1 - word.x0) }, column: next },
    ];
  });
}

/** What a column of the meaning holds, where a word squeezed out of it can be told by itself: a known party's letters, a mark, § limits. */
function meaningContent(meaning: ColumnMeaning | null | undefined): RegExp | null {
  if (meaning === "party") return CELL_CONTENT.knownParty;
  if (meaning === "paragraphs") return CELL_CONTENT.paragraphs;
  return meaning === "present" || meaning === "absent" || meaning === "yes" || meaning === "no" || meaning === "abstain" ? CELL_CONTENT.mark : null;
}

/**
 * Where a cell is to be cut: at a break by the start of the first later column
 * that one stands at. The first break that close wins, unless it stands at the
 * very edge of the tolerance and a nearer one follows (text input squeezes a
 * long row, so a cell start may stand a character or two off its column).
 */
function columnCut(cell: Cell, column: number, columnX: number[], align: number): Cell["breaks"][number] | null {
  for (let k = column + 1; k < columnX.length; k++) {
    const near = cell.breaks.filter((b) => Math.abs(b.x - columnX[k]!) <= align);
    if (near.length === 0) continue;
    const distance = (b: Cell["breaks"][number]) => Math.abs(b.x - columnX[k]!);
    const nearest = near.reduce((best, b) => (distance(b) < distance(best) ? b : best));
    return distance(near[0]!) < align ? near[0]! : nearest;
  }
  return null;
}

function cellColumns(line: PageLine, open: OpenTable): number[] | null {
  return placeCells(line, open)?.map((p) => p.column) ?? null;
}

/** Add the line to the table: a new row when it has a first-column cell or stands apart, else the wrapped rest of the last row. */
function takeLine(open: OpenTable, line: PageLine): FoundRow | null {
  const placed = placeCells(line, open)!;
  const previous = open.rows[open.rows.length - 1];
  const gap = line.page === open.last.page ? line.baseline - open.last.baseline : 0;
  const wraps = previous !== undefined && !previous.header && gap <= WRAP_PITCH * line.fontSize && wrapsRow(placed, gap, open, line.fontSize, previous);
  if (wraps) {
    for (const { cell, column } of placed) {
      appendText(previous.cells[column]!, cell);
      remember(open, column, cell.x0);
    }
    previous.lines.push(line);
    open.last = line;
    return null;
  }
  // A header repeated on a later page may stand closer to its first row than rows stand to each other.
  const afterRepeatedHeader = previous?.header === true && Number.isFinite(open.rowPitch);
  if (line.page === open.last.page && !afterRepeatedHeader) open.rowPitch = Math.min(open.rowPitch, gap);
  return addRow(open, line, false, placed);
}

/**
 * A line close under a row carries on its cells when it has nothing in the
 * first column, when it stands closer than rows do (rows set apart by padding),
 * when its first-column text cannot start an entry (lower case, "(", a
 * dash or a comma carried over from a wrap), or when it closes a parenthesis
 * that the row's first cell left open.
 */
function wrapsRow(placed: { cell: Cell; column: number }[], gap: number, open: OpenTable, fontSize: number, previous: FoundRow): boolean {
  const first = placed[0];
  if (!first || first.column !== 0) return !refillsShortColumn(placed, open, previous);
  // A parenthesis left open in the row's first cell closes on this line: "Anna Berg (Kommunförbundet" / "Jämtland)".
  if (unclosed(previous.cells[0]!.text) && /\)/.test(first.cell.text)) return true;
  if (gap > 0 && Number.isFinite(open.rowPitch) && gap < open.rowPitch - ROW_PADDING * fontSize) return true;
  return /^[\p{Ll}(\-–—,;&/]/u.test(first.cell.text.trim());
}

/**
 * A line with nothing in the first column that puts a second value into a column whose values are
 * short and never wrap (a party's letters, a mark, § limits the row above closed with a number) is
 * a row of its own: a substitute without a member beside, "| Maria Ek (L) | 12-15" under
 * "Eva Sund (V) | Karin Sjögren (V) | 15". A § list the row above left open ("§§ 12-14,") wraps.
 */
function refillsShortColumn(placed: { cell: Cell; column: number }[], open: OpenTable, previous: FoundRow): boolean {
  return placed.some(({ cell, column }) => {
    const above = previous.cells[column]?.text.trim() ?? "";
    const text = cell.text.trim();
    if (!above) return false;
    const meaning = open.table.columns[column];
    if (meaning === "paragraphs") return /\d$/u.test(above) && /^(?:§§?\s*)?\d/u.test(text);
    const short = meaning === "party" ? CELL_CONTENT.knownParty : meaning === "present" || meaning === "absent" ? CELL_CONTENT.mark : null;
    return short !== null && short.test(above) && short.test(text);
  });
}

function unclosed(text: string): boolean {
  return (text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length;
}

/** Rows at least this much further apart than wrapped lines (× font size) are set apart by padding. */
const ROW_PADDING = 0.2;

/** A new row from placed cells (a header row: its header cells, one per column). */
function addRow(open: OpenTable, line: PageLine, header: boolean, placed: { cell: Cell; column: number }[]): FoundRow {
  const cells: TableCell[] = open.table.columnX.map((x) => ({ text: "", x0: x, x1: x }));
  for (const { cell, column } of placed) {
    appendText(cells[column]!, cell);
    if (!header) remember(open, column, cell.x0);
  }
  const row: FoundRow = { row: open.table.rows.length, lines: [line], cells, header };
  const key = placed.find((p) => p.column === 0)?.cell;
  if (!header && open.keyBold === null && key) open.keyBold = key.bold;
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

// ---------------------------------------------------------------------------
// Tables without a header row
// ---------------------------------------------------------------------------

/** A table without a header needs this many rows: alignment over fewer is chance. */
const MIN_BARE_ROWS = 3;

/**
 * A table without a header row (and without rulings): rows whose cells start
 * at the same few x positions, the first column in every row, over at least
 * three rows, read as a table only when its cells say what each column holds:
 * an agenda (numbers that count up by one, a title, and a column of
 * diarienummer, times or people) or a list of people (names, then marks,
 * party letters, § limits or answers, with at least one column of marks or
 * answers). A line just above the rows that is one header word alone
 * ("Ledamöter", "Ersättare") heads the names. A legend ("X = frånvarande")
 * above or under the rows, or elsewhere on the page, says what a list's one
 * column of marks means (the present where nothing says), and a column of
 * words says it itself ("anmält förhinder"). Two-column text, a label column
 * beside its text and signature blocks give no such columns and stay text.
 * Returns the table, or how far the run tried reaches (not to be tried again).
 */
function headerlessTable(
  lines: PageLine[],
  i: number,
  geometry: TableGeometry,
  after: number | null,
  pageLegend: "present" | "absent" | null,
): { table: Table; rows: FoundRow[]; end: number } | { end: number } {
  const label = listLabel(lines[i]!);
  const first = label ? i + 1 : i;
  const run = bareRun(lines, first, geometry, label !== null);
  const fail = { end: Math.max(i + 1, run.end) };
  // Under a header word, or going on from the page before, the rows need no count to be a table; alone they do.
  if (run.rows.length < (label || after !== null ? 1 : MIN_BARE_ROWS)) return fail;
  const places = columnPlaces(run.rows.flatMap((r) => r.cells.map((c) => c.x0)), geometry.align);
  const columnOf = (cell: Cell) => places.reduce((found, x, j) => (x <= cell.x0 + geometry.align ? j : found), 0);
  // Each line's cells by column. A gap squeezed to one space (text input) leaves a later column's words in the cell before: cut them off where that column starts.
  const pieces = run.rows.map((row) =>
    row.lines.map((line) =>
      splitMarker(line.cells).flatMap((whole) => {
        const placed: Placed[] = [];
        let cell: Cell | null = whole;
        while (cell) {
          const cut: Cell["breaks"][number] | null = columnCut(cell, columnOf(cell), places, geometry.align);
          placed.push({ cell: cut ? cellPart(cell, null, cut) : cell, column: columnOf(cell) });
          cell = cut ? cellPart(cell, cut, null) : null;
        }
        return placed;
      }),
    ),
  );
  const holds = squeezableContent(pieces.flat(2));
  const texts = pieces.map((lines) => {
    const cells: TableCell[] = places.map((x) => ({ text: "", x0: x, x1: x }));
    for (const placed of lines) {
      for (const { cell, column } of geometry.strictCells ? unsqueeze(placed, holds, places) : placed) appendText(cells[column]!, cell);
    }
    return cells;
  });
  const below = legendBelow(lines, run);
  const legend = label?.legend ?? below?.legend ?? pageLegend;
  const found = bareMeanings(texts.map((cells) => cells.map((c) => c.text)), label?.group ?? null, legend);
  if (!found) return fail;
  const { columns, legendColumn } = found;
  const goesOn = columns[0] === "number" && Number(/\d+/.exec(texts[0]![0]!.text)?.[0]) === (after ?? NaN) + 1;
  if (run.rows.length < MIN_BARE_ROWS && !label && !goesOn) return fail;
  const table: Table = { columnX: places, headers: places.map((_, j) => (j === 0 && label ? label.text : "")), columns, rows: [] };
  const rows: FoundRow[] = [];
  // The label and a legend are the table's header: they say what its columns hold.
  const headerRowOf = (line: PageLine, column: number, text: string) => {
    const cells = places.map((x, j) => ({ text: j === column ? text : "", x0: x, x1: x }));
    rows.push({ row: rows.length, lines: [line], cells, header: true });
    table.rows.push({ page: line.page, cells, header: true });
  };
  if (label) headerRowOf(label.line, 0, label.text);
  run.rows.forEach((row, k) => {
    rows.push({ row: rows.length, lines: row.lines, cells: texts[k]!, header: false });
    table.rows.push({ page: row.lines[0]!.page, cells: texts[k]!, header: false });
  });
  const takesLegend = below !== null && label?.legend == null && legendColumn !== null;
  if (takesLegend) headerRowOf(below.line, legendColumn, below.text);
  return { table, rows, end: takesLegend ? run.end + 1 : run.end };
}

/** What a line just above a list of people says of it: the group it lists and what its marks mean. */
interface ListLabel {
  line: PageLine;
  text: string;
  /** A people column's header word ("Ledamöter", "Ersättare:"), or null. */
  group: ColumnMeaning | null;
  /** A legend: "X = frånvarande" (marks the absent), "[X] närvarande" (the present), or null. */
  legend: "present" | "absent" | null;
}

/**
 * A line just above a list of people that says what it lists: one header
 * word of a people column ("Ledamöter", "Ersättare:"), a legend for its marks
 * ("X = frånvarande"), or both ("Ledamöter (X = frånvarande)", or the two
 * side by side).
 */
function listLabel(line: PageLine): ListLabel | null {
  if (line.cells.length > 2) return null;
  const text = line.cells.map((c) => c.text.trim()).join(" ");
  const [head, rest] = line.cells.length === 2 ? [line.cells[0]!.text, line.cells[1]!.text] : splitLabel(text);
  const group = peopleWord(head);
  const legend = rest === null ? markLegend(head) : markLegend(rest.replace(/^\((.*)\)$/u, "$1"));
  if (rest === null) return group || legend ? { line, text, group, legend } : null;
  return group && legend ? { line, text, group, legend } : null;
}

/** "Ledamöter (X = frånvarande)" / "Ledamöter: X = frånvarande" as the group word and the rest; the whole text and null where it has no such parts. */
function splitLabel(text: string): [string, string | null] {
  const cut = /^(?<head>[^(:]+?)\s*(?::\s*|(?=\())(?<rest>\S.*)$/u.exec(text);
  return cut?.groups && peopleWord(cut.groups.head!) ? [cut.groups.head!, cut.groups.rest!] : [text, null];
}

function peopleWord(text: string): ColumnMeaning | null {
  const meaning = columnMeaning(text);
  return meaning === "member" || meaning === "substitute" || meaning === "name" ? meaning : null;
}

/** Legends are short lines: longer ones are not tried (linear cost). */
const MAX_LEGEND = 80;

/** What the page's legend says marks mean ("X = frånvarande" under the last list holds for every list on the page), or null. */
function pageLegend(lines: PageLine[]): "present" | "absent" | null {
  for (const line of lines) {
    if (line.cells.length > 2) continue;
    const text = line.cells.map((c) => c.text.trim()).join(" ");
    const legend = text.length <= MAX_LEGEND ? (listLabel(line)?.legend ?? markLegend(text)) : null;
    if (legend) return legend;
  }
  return null;
}

/** A legend set just under the rows ("X = frånvarande"), within a first row's gap of the last one. */
function legendBelow(lines: PageLine[], run: { rows: { lines: PageLine[] }[]; end: number }): { line: PageLine; text: string; legend: "present" | "absent" } | null {
  const line = lines[run.end];
  const last = run.rows.at(-1)?.lines.at(-1);
  if (!line || !last || line.baseline - last.baseline > FIRST_ROW_GAP * line.fontSize) return null;
  const text = line.cells.map((c) => c.text.trim()).join(" ");
  const legend = markLegend(text);
  return legend ? { line, text, legend } : null;
}

/**
 * The rows from line `from`: a row is a line with at least two cells whose
 * first stands where the first row's did; a line close under it whose cells
 * all stand right of that carries the row's wrapped cells. A list number set
 * at a tab stop before its text ("1." then the title) is a cell of its own here.
 */
function bareRun(lines: PageLine[], from: number, geometry: TableGeometry, labelled: boolean): { rows: { lines: PageLine[]; cells: Cell[] }[]; end: number } {
  const rows: { lines: PageLine[]; cells: Cell[] }[] = [];
  let key: number | null = null;
  let pitch = Infinity;
  // The rows' right edge: where the last column's cells end.
  let right = -Infinity;
  let j = from;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    const cells = splitMarker(line.cells);
    const last = rows[rows.length - 1]?.lines.at(-1);
    const gap = last ? line.baseline - last.baseline : 0;
    const size = last ? typeSize(line, last) : line.fontSize;
    if (last && (gap <= 0 || gap > (Number.isFinite(pitch) ? pitch + ROW_PITCH_SLACK * size : FIRST_ROW_GAP * size))) break;
    const start = cells[0]!.x0;
    if (key === null || Math.abs(start - key) <= geometry.align) {
      const previous = rows[rows.length - 1];
      // A name's wrapped rest in the first column: "(Bräcke kommun)", or the close of a parenthesis left open,
      // with the wrapped rest of other cells of the row beside it ("Härjedalen)   137–138").
      const wrapsBeside = cells.slice(1).every((c) => previous?.cells.some((above) => Math.abs(above.x0 - c.x0) <= geometry.align));
      if (previous && wrapsBeside && gap <= WRAP_PITCH * line.fontSize && continuesFirstCell(previous.lines, line)) {
        previous.lines.push(line);
        previous.cells.push(...cells);
        continue;
      }
      // A row may be its first cell alone where that is a person (no marks beside), after another row or under a label that says what the list is.
      const row = partyApart(cells);
      if (row.length < 2 && !((previous || labelled) && CELL_CONTENT.people.test(row[0]!.text.trim()))) break;
      // Every row's first cell is of one kind (a number, or people) and set like the first row's: a label under the rows ends them.
      const kind = firstCellKind(row[0]!);
      if (!kind || (previous && (kind !== firstCellKind(previous.cells[0]!) || cells[0]!.bold !== previous.cells[0]!.bold))) break;
      if (key !== null) pitch = Math.min(pitch, line.baseline - rows[rows.length - 1]!.lines[0]!.baseline);
      key ??= start;
      rows.push({ lines: [line], cells });
      right = Math.max(right, ...cells.map((c) => c.x1));
      continue;
    }
    if (start > key + geometry.align && last && gap <= WRAP_PITCH * line.fontSize && wrapsCellAbove(splitMarker(last.cells), cells[0]!, right, geometry.align, line.fontSize)) {
      rows[rows.length - 1]!.lines.push(line);
      rows[rows.length - 1]!.cells.push(...cells);
      continue;
    }
    break;
  }
  return { rows, end: j };
}

/**
 * A line under a row carries on a cell of it, except a line that opens with a
 * label ("Föredragande: …" under a title in a numbered agenda list) where the
 * cell above had room for its first word (before the next cell there, or the
 * rows' right edge): text that wraps would have stayed on the line above.
 */
function wrapsCellAbove(above: Cell[], cell: Cell, right: number, align: number, fontSize: number): boolean {
  const k = above.findIndex((c) => Math.abs(c.x0 - cell.x0) <= align);
  if (k < 0 || !LABEL_START.test(cell.text.trim())) return true;
  const limit = above[k + 1]?.x0 ?? right;
  const word = cell.text.trim().split(/\s/)[0]!;
  const wordWidth = ((cell.x1 - cell.x0) * word.length) / Math.max(1, cell.text.length);
  return above[k]!.x1 + wordWidth + CELL_ROOM * fontSize > limit;
}

/** A line that opens with a label: a word or two, then a colon. */
const LABEL_START = /^\p{L}+(?:\s\p{L}+)?:(?:\s|$)/u;

/** Room (× font size) a column's text leaves before the next column: a word that fits with this much to spare would have stayed on its line. */
const CELL_ROOM = 1.2;

function firstCellKind(cell: Cell): "number" | "people" | null {
  // A parenthesis that wraps onto the next line ("Anna Berg (Region" / "JH)") is left out.
  const text = cell.text.trim().replace(/\s*\([^()]*$/u, "");
  if (CELL_CONTENT.number.test(text)) return "number";
  // A long name may leave too small a gap before the next column's word ("… (Region JH) l"): that word is cut off later.
  const last = cell.breaks.at(-1);
  return CELL_CONTENT.people.test(text) || (last !== undefined && CELL_CONTENT.people.test(cell.text.slice(0, last.at).trim())) ? "people" : null;
}

function continuesFirstCell(row: PageLine[], line: PageLine): boolean {
  const text = line.cells[0]!.text.trim();
  const first = row.map((l) => (l.cells[0]!.x0 <= row[0]!.cells[0]!.x1 ? l.cells[0]!.text : "")).join(" ");
  return /^[\p{Ll}(\-–—,;&/]/u.test(text) || (unclosed(first) && /\)/.test(text));
}

/** Cell contents that tell a word squeezed out of their column by themselves: a known party's letters, a mark, § limits. */
const SQUEEZABLE = [CELL_CONTENT.knownParty, CELL_CONTENT.mark, CELL_CONTENT.paragraphs];

/** What each column of a table without a header holds, as its cells show it: a known party's letters, marks or § limits in every cell (see `unsqueeze`). */
function squeezableContent(placed: Placed[]): (column: number) => RegExp | null {
  const texts = new Map<number, string[]>();
  for (const { cell, column } of placed) {
    const cells = texts.get(column) ?? [];
    cells.push(cell.text.trim());
    texts.set(column, cells);
  }
  const holds = new Map([...texts].map(([column, cells]) => [column, SQUEEZABLE.find((content) => cells.every((t) => content.test(t))) ?? null]));
  return (column) => holds.get(column) ?? null;
}

/**
 * A name alone on its line with a party's letters after it, closer than a cell
 * gap ("Maj Britt Wåhlin (1:e vice ordförande) (RJH v", the name filling its
 * column): the party as a cell of its own, so the line is a row (no mark
 * stands beside a present member where only the absent are marked). Only to
 * tell the row: which column the party is in, the table's columns decide.
 */
function partyApart(cells: Cell[]): Cell[] {
  const [cell] = cells;
  const cut = cell?.breaks.at(-1);
  if (cells.length !== 1 || !cut || !CELL_CONTENT.knownParty.test(cell!.text.slice(cut.at).trim())) return cells;
  const name = cellPart(cell!, null, cut);
  return firstCellKind(name) === "people" ? [name, cellPart(cell!, cut, null)] : cells;
}

/** "1." and its title as two cells, where the line's first cell is a list number and the title starts at an item after a gap. */
function splitMarker(cells: Cell[]): Cell[] {
  const [cell, ...rest] = cells;
  const cut = cell?.breaks[0];
  if (!cell || !cut || !CELL_CONTENT.number.test(cell.text.slice(0, cut.at).trim())) return [...cells];
  return [cellPart(cell, null, cut), cellPart(cell, cut, null), ...rest];
}

/** The x positions cells start at, each the leftmost of a cluster of starts within `align` of each other. */
function columnPlaces(xs: number[], align: number): number[] {
  const starts = [...xs].sort((a, b) => a - b);
  const places: number[] = [];
  let last = -Infinity;
  for (const x of starts) {
    if (x - last > align) places.push(x);
    last = x;
  }
  return places;
}

/**
 * What each column holds, from its cells; null when some column says nothing,
 * or the whole is no agenda and no list of people. In a list of people the
 * first column of marks is taken to mark the present (and a second the
 * absent), unless a legend says what the one column of marks means; a column
 * of words says it itself ("frånvarande", "anmält förhinder"). `legendColumn`:
 * the column the legend was read for.
 */
function bareMeanings(
  rows: string[][],
  labelMeaning: ColumnMeaning | null,
  legend: "present" | "absent" | null,
): { columns: (ColumnMeaning | null)[]; legendColumn: number | null } | null {
  const count = rows[0]!.length;
  const column = (j: number) => rows.map((r) => r[j]!).filter((t) => t !== "");
  const all = (j: number, pattern: RegExp) => column(j).length > 0 && column(j).every((t) => pattern.test(t));
  if (count < 2) return null;
  if (all(0, CELL_CONTENT.number) && countsUp(rows.map((r) => r[0]!))) {
    if (count < 3 || column(1).length < rows.length || all(1, CELL_CONTENT.number)) return null;
    const meanings: (ColumnMeaning | null)[] = ["number", "title"];
    for (let j = 2; j < count; j++) {
      const meaning = all(j, CELL_CONTENT.caseNumber) ? "caseNumber" : all(j, CELL_CONTENT.time) ? "time" : all(j, CELL_CONTENT.people) ? "presenter" : null;
      if (!meaning) return null;
      meanings.push(meaning);
    }
    return { columns: meanings, legendColumn: null };
  }
  if (column(0).length < rows.length || !all(0, CELL_CONTENT.people)) return null;
  const meanings: (ColumnMeaning | null)[] = [labelMeaning ?? "name"];
  const markColumns: number[] = [];
  let words = 0;
  let answers = 0;
  for (let j = 1; j < count; j++) {
    if (all(j, CELL_CONTENT.mark)) meanings.push(markColumns.push(j) === 1 ? "present" : "absent");
    else if (all(j, CELL_CONTENT.absence)) (words++, meanings.push("absent"));
    else if (all(j, CELL_CONTENT.presence)) (words++, meanings.push("present"));
    else if (all(j, CELL_CONTENT.answer) && !all(j, /^ja$/iu)) (answers++, meanings.push("vote"));
    else if (all(j, CELL_CONTENT.party)) meanings.push("party");
    else if (all(j, CELL_CONTENT.paragraphs)) meanings.push("paragraphs");
    else return null;
  }
  const marks = markColumns.length + words;
  if (marks > 2 || answers > 1 || marks + answers === 0) return null;
  const legendColumn = legend && markColumns.length === 1 && words === 0 ? markColumns[0]! : null;
  if (legendColumn !== null) meanings[legendColumn] = legend;
  return { columns: meanings, legendColumn };
}

function lastAgendaNumber(table: Table): number | null {
  const last = table.rows[table.rows.length - 1];
  return table.columns[0] === "number" && last ? Number(/\d+/.exec(last.cells[0]!.text)?.[0]) : null;
}

/** Agenda numbers count up by one from row to row. */
function countsUp(numbers: string[]): boolean {
  const values = numbers.map((n) => Number(/\d+/.exec(n)?.[0]));
  return values.every((v, k) => k === 0 || v === values[k - 1]! + 1);
}
