/**
 * The page model both outputs are drawn from: blocks flow onto A4 pages, and
 * every placed line remembers its page, so the renderer knows the true page of
 * each participant entry and § without asking a PDF reader.
 */
import { type Face } from "./metrics.js";
import { wrapText } from "./wrap.js";

export const PAGE = { width: 595.28, height: 841.89, left: 70, right: 525, top: 770, bottom: 80 } as const;

export interface Run {
  x: number;
  text: string;
  face: Face;
  size: number;
  /** Right-aligned runs have `x` as their right edge. */
  align?: "left" | "right";
}

export interface PlacedLine {
  y: number;
  runs: Run[];
  /** A blank line precedes this one in extracted text (a paragraph gap). */
  gapBefore: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Page {
  lines: PlacedLine[];
  furniture: PlacedLine[];
  boxes: Box[];
}

/** A cell of a row: text wrapped inside [x, x + width]. */
export interface Cell {
  x: number;
  width: number;
  text: string;
  face: Face;
  align?: "left" | "right";
}

export type Block =
  | {
      type: "text";
      text: string;
      face: Face;
      size: number;
      indent?: number;
      /** Printed before the first line in the indent ("1.", "•"); the text hangs after it. */
      marker?: string;
      gap?: number;
      keepWithNext?: boolean;
      /** A point of a numbered or bulleted list: with keepParagraphsTogether, a whole list stays on one page. */
      listPoint?: boolean;
      hyphenate?: boolean;
      track?: (page: number) => void;
    }
  | {
      type: "row";
      cells: Cell[];
      size: number;
      gap?: number;
      grid?: boolean;
      track?: (page: number) => void;
      /** A table's header row, printed again above this row when the row starts a new page. */
      repeatHeader?: Extract<Block, { type: "row" }>;
    }
  | { type: "pageBreak" };

const LEADING = 1.28;

type TextBlock = Extract<Block, { type: "text" }>;

function wrapBlock(block: TextBlock): string[] {
  return wrapText(block.text, {
    width: PAGE.right - PAGE.left - (block.indent ?? 0),
    face: block.face,
    size: block.size,
    hyphenate: block.hyphenate ?? false,
  });
}

function textHeight(block: TextBlock): number {
  const lead = block.size * LEADING;
  return wrapBlock(block).length * lead + (block.gap ?? 0) * lead;
}

function isListPoint(block: Block | undefined): boolean {
  return block?.type === "text" && block.listPoint === true;
}

function startsList(blocks: Block[], i: number): boolean {
  return isListPoint(blocks[i]) && !isListPoint(blocks[i - 1]);
}

export class Flow {
  readonly pages: Page[] = [];
  private y = 0;

  constructor(
    private readonly top: number = PAGE.top,
    /** Start a paragraph on a new page rather than break it (widow and orphan control taken to the limit). */
    private readonly keepParagraphsTogether = false,
  ) {
    this.newPage();
  }

  get pageNumber(): number {
    return this.pages.length;
  }

  add(blocks: Block[]): void {
    blocks.forEach((block, i) => {
      if (this.keepParagraphsTogether && startsList(blocks, i)) this.keepListTogether(blocks, i);
      this.place(block, blocks[i + 1]);
    });
  }

  /** Starts a new page when the list that begins at `start` would otherwise break (and fits on a page). */
  private keepListTogether(blocks: Block[], start: number): void {
    let height = 0;
    for (let i = start; i < blocks.length && isListPoint(blocks[i]); i++) height += textHeight(blocks[i] as TextBlock);
    if (this.y - height < PAGE.bottom && height <= this.top - PAGE.bottom) this.newPage();
  }

  private place(block: Block, next: Block | undefined): void {
    if (block.type === "pageBreak") return this.newPage();
    if (block.type === "row") return this.placeRow(block);
    const lead = block.size * LEADING;
    const gap = this.atPageTop() ? 0 : (block.gap ?? 0) * lead;
    // A heading never stands alone at a page foot: it goes with two lines of what follows
    // (a Dnr line above a heading with the heading and those two lines).
    const chained = next?.type === "text" && next.keepWithNext;
    const reserve = block.keepWithNext && next ? (chained ? 4 : 3) : 1;
    if (this.y - gap - reserve * lead < PAGE.bottom) this.newPage();
    else this.y -= gap;
    const indent = block.indent ?? 0;
    const lines = wrapBlock(block);
    const fitsOnAPage = lines.length * lead <= this.top - PAGE.bottom;
    if (this.keepParagraphsTogether && fitsOnAPage && this.y - lines.length * lead < PAGE.bottom) this.newPage();
    lines.forEach((text, i) => {
      const first = i === 0;
      this.ensureRoom(lead);
      const runs: Run[] = [];
      if (first && block.marker) runs.push({ x: PAGE.left + indent - 16, text: block.marker, face: block.face, size: block.size });
      runs.push({ x: PAGE.left + indent, text, face: block.face, size: block.size });
      this.emit(runs, first && gap > 0, lead);
      block.track?.(this.pageNumber);
    });
  }

  private placeRow(block: Extract<Block, { type: "row" }>): void {
    const lead = block.size * LEADING;
    const wrapped = block.cells.map((cell) =>
      wrapText(cell.text, { width: cell.width, face: cell.face, size: block.size, hyphenate: false }),
    );
    const height = Math.max(1, ...wrapped.map((l) => l.length)) * lead;
    const gap = this.atPageTop() ? 0 : (block.gap ?? 0) * lead;
    if (this.y - gap - height < PAGE.bottom) {
      this.newPage();
      if (block.repeatHeader) this.placeRow(block.repeatHeader);
    } else this.y -= gap;
    const page = this.current();
    if (block.grid) {
      for (const cell of block.cells) {
        page.boxes.push({ x: cell.x - 4, y: this.y - height - 3, width: cell.width + 8, height: height });
      }
    }
    for (let i = 0; i < height / lead - 1e-6; i++) {
      const runs = block.cells.flatMap((cell, c): Run[] => {
        const text = wrapped[c]?.[i];
        if (!text) return [];
        const x = cell.align === "right" ? cell.x + cell.width : cell.x;
        return [{ x, text, face: cell.face, size: block.size, align: cell.align ?? "left" }];
      });
      this.emit(runs, i === 0 && gap > 0, lead);
    }
    block.track?.(this.pageNumber);
  }

  private emit(runs: Run[], gapBefore: boolean, lead: number): void {
    this.y -= lead;
    if (runs.length > 0) this.current().lines.push({ y: this.y, runs, gapBefore });
  }

  private ensureRoom(lead: number): void {
    if (this.y - lead < PAGE.bottom) this.newPage();
  }

  private atPageTop(): boolean {
    return this.y >= this.top - 1e-6;
  }

  private current(): Page {
    return this.pages[this.pages.length - 1]!;
  }

  private newPage(): void {
    if (this.pages.length > 0 && this.current().lines.length === 0) return;
    this.pages.push({ lines: [], furniture: [], boxes: [] });
    this.y = this.top;
  }
}
