/**
 * Dot leaders on a page image ("§ 12 Budget ........ 3" in a table of
 * contents, a dotted signing line). tesseract reads a long row of dots as
 * letters ("=mmesssessesssrrs", with ghost words above it at confidence 0) and
 * garbles the word before it ("trygghetsbOoendenN"). So the dots are found
 * here, on the grey image, and painted out before OCR; the OCR stage puts a
 * leader of full stops back in their place, as a text layer has it.
 *
 * A leader is a row of dots: ink marks no bigger than a full stop, their
 * centres on one level, at a steady pitch, with no ink just below them (the
 * dots of "i", "ä" and "ö" have their letter there). One pass over the image
 * to find the marks, then a sort: linear in pixels, n log n in marks.
 */

/** A leader, in pixels of the page image. */
export interface DotLeader {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** How many dots it has: the leader is put back as as many full stops. */
  dots: number;
}

interface Mark {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const INK = 128;
/** A full stop of 8-14 point type, in inches, with room for a blurred scan. */
const DOT_INCHES = 0.03;
/** Dots of a leader sit on one level within this share of a dot... */
const LEVEL_SLACK = 0.6;
/** ...and follow each other within this many dot sizes (a leader's pitch is two to four). */
const MAX_PITCH = 4;
/** Fewer dots in a row are an ellipsis or punctuation. */
const MIN_DOTS = 6;

/**
 * Finds the dot leaders of a binary PGM ("P5", 8 bit) and paints them white,
 * in place. `dpi` sets the size of a dot.
 */
export function eraseDotLeaders(pgm: Uint8Array, dpi: number): DotLeader[] {
  const image = pgmPixels(pgm);
  if (!image) return [];
  const { grey, width, height } = image;
  const dot = Math.max(3, Math.round(DOT_INCHES * dpi));
  const leaders = rows(smallMarks(grey, width, height, dot), dot).filter((row) => row.length >= MIN_DOTS && steady(row) && clearBelow(row, grey, width, height, dot));
  for (const row of leaders) for (const m of row) paint(grey, width, height, m);
  return leaders.map((row) => ({
    x0: row[0]!.x0,
    x1: row[row.length - 1]!.x1,
    y0: Math.min(...row.map((m) => m.y0)),
    y1: Math.max(...row.map((m) => m.y1)),
    dots: row.length,
  }));
}

function pgmPixels(pgm: Uint8Array): { grey: Uint8Array; width: number; height: number } | null {
  // The header greyPgm writes: "P5\n<width> <height>\n255\n".
  const head = new TextDecoder().decode(pgm.subarray(0, 40));
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(head);
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const offset = match[0].length;
  if (pgm.length < offset + width * height) return null;
  return { grey: pgm.subarray(offset, offset + width * height), width, height };
}

/**
 * The connected ink marks (8-neighbours) no bigger than `dot` each way. Every
 * ink pixel is visited once; a mark that grows past the size is still filled,
 * so that its pixels are not visited again, and then dropped.
 */
function smallMarks(grey: Uint8Array, width: number, height: number, dot: number): Mark[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const marks: Mark[] = [];
  for (let start = 0; start < grey.length; start++) {
    if (seen[start] || (grey[start] as number) >= INK) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = start % width;
    let x1 = x0;
    let y0 = (start / width) | 0;
    let y1 = y0;
    while (top > 0) {
      const p = stack[--top] as number;
      const x = p % width;
      const y = (p / width) | 0;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (!seen[q] && (grey[q] as number) < INK) {
            seen[q] = 1;
            stack[top++] = q;
          }
        }
      }
    }
    if (x1 - x0 < dot && y1 - y0 < dot) marks.push({ x0, y0, x1, y1 });
  }
  return marks;
}

/** Marks chained left to right at one level, each within reach of the one before. */
function rows(marks: Mark[], dot: number): Mark[][] {
  marks.sort((a, b) => a.x0 - b.x0);
  const open: Mark[][] = [];
  const done: Mark[][] = [];
  const level = (m: Mark) => (m.y0 + m.y1) / 2;
  for (const mark of marks) {
    let joined = false;
    for (let i = open.length - 1; i >= 0; i--) {
      const row = open[i]!;
      const last = row[row.length - 1]!;
      if (mark.x0 - last.x1 > MAX_PITCH * dot) {
        // Out of reach for good (marks come in x order): the row is finished.
        done.push(row);
        open.splice(i, 1);
        continue;
      }
      if (!joined && mark.x0 > last.x1 && Math.abs(level(mark) - level(last)) <= LEVEL_SLACK * dot) {
        row.push(mark);
        joined = true;
      }
    }
    if (!joined) open.push([mark]);
  }
  return [...done, ...open];
}

/** A leader's dots follow at one pitch: no gap more than twice the usual one (words with periods do not). */
function steady(row: readonly Mark[]): boolean {
  const gaps = row.slice(1).map((m, i) => m.x0 - row[i]!.x0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)]!;
  return gaps[gaps.length - 1]! <= 2 * usual + 1;
}

/** Below a leader's dots is paper; below the dots of "i", "ä", "ö" and ":" is more ink. */
function clearBelow(row: readonly Mark[], grey: Uint8Array, width: number, height: number, dot: number): boolean {
  let inked = 0;
  for (const m of row) {
    search: for (let y = m.y1 + 2; y <= Math.min(height - 1, m.y1 + 2 * dot); y++) {
      for (let x = m.x0; x <= m.x1; x++) {
        if ((grey[y * width + x] as number) < INK) {
          inked++;
          break search;
        }
      }
    }
  }
  return inked <= row.length / 5;
}

/** A dot and its blurred rim (lighter than ink, but tesseract still sees it): the rim is this many pixels. */
const RIM = 2;

function paint(grey: Uint8Array, width: number, height: number, m: Mark): void {
  const x0 = Math.max(0, m.x0 - RIM);
  const x1 = Math.min(width - 1, m.x1 + RIM);
  for (let y = Math.max(0, m.y0 - RIM); y <= Math.min(height - 1, m.y1 + RIM); y++) grey.fill(255, y * width + x0, y * width + x1 + 1);
}
