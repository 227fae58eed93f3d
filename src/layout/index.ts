/**
 * The `layout` stage: positioned text (or plain text) -> lines in reading
 * order, furniture out. Both inputs end in the same {@link Line} shape, so the
 * grammar sees one kind of input.
 */
import { UNLIMITED, type Budget } from "../budget.js";
import type { PdfText } from "../pdf/types.js";
import type { Furniture } from "../schema/index.js";
import { cleanText, endsWithSoftHyphen, wrapJoin } from "./clean.js";
import { labelValueRows, type Row } from "./columns.js";
import { pdfFurniture, textFurniture, type PdfPageLines } from "./furniture.js";
import { pageLines, round } from "./lines.js";
import { readingOrder, textExtent, type Flow, type TextExtent } from "./reading.js";
import { findTables, type FoundRow, type PageSegment } from "./tables.js";
import { sideBySideFields, TEXT_GEOMETRY, textPageLines } from "./text.js";
import type { BBox, Cell, Line, LayoutResult, PageLine, Table } from "./types.js";

export type { BBox, Cell, Line, LayoutResult, PageLine, Table, TableCell, TableRow, TableRowRef } from "./types.js";

/** A baseline gap this much wider than the document's usual line pitch is a paragraph break. */
const PARAGRAPH_GAP = 1.3;

export function layoutPages(pdf: PdfText, budget: Budget = UNLIMITED): LayoutResult {
  const furniture: Furniture[] = [];
  const ocrPages = new Set(pdf.ocrPages);
  const pages: PdfPageLines[] = pdf.pages.map((page) => {
    budget.check(`making the lines of page ${page.page}`);
    const { lines, rotated } = pageLines(page);
    for (const text of rotated) addFurniture(furniture, page.page, text);
    return { page: page.page, height: page.height, lines, ocr: ocrPages.has(page.page) };
  });
  const furnitureCells = pdfFurniture(pages);

  const bodies = pages.map(({ page, lines }) => {
    budget.check(`reading page ${page} in order`);
    const body: PageLine[] = [];
    for (const line of lines) {
      const cells = line.cells.filter((cell) => {
        if (!furnitureCells.has(cell)) return true;
        addFurniture(furniture, page, cell.text);
        return false;
      });
      if (cells.length === line.cells.length) body.push(line);
      else if (cells.length > 0) body.push({ ...line, cells });
    }
    return body;
  });
  // Tables first: their rows keep their cells together; the text around them is read as usual.
  const found = findTables(bodies);
  const extent = textExtent(bodies.flat());
  const pageFlows = pages.map(({ page }, i) => ({ page, flows: found.pages[i]!.flatMap((segment) => segmentFlows(segment, found.tables, extent)) }));

  const margins = pageFlows.map(({ flows }) => leftMargin(flows.filter((f) => f.column !== "right").flatMap((f) => f.rows)));
  const documentMargin = mostCommon(margins.filter((m) => m !== null));
  const drafts: Draft[] = [];
  pageFlows.forEach(({ page, flows }, i) => {
    const rows = flows.flatMap((f) => f.rows);
    const left = margins[i] ?? documentMargin ?? leftmost(rows);
    for (const flow of flows) {
      // A right column's lines are indented from the column's own edge.
      const margin = flow.column === "right" ? (leftMargin(flow.rows) ?? leftmost(flow.rows)) : left;
      for (const row of flow.rows) {
        const draft = draftFromRow(page, row, margin);
        if (draft) drafts.push(draft);
      }
    }
  });
  markParagraphGaps(drafts);
  return { lines: withoutOcrType(finish(drafts), pdf.ocrPages), furniture, pages: pdf.pageCount, diagnostics: [], tables: found.tables };
}

/**
 * OCR gives word boxes but no fonts: a line on a page read by OCR is never bold and its size
 * is a guess from the box height. Its type is unknown (fontSize null, as in text input), so
 * rules that compare type (a § heading set in bold) do not hold it against it.
 */
function withoutOcrType(lines: Line[], ocrPages: readonly number[]): Line[] {
  if (ocrPages.length === 0) return lines;
  const ocr = new Set(ocrPages);
  return lines.map((line) => (ocr.has(line.page) ? { ...line, fontSize: null } : line));
}

/** A run of text in reading order (columns, label/value rows), or a table's rows as they stand. */
function segmentFlows(segment: PageSegment, tables: Table[], extent: TextExtent): { column: Flow["column"]; rows: Row[] }[] {
  if (segment.kind === "flow") {
    return readingOrder(segment.lines, extent).map((flow) => ({ column: flow.column, rows: labelValueRows(flow.lines, flow.column === "full" ? extent : undefined) }));
  }
  const table = tables[segment.table]!;
  return [{ column: "full", rows: segment.rows.map((row) => tableRow(row, segment.table, table)) }];
}

