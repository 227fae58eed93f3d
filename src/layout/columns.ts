/**
 * Label/value tables, found from geometry alone. A front page lists
 * "Plats och tid | Digitalt", "Ledamöter | A / B / C": a narrow label cell at
 * the left and a value column that starts at one x in the left half of the
 * text, shared by several rows. Each row becomes one line "Label Value" with
 * `label` set; the value's further lines get `continuesLabel`. Nothing here
 * knows label words, so unseen templates work the same way.
 */
import type { Cell, PageLine, TableRowRef } from "./types.js";

/** Two x positions closer than this (pt) are one column. */
export const ALIGN = 3;
/** Lines of one cell follow each other closer than this (× font size); rows are further apart. */
const CELL_PITCH = 1.7;
/** A label has at most this many characters: longer text at the left is body text. */
const MAX_LABEL = 60;

/** One output row: the cells as they read, and what it belongs to in a label/value table. */
export interface Row {
  lines: PageLine[];
  cells: string[];
  x0: number;
  label: string | null;
  continuesLabel: string | null;
  /** A table row (from `tables.ts`): its place in the table, and the left x of each non-empty cell. */
  table?: TableRowRef;
  cellX?: number[];
}

/** `extent`: the text's left and right edge (the document's), so a short page's value column is still in the left half. */
export function labelValueRows(lines: PageLine[], extent?: { left: number; right: number }): Row[] {
  const columns = valueColumns(lines, extent);
  const rows: Row[] = [];
  let table: OpenTable | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const near = table !== null && line.baseline - table.last.baseline <= CELL_PITCH * line.fontSize;

    if (table && near && continuesLabelCell(line, table)) {
      const value = extendLabel(table, line);
      if (value) rows.push(value);
      continue;
    }
    const split = splitAtValue(line, columns, table);
    if (split) {
      const row: Row = { lines: [line], cells: [split.label.text, ...split.values], x0: split.label.x0, label: split.label.text, continuesLabel: null };
      rows.push(row);
      table = { row, valueX: split.valueX, labelX: split.label.x0, labelLast: line, last: line, values: [] };
      continue;
    }
    if (table && near && startsAt(line, table.valueX)) {
      const row: Row = { lines: [line], cells: line.cells.map((c) => c.text), x0: line.cells[0]!.x0, label: null, continuesLabel: table.row.label };
      rows.push(row);
      table.values.push(row);
      table.last = line;
      continue;
    }
    if (table && isLabelOnly(line, table)) {
      // A label set in the vertical middle of its cell stands between value lines: its values
      // are those just above it (wrongly under the previous label so far) and those just below.
      const below = valuesBelow(lines, i + 1, table.valueX);
      const label = line.cells[0]!.text;
      const moved: Row[] = below > 0 ? table.values.slice(-below) : [];
      if (below > 0 && moved.length > 0) {
        rows.splice(rows.length - moved.length, moved.length);
        const first = moved[0]!;
        const row: Row = { lines: [line, ...first.lines], cells: [label, ...first.cells], x0: line.cells[0]!.x0, label, continuesLabel: null };
        rows.push(row);
        const rest: Row[] = moved.slice(1).map((v) => ({ ...v, continuesLabel: label }));
        rows.push(...rest);
        table = { row, valueX: table.valueX, labelX: row.x0, labelLast: line, last: line, values: rest };
        continue;
      }
      // A label cell that wraps above its value ("Justeringens" over "plats och tid   Kansliet"): its first line opens the row.
      const next = lines[i + 1];
      const opened: OpenTable = { ...table, labelX: line.cells[0]!.x0, labelLast: line, last: line, values: [] };
      if (next && next.cells.length > 1 && next.baseline - line.baseline <= CELL_PITCH * next.fontSize && continuesLabelCell(next, opened)) {
        opened.row = { lines: [line], cells: [label], x0: line.cells[0]!.x0, label, continuesLabel: null };
        rows.push(opened.row);
        table = opened;
        continue;
      }
    }
    rows.push({ lines: [line], cells: line.cells.map((c) => c.text), x0: line.cells[0]?.x0 ?? line.bbox.x0, label: null, continuesLabel: null });
    table = null;
  }
  return rows;
}

interface OpenTable {
  row: Row;
  valueX: number;
  labelX: number;
  /** The last line of the label cell. */
  labelLast: PageLine;
  /** The last line taken into the table. */
  last: PageLine;
  values: Row[];
}

/**
 * x positions of value columns: where the second cell of two-cell rows starts,
 * in the left half of the text, shared by enough rows and lines. Tables with
 * more columns (an omröstningslista) vote against their column.
 */
