/**
 * Reading order within a page: most pages read top to bottom, but a band of a
 * page may be set in two columns (two-column body text, members on the left and
 * substitutes on the right). Such a band reads its left column, then its right
 * column; what stands above and below it (a heading across the page) keeps its
 * place. Found from geometry alone: a gutter that no line of the band crosses
 * (but for a speck of dirt that OCR reads as a mark), a right column that starts
 * at one x in the right half of the text (or of the band, when its gutter lies
 * in its middle), and enough text on both sides. Cost: linear in the page's cells.
 */
import { ALIGN } from "./columns.js";
import { round } from "./lines.js";
import { cellPart } from "./tables.js";
import type { Cell, PageLine } from "./types.js";

/** A stretch of a page that reads top to bottom: lines across the page, or one column of a two-column band. */
export interface Flow {
  column: "full" | "left" | "right";
  lines: PageLine[];
}

/** Each column of a band has at least this many lines... */
const MIN_COLUMN_LINES = 4;
/** ...or this many, on a page where a band of MIN_COLUMN_LINES shows the same gutter. */
const MIN_SHORT_COLUMN_LINES = 2;
/** The right column starts within this part of the text width (from its left), so label/value tables (values in the left half) never qualify. */
const RIGHT_COLUMN_FROM = 0.5;
const RIGHT_COLUMN_TO = 0.72;
/**
 * The document's text may reach further out than a band (a signature block in the margin on
 * the cover page, a wide table), so a right column that starts a little left of the document's
 * middle still counts when the band's own gutter lies in the band's middle: two columns of
 * text are set as wide as each other, a label/value table's labels are narrower than its values.
 */
const CENTRED_FROM = 0.4;
/** How far (× the band's width) the middle of a centred gutter may lie from the band's middle. */
const CENTRED_TOLERANCE = 0.1;
/** At least this share of a column's lines start at its left edge: a column is left-aligned, right-aligned times are not. */
const ALIGNED_SHARE = 0.6;
/** At least this share of a column's lines are one cell: a table row has several. */
const SINGLE_CELL_SHARE = 0.8;
/** A column of text, not of marks, numbers or one-word cells (a roll-call table's "X", "Ja", "Avstår"). */
const MIN_MEDIAN_LETTERS = 7;
/** The gutter is at least this wide (× font size). */
const MIN_GUTTER = 0.8;
/** A row that starts with an agenda or list number ("3.", "§ 4") is a table row: its cells belong together. */
const NUMBERED = /^(§\s*)?\d{1,3}[.)]?\s/u;
/** OCR reads dirt in a gutter as a mark ("=", "—", "|"): at most two characters, no letter or digit. */
const SPECK = /^[^\p{L}\p{N}]{1,2}$/u;

/** The text's left and right edge: the document's, so a short page's narrow text does not make its value column a right column. */
export interface TextExtent {
  left: number;
  right: number;
}

export function readingOrder(lines: PageLine[], extent: TextExtent = textExtent(lines)): Flow[] {
  const columnX = rightColumnCandidates(lines, extent);
  for (const candidate of columnX) {
    const flows = splitAt(lines, candidate);
    if (flows) return flows;
  }
  return [{ column: "full", lines }];
}

export function textExtent(lines: PageLine[]): TextExtent {
  let left = Infinity;
  let right = -Infinity;
  for (const line of lines) {
    left = Math.min(left, line.bbox.x0);
    right = Math.max(right, line.bbox.x1);
  }
  return { left, right };
}

/** Where a right column may start; `centred`: only if the band's gutter lies in the band's middle. */
interface Candidate {
  x: number;
  centred: boolean;
}

/** Left edges of cells in the right part of the text, most used first. */
function rightColumnCandidates(lines: PageLine[], { left, right }: TextExtent): Candidate[] {
  const width = right - left;
  const counts: { x: number; lines: number }[] = [];
  for (const line of lines) {
    for (const x of cellStarts(line)) {
      const at = (x - left) / width;
      if (at < CENTRED_FROM || at > RIGHT_COLUMN_TO) continue;
      const known = counts.find((c) => Math.abs(c.x - x) <= ALIGN);
      if (known) known.lines++;
      else counts.push({ x, lines: 1 });
    }
  }
  return counts
    .filter((c) => c.lines >= MIN_COLUMN_LINES)
    .sort((a, b) => b.lines - a.lines)
    .map((c) => ({ x: c.x, centred: (c.x - left) / width < RIGHT_COLUMN_FROM }));
}

/** Where the line's cells start, and where a word starts after a gutter-wide gap inside a cell (two columns read as one run). */
function* cellStarts(line: PageLine): Generator<number> {
  for (const cell of line.cells) {
    yield cell.x0;
    for (let i = 0; i < cell.breaks.length; i++) if (gutterCut(cell, i, MIN_GUTTER * line.fontSize)) yield cell.breaks[i]!.x;
  }
}