function tableRow(found: FoundRow, index: number, table: Table): Row {
  const filled = found.cells.filter((cell) => cell.text !== "");
  return {
    lines: found.lines,
    cells: filled.map((cell) => cell.text),
    x0: Math.min(...found.lines.map((l) => l.bbox.x0)),
    label: null,
    continuesLabel: null,
    cellX: filled.map((cell) => round(cell.x0)),
    table: { table: index, row: found.row, header: found.header, columns: table.columns, cells: found.cells.map((cell) => cell.text) },
  };
}

export function layoutText(text: string, budget: Budget = UNLIMITED): LayoutResult {
  const pageTexts = text.replace(/\r\n?/g, "\n").split("\f");
  // A final form feed ends the last page; it does not open an empty one.
  if (pageTexts.length > 1 && pageTexts[pageTexts.length - 1]!.trim() === "") pageTexts.pop();

  const raw: { page: number; raw: string; text: string }[] = [];
  pageTexts.forEach((pageText, i) => {
    budget.check(`splitting page ${i + 1} into lines`);
    for (const line of pageText.split("\n")) raw.push({ page: i + 1, raw: line, text: cleanText(line) });
  });
  const furnitureIndexes = textFurniture(
    raw.map((r) => r.text),
    raw.map((r) => r.page),
  );

  keepWrappedNumbers(raw, furnitureIndexes);
  budget.check("finding page furniture");
  // Tables: the lines as positioned text (a character per x unit, a line per row), read by the same finder as a PDF's.
  const positioned = textPageLines(raw, furnitureIndexes, pageTexts.length);
  budget.check("finding tables");
  const found = findTables(positioned.pages, TEXT_GEOMETRY);
  const rowAt = new Map<number, { found: FoundRow; table: number }>();
  const inTable = new Map<number, number>();
  const labelRows = textLabelRows(found.pages, positioned.index);
  for (const segments of found.pages) {
    for (const segment of segments) {
      if (segment.kind !== "table") continue;
      for (const row of segment.rows) {
        const [first, ...rest] = row.lines.map((l) => positioned.index.get(l)!);
        rowAt.set(first!, { found: row, table: segment.table });
        for (const index of [first!, ...rest]) inTable.set(index, segment.table);
      }
    }
  }

  const furniture: Furniture[] = [];
  const drafts: Draft[] = [];
  let blankBefore = false;
  raw.forEach((r, index) => {
    if (r.text === "") {
      blankBefore = true;
      return;
    }
    if (furnitureIndexes.has(index)) {
      addFurniture(furniture, r.page, r.text);
      return;
    }
    // A ruling drawn in characters inside a table ("----", "|---|---|") carries no words.
    if (positioned.rules.has(index) && withinTable(index, inTable, raw)) return;
    // As in PDF input, a page's first line is never a paragraph break: a paragraph may run on.
    const breakBefore = blankBefore && drafts.length > 0 && drafts[drafts.length - 1]!.line.page === r.page;
    blankBefore = false;
    if (inTable.has(index)) {
      const row = rowAt.get(index);
      if (row) drafts.push(textTableDraft(r.page, row.found, row.table, found.tables[row.table]!, leadingSpace(r.raw), breakBefore));
      return;
    }
    const labelRow = labelRows.rows.get(index);
    if (labelRow) {
      const draft = draftFromRow(r.page, labelRow, 0);
      if (draft) drafts.push({ ...draft, line: { ...draft.line, bbox: null, fontSize: null, sourceItems: [], breakBefore } });
      return;
    }
    // The label cell's next line, joined to the label of the row above it.
    if (labelRows.within.has(index)) return;
    const fields = sideBySideFields(r.raw);
    drafts.push({
      line: {
        page: r.page,
        text: r.text,
        ...(fields && { cells: fields.cells.map(cleanText), cellX: fields.cellX }),
        bbox: null,
        fontSize: null,
        bold: false,
        italic: false,
        indent: leadingSpace(r.raw),
        label: null,
        continuesLabel: null,
        breakBefore,
        joinsNext: false,
        sourceItems: [],
      },
      softHyphen: endsWithSoftHyphen(r.raw),
      baseline: null,
    });
  });
  return { lines: finish(drafts), furniture, pages: pageTexts.length, diagnostics: [], tables: found.tables };
}

