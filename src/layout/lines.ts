/**
 * Text items of one page -> lines. Items whose baselines agree within a
 * fraction of the font size form a line; within it, items are ordered by x
 * and the gaps between them decide between nothing, a space and a new cell.
 * Cost: one sort of the page's items, then linear.
 */
import type { PageText, TextItem } from "../pdf/types.js";
import type { BBox, Cell, PageLine } from "./types.js";

/** Baselines closer than this (× font size) are one line: absorbs mixed fonts and sub-point jitter. */
const BASELINE_TOLERANCE = 0.35;
/** A horizontal gap wider than this (× font size) is a word space. */
const SPACE_GAP = 0.15;
/** A horizontal gap wider than this (× font size) separates cells (columns, tab stops). */
const CELL_GAP = 1.2;

export interface PageLines {
  lines: PageLine[];
  /** Text that is not horizontal (margin stamps): kept out of the flow, reported as furniture. */
  rotated: string[];
}

export function pageLines(page: PageText): PageLines {
  const rotated: string[] = [];
  const items: TextItem[] = [];
  for (const item of page.items) {
    if (item.text.trim() === "") continue; // Spaces are re-derived from the geometry.
    if (item.rotated) rotated.push(item.text);
    else items.push(item);
  }
  items.sort((a, b) => a.y - b.y || a.x - b.x);

  const lines: PageLine[] = [];
  let group: TextItem[] = [];
  let anchor = 0;
  for (const item of items) {
    const tolerance = BASELINE_TOLERANCE * Math.min(item.fontSize, group[0]?.fontSize ?? item.fontSize);
    if (group.length > 0 && Math.abs(item.y - anchor) > tolerance) {
      lines.push(buildLine(page.page, group));
      group = [];
    }
    if (group.length === 0) anchor = item.y;
    group.push(item);
  }
  if (group.length > 0) lines.push(buildLine(page.page, group));
  return { lines, rotated };
}

function buildLine(page: number, group: TextItem[]): PageLine {
  const items = [...group].sort((a, b) => a.x - b.x);
  const fontSize = dominantFontSize(items);
  const cells: Cell[] = [];
  let cell: Cell | null = null;
  let cellEnd = -Infinity;
  let last: TextItem | null = null;
  for (const item of items) {
    // Some producers fake bold by drawing a run twice, a fraction of a point apart.
    if (last && last.text === item.text && Math.abs(last.x - item.x) < 0.2 * fontSize) continue;
    const gap = item.x - cellEnd;
    if (!cell || gap > CELL_GAP * fontSize) {
      cell = { text: item.text, x0: item.x, x1: item.x + item.width, bold: item.bold, italic: item.italic, items: [item.index], breaks: [] };
      cells.push(cell);
    } else {
      const space = gap > SPACE_GAP * fontSize && !/\s$/.test(cell.text) && !/^\s/.test(item.text) ? " " : "";
      if (space || /\s$/.test(cell.text)) cell.breaks.push({ x: item.x, at: cell.text.length + space.length, gap });
      cell.text += space + item.text;
      cell.x1 = Math.max(cell.x1, item.x + item.width);
      cell.bold &&= item.bold;
      cell.italic &&= item.italic;
      cell.items.push(item.index);
    }
    cellEnd = Math.max(cellEnd, item.x + item.width);
    last = item;
  }
  const baseline = items.reduce((sum, item) => sum + item.y, 0) / items.length;
  return { page, baseline, bbox: boundingBox(items), fontSize, cells: mergeListMarkers(cells) };
}

// A bullet or a list number set at a tab stop before its text ("•", "1.", "a)").
const LIST_MARKER = /^\s*([•·▪◦‣●○■□►–—-]|\d{1,2}[.)]|\p{Ll}[.)]|\(\d{1,2}\))\s*$/u;

/** A list marker is part of its item's text, not a column of its own. */
function mergeListMarkers(cells: Cell[]): Cell[] {
  const merged: Cell[] = [];
  for (const cell of cells) {
    const previous = merged[merged.length - 1];
    if (previous && LIST_MARKER.test(previous.text) && previous.items.length === 1 && merged.length === 1) {
      const at = previous.text.trimEnd().length + 1;
      merged[0] = {
        text: previous.text.trimEnd() + " " + cell.text,
        x0: previous.x0,
        x1: cell.x1,
        bold: previous.bold && cell.bold,
        italic: previous.italic && cell.italic,
        items: [...previous.items, ...cell.items],
        breaks: [{ x: cell.x0, at, gap: cell.x0 - previous.x1 }, ...cell.breaks.map((b) => ({ ...b, at: b.at + at }))],
      };
    } else {
      merged.push(cell);
    }
  }
  return merged;
}

/** The font size that carries most characters: a superscript or a bullet glyph does not decide. */
function dominantFontSize(items: TextItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.fontSize * 10) / 10;
    weight.set(size, (weight.get(size) ?? 0) + item.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) [best, bestWeight] = [size, w];
  }
  return best;
}

function boundingBox(items: TextItem[]): BBox {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const item of items) {
    // pdf.js gives no glyph extents: take the font size above the baseline and a descender below.
    x0 = Math.min(x0, item.x);
    x1 = Math.max(x1, item.x + item.width);
    y0 = Math.min(y0, item.y - item.fontSize * 0.8);
    y1 = Math.max(y1, item.y + item.fontSize * 0.2);
  }
  return { x0: round(x0), y0: round(y0), x1: round(x1), y1: round(y1) };
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