function valueColumns(lines: PageLine[], extent?: { left: number; right: number }): number[] {
  if (lines.length === 0) return [];
  let left = Infinity;
  let right = -Infinity;
  for (const line of lines) {
    left = Math.min(left, line.bbox.x0);
    right = Math.max(right, line.bbox.x1);
  }
  if (extent) right = Math.max(right, extent.right);
  const middle = left + (right - left) / 2;

  const candidates: { x: number; two: number; more: number; single: number }[] = [];
  const find = (x: number) => candidates.find((c) => Math.abs(c.x - x) <= ALIGN);
  for (const line of lines) {
    const [first, second] = line.cells;
    if (!first || !second || second.x0 > middle || !isLabelText(first.text)) continue;
    const candidate = find(second.x0) ?? candidates[candidates.push({ x: second.x0, two: 0, more: 0, single: 0 }) - 1]!;
    if (line.cells.length === 2) candidate.two++;
    else candidate.more++;
  }
  for (const line of lines) {
    const candidate = line.cells.length === 1 ? find(line.cells[0]!.x0) : undefined;
    if (candidate) candidate.single++;
  }
  return candidates.filter((c) => c.two >= 1 && c.two > c.more && c.two + c.single >= 3).map((c) => c.x);
}

function isLabelText(text: string): boolean {
  return text.length <= MAX_LABEL && THREE_LETTERS.test(text);
}
const THREE_LETTERS = /\p{L}\P{L}*\p{L}\P{L}*\p{L}/u;

interface Split {
  label: Cell;
  values: string[];
  valueX: number;
}

/** A row's label and value cells, when the line starts in a label column and continues at a value column. */
function splitAtValue(line: PageLine, columns: number[], table: OpenTable | null): Split | null {
  const [first, second] = line.cells;
  if (!first || !isLabelText(first.text)) return null;
  if (second) {
    const valueX = columns.find((x) => Math.abs(x - second.x0) <= ALIGN);
    return valueX === undefined ? null : { label: first, values: line.cells.slice(1).map((c) => c.text), valueX };
  }
  // A long label leaves less than a column gap before its value: one cell, split at the value column's x.
  // Only inside a table, so a body line with a word that happens to start there stays whole.
  if (!table) return null;
  const cut = first.breaks.find((b) => Math.abs(b.x - table.valueX) <= ALIGN && b.gap > 0.5 * line.fontSize);
  if (!cut || first.x0 > table.labelX + ALIGN) return null;
  const label = first.text.slice(0, cut.at).trimEnd();
  if (!isLabelText(label)) return null;
  return { label: { ...first, text: label, x1: cut.x - cut.gap }, values: [first.text.slice(cut.at)], valueX: table.valueX };
}

function startsAt(line: PageLine, x: number): boolean {
  const first = line.cells[0];
  return first !== undefined && Math.abs(first.x0 - x) <= ALIGN;
}

/** Text in the label column only, starting where the labels start. */
function isLabelOnly(line: PageLine, table: OpenTable): boolean {
  const first = line.cells[0];
  return line.cells.length === 1 && first !== undefined && Math.abs(first.x0 - table.labelX) <= ALIGN && first.x1 < table.valueX && isLabelText(first.text);
}

/**
 * The next line of a label cell ("Tjänstgörande" / "ersättare"): right under the
 * label's last line, in the label column, alone or beside the value's next line.
 */
function continuesLabelCell(line: PageLine, table: OpenTable): boolean {
  const first = line.cells[0];
  if (!first || Math.abs(first.x0 - table.labelX) > ALIGN || first.x1 >= table.valueX) return false;
  if (line.baseline - table.labelLast.baseline > CELL_PITCH * line.fontSize) return false;
  // A label that ends in a colon is whole ("JUSTERARE:"): the line under it is the next label.
  if (/:\s*$/u.test(table.row.label ?? "")) return false;
  // It reads as the rest of a phrase ("ersättare", "plats och tid", or a label set in capitals): a capitalised
  // word starts a new label ("Utses att justera  Olle Persson" over "Justeringens" / "plats och tid  Kansliet").
  const lowerCase = /^\p{Ll}/u.test(first.text);
  if (line.cells.length === 1) return lowerCase || !/\p{Ll}/u.test(first.text);
  // Beside a value line only when it reads as the rest of a phrase: a new label would start a new row.
  return lowerCase && startsAt({ ...line, cells: line.cells.slice(1) }, table.valueX);
}

/** Join the line's label part to the row's label; returns the value line beside it, if any. */
function extendLabel(table: OpenTable, line: PageLine): Row | null {
  const [labelPart, ...valueCells] = line.cells;
  const label = `${table.row.label} ${labelPart!.text}`;
  table.row.label = label;
  table.row.cells[0] = label;
  table.row.lines.push(line);
  for (const value of table.values) value.continuesLabel = label;
  table.labelLast = line;
  table.last = line;
  if (valueCells.length === 0) return null;
  const row: Row = { lines: [line], cells: valueCells.map((c) => c.text), x0: valueCells[0]!.x0, label: null, continuesLabel: label };
  table.values.push(row);
  return row;
}

/** How many value-column lines follow from `start`, each close under the one before. */
function valuesBelow(lines: PageLine[], start: number, valueX: number): number {
  let count = 0;
  let previous = lines[start - 1];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (!previous || line.baseline - previous.baseline > CELL_PITCH * line.fontSize || line.cells.length !== 1 || !startsAt(line, valueX)) break;
    count++;
    previous = line;
  }
  return count;
}