/**
 * Label/value rows in text, found as in a PDF (`columns.ts`): a label column
 * at the left and a value column that many lines start at, a character per x
 * unit ("Beslut            Nämnden godkänner rapporten."). Only the lines that
 * such a row changes are given: a row with a label, a value line under it, or
 * a row made of several lines; each by the input line it starts at. `within`:
 * the further lines of a row, which stand in it and not on their own.
 */
function textLabelRows(pages: PageSegment[][], index: Map<PageLine, number>): { rows: Map<number, Row>; within: Set<number> } {
  const rows = new Map<number, Row>();
  const within = new Set<number>();
  const extent = textExtent(pages.flat().flatMap((segment) => (segment.kind === "flow" ? segment.lines : [])));
  for (const segment of pages.flat()) {
    if (segment.kind !== "flow") continue;
    for (const row of labelValueRows(segment.lines, extent)) {
      if (row.label === null && row.continuesLabel === null && row.lines.length === 1) continue;
      const [first, ...rest] = row.lines.map((line) => index.get(line)!);
      rows.set(first!, row);
      for (const i of rest) within.add(i);
    }
  }
  for (const i of rows.keys()) within.delete(i);
  return { rows, within };
}

/**
 * A bare number at the foot of a page reads as a page number; directly under a
 * table row, where one of the row's cells starts, it is the wrapped rest of
 * that cell ("Budget för" / "2025").
 */
function keepWrappedNumbers(raw: { page: number; raw: string; text: string }[], furniture: Set<number>): void {
  for (const index of [...furniture]) {
    const above = raw[index - 1];
    if (!/^\d{1,4}$/.test(raw[index]!.text) || !above || above.text === "" || above.page !== raw[index]!.page || furniture.has(index - 1)) continue;
    const at = leadingSpace(raw[index]!.raw);
    const cellStarts = [...above.raw.matchAll(/(?:^|\S {2,})(?=\S)/g)].map((m) => m.index + m[0].length);
    if (at > 0 && cellStarts.length > 1 && cellStarts.includes(at)) furniture.delete(index);
  }
}

function leadingSpace(raw: string): number {
  return /^[ \t\u00A0]*/.exec(raw)![0].length;
}

/** A rule line stands inside a table when the nearest lines with words above and below it are rows of the same table. */
function withinTable(index: number, inTable: Map<number, number>, raw: { text: string }[]): boolean {
  const near = (step: number): number | undefined => {
    for (let i = index + step; i >= 0 && i < raw.length; i += step) if (raw[i]!.text !== "" && !/^[-=_+|:\s]+$/.test(raw[i]!.text)) return inTable.get(i);
    return undefined;
  };
  const above = near(-1);
  return above !== undefined && above === near(1);
}

/** A table row of text input as a line: its cells joined, `table` set as for a PDF's rows. */
function textTableDraft(page: number, found: FoundRow, index: number, table: Table, indent: number, breakBefore: boolean): Draft {
  const cells = found.cells.map((cell) => cleanText(cell.text));
  const filled = cells.filter((c) => c !== "");
  return {
    line: {
      page,
      text: filled.join(" "),
      bbox: null,
      fontSize: null,
      bold: false,
      italic: false,
      indent,
      label: null,
      continuesLabel: null,
      breakBefore,
      joinsNext: false,
      sourceItems: [],
      ...(filled.length > 1 && { cells: filled }),
      table: { table: index, row: found.row, header: found.header, columns: table.columns, cells },
    },
    softHyphen: false,
    baseline: null,
  };
}

/** A line before the document-wide passes (paragraph gaps, wrap hyphens). */
interface Draft {
  line: Line;
  softHyphen: boolean;
  /** PDF input: baseline on its page. */
  baseline: number | null;
}

function addFurniture(furniture: Furniture[], page: number, raw: string): void {
  const text = cleanText(raw);
  if (text !== "") furniture.push({ page, text });
}