/**
 * A cell that runs across a gutter, cut there: its words end at least `gutter` left of where
 * its word `at` (a break) starts, with at most a speck between (OCR reads the gap between two
 * columns as a word space when dirt in it is read as "=" or "—"). The speck belongs to
 * neither column and is left out. Null when the cell does not run across a gutter there.
 */
function gutterCut(cell: Cell, at: number, gutter: number): [Cell, Cell] | null {
  const start = cell.breaks[at]!;
  const before = at > 0 ? cell.breaks[at - 1]! : null;
  const speck = before !== null && SPECK.test(cell.text.slice(before.at, start.at).trim());
  const end = speck ? before : start;
  if (end.x - end.gap > start.x - gutter) return null;
  return [cellPart(cell, null, end), cellPart(cell, start, null)];
}

type Side = "left" | "right" | "both" | "across";

/** The line with a cell that runs across the gutter at `x` cut there (see {@link gutterCut}). */
function cutAtGutter(line: PageLine, x: number): PageLine {
  const gutter = MIN_GUTTER * line.fontSize;
  const i = line.cells.findIndex((cell) => cell.x0 < x - ALIGN && cell.x1 > x);
  const at = i < 0 ? -1 : line.cells[i]!.breaks.findIndex((b) => Math.abs(b.x - x) <= ALIGN);
  const cut = at < 0 ? null : gutterCut(line.cells[i]!, at, gutter);
  if (!cut) return line;
  return { ...line, cells: [...line.cells.slice(0, i), ...cut, ...line.cells.slice(i + 1)] };
}

function sideOf(line: PageLine, x: number): Side {
  const gutter = MIN_GUTTER * line.fontSize;
  let left = false;
  let right = false;
  for (const cell of line.cells) {
    if (cell.x0 >= x - ALIGN) right = true;
    else if (cell.x1 <= x - gutter) left = true;
    else return "across";
  }
  return left && right ? "both" : left ? "left" : "right";
}

/** A band of a page read as two columns: lines `start` to `end` (exclusive). */
interface Band {
  start: number;
  end: number;
  columns: [Flow, Flow];
}

/** The page as flows with a gutter just left of `x`, or null when no band of it reads as two columns. */
function splitAt(page: PageLine[], { x, centred }: Candidate): Flow[] | null {
  // Lines cut at the gutter read in the columns of a band; outside one they stay whole.
  const lines = page.map((line) => cutAtGutter(line, x));
  const sides = lines.map((line) => sideOf(line, x));
  const bands: Band[] = [];
  const short: { start: number; end: number }[] = [];
  let done = 0;
  for (let i = 0; i < lines.length; i++) {
    if (sides[i] !== "right" && sides[i] !== "both") continue;
    const start = bandStart(lines, sides, i, done);
    const end = bandEnd(lines, sides, i);
    const columns = end - start >= MIN_COLUMN_LINES ? twoColumns(lines.slice(start, end), x, centred, MIN_COLUMN_LINES) : null;
    // Each line is looked at in one band at most, so a page costs linear time.
    i = end - 1;
    if (columns) {
      bands.push({ start, end, columns });
      done = end;
    } else if (end - start >= MIN_SHORT_COLUMN_LINES) {
      short.push({ start, end });
    }
  }
  if (bands.length === 0) return null;
  // The gutter of a band on this page also parts a shorter band at the same x: text set side by
  // side paragraph by paragraph (a bilingual report) has bands of two or three lines.
  for (const { start, end } of short) {
    if (bands.some((band) => start < band.end && band.start < end)) continue;
    const columns = twoColumns(lines.slice(start, end), x, centred, MIN_SHORT_COLUMN_LINES);
    if (columns) bands.push({ start, end, columns });
  }
  bands.sort((a, b) => a.start - b.start);
  const flows: Flow[] = [];
  done = 0;
  for (const band of bands) {
    if (band.start > done) flows.push({ column: "full", lines: page.slice(done, band.start) });
    flows.push(...band.columns);
    done = band.end;
  }
  if (done < lines.length) flows.push({ column: "full", lines: page.slice(done) });
  return flows;
}

/** Lines of one column follow each other closer than this (× font size), paragraph gaps and headings included. */
const COLUMN_GAP = 3;
/** Below the right column's last line, the left column goes on at line pitch: closer than this (× font size). */
const LINE_PITCH = 1.6;

/**
 * Where a two-column band whose first right-column line is `first` starts: the
 * left column's lines right above it, at line pitch, belong to it (columns
 * whose baselines do not line up start with a left line).
 */
function bandStart(lines: PageLine[], sides: Side[], first: number, floor: number): number {
  let start = first;
  while (start > floor && sides[start - 1] === "left" && lines[start]!.baseline - lines[start - 1]!.baseline <= LINE_PITCH * lines[start]!.fontSize) start--;
  return start;
}