function draftFromRow(page: number, row: Row, left: number): Draft | null {
  const cleaned = row.cells.map(cleanText);
  const cells = cleaned.filter((c) => c !== "");
  const cellX = row.cellX && cleaned.every((c) => c !== "") ? row.cellX : cellPositions(row, cleaned);
  const text = cells.join(" ");
  if (text === "") return null;
  const runs = row.lines.flatMap((l) => l.cells);
  const first = row.lines[0]!;
  const label = row.label === null ? null : cleanText(row.label);
  return {
    line: {
      page,
      text,
      bbox: union(row.lines.map((l) => l.bbox)),
      fontSize: first.fontSize,
      bold: runs.every((c) => c.bold),
      italic: runs.every((c) => c.italic),
      indent: round(row.x0 - left),
      label,
      continuesLabel: row.continuesLabel === null ? null : cleanText(row.continuesLabel),
      breakBefore: false,
      joinsNext: false,
      sourceItems: sourceItems(runs),
      ...(cells.length > 1 && { cells }),
      ...(cells.length > 1 && cellX && { cellX }),
      ...(row.table && { table: { ...row.table, cells: row.table.cells.map(cleanText) } }),
    },
    softHyphen: endsWithSoftHyphen(row.cells[row.cells.length - 1] ?? ""),
    baseline: first.baseline,
  };
}

/** The pdf.js items of a row's cells, each once, in content order. */
function sourceItems(cells: Cell[]): number[] {
  const items: number[] = [];
  for (const cell of cells) for (const item of cell.items) items.push(item);
  items.sort((a, b) => a - b);
  return items.filter((item, i) => i === 0 || item !== items[i - 1]);
}

/** Cell positions where a row is one physical line whose cells map one to one (a table row). */
function cellPositions(row: Row, cleaned: string[]): number[] | null {
  const [only] = row.lines;
  if (row.lines.length !== 1 || !only || only.cells.length !== row.cells.length) return null;
  // One to one, so the row's cleaned cells are the line's.
  if (cleaned.some((text) => text === "")) return null;
  return only.cells.map((cell) => round(cell.x0));
}

/**
 * The page's left text edge: the smallest x that at least two lines start at,
 * so that one stray line further left does not shift every indent. Null when
 * no two lines start together (a page with one line): then the edge is the
 * document's usual one, so that a list point alone on its page keeps its indent.
 */
function leftMargin(rows: Row[]): number | null {
  const starts = new Map<number, { count: number; x: number }>();
  for (const row of rows) {
    const key = Math.round(row.x0);
    const start = starts.get(key) ?? { count: 0, x: row.x0 };
    start.count++;
    start.x = Math.min(start.x, row.x0);
    starts.set(key, start);
  }
  const shared = [...starts.values()].filter((s) => s.count >= 2).map((s) => s.x);
  return shared.length > 0 ? Math.min(...shared) : null;
}

function leftmost(rows: Row[]): number {
  return rows.reduce((x, row) => Math.min(x, row.x0), Infinity);
}

/** The margin most pages share (to the point), for pages that cannot tell their own. */
function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const v of values) {
    const count = counts.get(Math.round(v))!;
    if (count > bestCount) [best, bestCount] = [v, count];
  }
  return best;
}

/**
 * breakBefore from geometry: the usual pitch (baseline gap over font size) is
 * taken low in the distribution, since front pages and short paragraphs can
 * make paragraph gaps the majority.
 */
function markParagraphGaps(drafts: Draft[]): void {
  const ratios: number[] = [];
  forEachGap(drafts, (ratio) => ratios.push(ratio));
  if (ratios.length === 0) return;
  ratios.sort((a, b) => a - b);
  const pitch = ratios[Math.floor(ratios.length * 0.25)]!;
  forEachGap(drafts, (ratio, draft) => {
    draft.line.breakBefore = ratio > PARAGRAPH_GAP * pitch;
  });
}

function forEachGap(drafts: Draft[], visit: (ratio: number, draft: Draft) => void): void {
  for (let i = 1; i < drafts.length; i++) {
    const previous = drafts[i - 1]!;
    const draft = drafts[i]!;
    if (previous.line.page !== draft.line.page || previous.baseline === null || draft.baseline === null) continue;
    const gap = draft.baseline - previous.baseline;
    const size = draft.line.fontSize ?? 0;
    // Lines side by side (a centred label) or out of order have no pitch to speak of.
    if (size > 0 && gap > 0.5 * size) visit(gap / size, draft);
  }
}

/** Undo wrap hyphens between lines of one flow, then hand out the lines. */
function finish(drafts: Draft[]): Line[] {
  for (let i = 0; i < drafts.length - 1; i++) {
    const { line, softHyphen } = drafts[i]!;
    const next = drafts[i + 1]!.line;
    // A table row's cells were joined in `tables.ts`; a row never runs on into the next line.
    if (next.breakBefore || next.label !== null || line.table || next.table) continue;
    const join = wrapJoin(line.text, next.text, softHyphen);
    if (join === "none") continue;
    line.joinsNext = true;
    if (join === "dropHyphen" && !softHyphen) line.text = line.text.slice(0, -1);
  }
  return drafts.map((d) => d.line);
}

function union(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}