/**
 * Where a two-column band whose first right-column line is `first` ends: after
 * the last right-column line that follows the one before it within a column's
 * gaps, plus the left column's lines that go on below it at line pitch. A
 * heading or a sentence after a gap below the band is not taken into it.
 */
function bandEnd(lines: PageLine[], sides: Side[], first: number): number {
  let lastRight = first;
  for (let k = first + 1; k < lines.length && sides[k] !== "across"; k++) {
    if (sides[k] === "left") continue;
    if (lines[k]!.baseline - lines[lastRight]!.baseline > COLUMN_GAP * lines[k]!.fontSize) break;
    lastRight = k;
  }
  let end = lastRight + 1;
  while (end < lines.length && sides[end] === "left" && lines[end]!.baseline - lines[end - 1]!.baseline <= LINE_PITCH * lines[end]!.fontSize) end++;
  return end;
}

/** A band of lines that none crosses the gutter, as its two columns, when both read as columns of text. */
function twoColumns(band: PageLine[], x: number, centred: boolean, minLines: number): [Flow, Flow] | null {
  const left: PageLine[] = [];
  const right: PageLine[] = [];
  const sides: Side[] = [];
  for (const line of band) {
    const cells = { left: [] as Cell[], right: [] as Cell[] };
    for (const cell of line.cells) (cell.x0 >= x - ALIGN ? cells.right : cells.left).push(cell);
    if (cells.left.length > 0) left.push(part(line, cells.left));
    if (cells.right.length > 0) right.push(part(line, cells.right));
    sides.push(cells.left.length > 0 && cells.right.length > 0 ? "both" : cells.left.length > 0 ? "left" : "right");
  }
  if (!isColumn(left, minLines) || !isColumn(right, minLines)) return null;
  if (isLabelValueTable(sides, left)) return null;
  if (centred && !gutterInMiddle(left, right, x)) return null;
  if (left.filter((line) => NUMBERED.test(line.cells[0]!.text)).length * 2 >= left.length) return null;
  return [
    { column: "left", lines: left },
    { column: "right", lines: right },
  ];
}

/** A label column's lines are at most this long (median, characters). */
const MAX_LABEL_LENGTH = 26;

/**
 * A label/value table ("Beslutande | Anna Berg (S), ordförande" over "| Per Holm (M)"), not two
 * columns: every left line opens a row beside a value, and a value runs on below its label
 * before the next label (a right line alone between two rows). Two columns of text or lists
 * that end at different heights leave lines alone only at the bottom of one column.
 */
function isLabelValueTable(sides: readonly Side[], left: readonly PageLine[]): boolean {
  if (sides.includes("left")) return false;
  // Labels are a few words; a column of text (a Swedish paragraph beside its longer Finnish one) is not.
  const lengths = left.map((line) => line.cells.reduce((n, cell) => n + cell.text.length, 0)).sort((a, b) => a - b);
  if (lengths[Math.floor(lengths.length / 2)]! > MAX_LABEL_LENGTH) return false;
  const first = sides.indexOf("both");
  const last = sides.lastIndexOf("both");
  return sides.some((side, i) => side === "right" && i > first && i < last);
}

/** The gutter (from the left column's right edge to the right column's start at `x`) lies in the band's middle. */
function gutterInMiddle(left: PageLine[], right: PageLine[], x: number): boolean {
  const edge = Math.min(...left.map((l) => l.bbox.x0));
  const end = Math.max(...right.map((l) => l.bbox.x1));
  const gutter = (Math.max(...left.map((l) => l.bbox.x1)) + x) / 2;
  return Math.abs(gutter - (edge + end) / 2) <= CENTRED_TOLERANCE * (end - edge);
}

/** Lines that read as one column of text: left-aligned, mostly one cell each (table rows have several), words not marks. */
function isColumn(lines: PageLine[], minLines: number): boolean {
  if (lines.length < minLines) return false;
  const edge = Math.min(...lines.map((l) => l.bbox.x0));
  const aligned = lines.filter((l) => l.bbox.x0 - edge <= ALIGN).length;
  const single = lines.filter((l) => l.cells.length === 1).length;
  const letters = lines.map((l) => l.cells.reduce((n, c) => n + (c.text.match(/\p{L}/gu)?.length ?? 0), 0)).sort((a, b) => a - b);
  return (
    aligned >= ALIGNED_SHARE * lines.length &&
    single >= SINGLE_CELL_SHARE * lines.length &&
    letters[Math.floor(letters.length / 2)]! >= MIN_MEDIAN_LETTERS
  );
}

/** The part of a line on one side of the gutter, as a line of its own. */
function part(line: PageLine, cells: Cell[]): PageLine {
  if (cells.length === line.cells.length) return line;
  return {
    ...line,
    bbox: { ...line.bbox, x0: round(Math.min(...cells.map((c) => c.x0))), x1: round(Math.max(...cells.map((c) => c.x1))) },
    cells,
  };
}
