/**
 * Where a file that holds several meetings starts each one after the first.
 * Archives concatenate documents: a second protokoll (or kallelse, or utdrag)
 * starts on a new page with a front page of its own. Such a page, after the
 * items have begun, is told from a continuation page by what stands at its top,
 * before its first item heading: the document's name ("PROTOKOLL",
 * "Kallelse"; in the text or, where every page prints it, in the page's
 * furniture) and at least two meeting labels with values, one of them when or
 * where the meeting is (date, time, place, attendance), or the kungörelse
 * sentence that states the meeting ("Kommunfullmäktige sammanträder i ... den
 * 17 mars 2026 kl. 18.30"), none of them a running
 * header: a line that stood at the top of
 * the page before, where that page went on with a meeting (a front page's own
 * words come again on the next meeting's front page).
 */
import { tokenMatcher } from "chevrotain";
import type { Line } from "../src/layout/types.js";
import type { Furniture } from "../src/schema/index.js";
import type { LineToken } from "./classify.js";
import { matchFrontLabel, matchKind } from "./classify.js";
import { paragraphCandidate } from "./headings.js";
import { ISO_DATE, ItemHeading, NUMERIC_DATE, SWEDISH_DATE, TextLine, WHEN_WHERE_FIELDS, type FrontField } from "./vocabulary.js";

/** Labels that state a meeting (when, where, who); signature and closing labels also follow the last §. */
const MEETING_FIELDS: ReadonlySet<FrontField> = new Set([...WHEN_WHERE_FIELDS, "members", "servingSubstitutes", "substitutes", "others", "presenter", "absent"]);

/** "... sammanträder i Folkets hus tisdagen den 17 mars 2026 kl. 18.30": the meeting stated in a sentence. */
const MEETS = /\bsammanträder\b/iu;
const DATE = new RegExp([ISO_DATE, NUMERIC_DATE, SWEDISH_DATE].map((d) => d.replace(/\?<\w+>/g, "?:")).join("|"), "iu");

/** A front page's head block is short; a page whose first heading comes later is read up to here. */
const HEAD_BLOCK_LINES = 40;

/** Who attended: with when or where, the head block of a meeting even where it prints no name. */
const ATTENDANCE: ReadonlySet<FrontField> = new Set(["members", "servingSubstitutes", "substitutes", "others", "absent"]);

/** Indexes of the lines that start a later meeting (the first meeting starts at line 0, not listed). */
export function meetingStarts(lines: readonly Line[], tokens: readonly LineToken[], furniture: readonly Furniture[] = []): number[] {
  const starts: number[] = [];
  const namedPages = new Set(furniture.filter((f) => matchKind(f.text) !== null).map((f) => f.page));
  let itemsBegun = false;
  const numberedFrom = numberedLinesFrom(lines, tokens);
  // The highest § of the meeting read so far: a head block before a § at or below it starts another meeting.
  let highest = -Infinity;
  // The head block of the page before, where that page continued a meeting (its running header, if any).
  let previousPageTop = new Set<string>();
  for (let i = 0; i < lines.length; ) {
    const page = lines[i]!.page;
    let end = i;
    while (end < lines.length && lines[end]!.page === page) end++;
    const head = headBlock(lines, tokens, i, end);
    const heading = i + head.length < end ? i + head.length : null;
    // A front page may stand alone (a table of contents after it): the numbering is the next §'s, wherever.
    const restarts = restartsNumbering(lines, tokens, numberedFrom[i + head.length] ?? null, highest);
    const evidence = { previousPageTop, namedInFurniture: namedPages.has(page), restarts };
    const starting: boolean = itemsBegun && startsMeeting(head, lines, evidence);
    if (starting) {
      starts.push(pageTopStart(lines, tokens, head, previousPageTop));
      highest = -Infinity;
    }
    itemsBegun = (itemsBegun && !starting) || heading !== null;
    // Mid-page: after an item heading on this page, a head block of its own before the next heading,
    // or closing the page where its meeting's first § (or a table of contents) follows on the next.
    // A page that only goes on with an item is read from its top, its running header set aside.
    const runningHeader = heading === null ? previousPageTop : new Set<string>();
    for (let at = heading ?? (itemsBegun ? i - 1 : null); at !== null; ) {
      if (tokenMatcher(tokens[at]!, ItemHeading)) highest = Math.max(highest, paragraphOf(tokens[at]!) ?? -Infinity);
      const next = numberedFrom[at + 1] ?? null;
      const to = next === null || next >= end ? end : next;
      const from = midPageStart(lines, tokens, at + 1, to);
      const restarts = restartsNumbering(lines, tokens, next, highest);
      if (from !== null && startsMeeting(range(from, to), lines, { previousPageTop: runningHeader, namedInFurniture: false, restarts, midPage: true })) {
        starts.push(from);
        highest = -Infinity;
      }
      at = to === end ? null : next;
    }
    previousPageTop = i === 0 || starting ? new Set() : new Set(head.map((index) => lines[index]!.text));
    i = end;
  }
  return starts;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

function paragraphOf(token: LineToken): number | null {
  return token.payload.paragraph?.number ?? token.payload.agendaNumber ?? null;
}

/**
 * For each line, the first at or after it that heads an item or prints a § designation at its
 * start: where a meeting's numbering is read. Read from the text too, since the file's own
 * headings take a § number printed again (the next meeting's "§ 1" after "§ 1") for a running header.
 */
function numberedLinesFrom(lines: readonly Line[], tokens: readonly LineToken[]): (number | null)[] {
  const next: (number | null)[] = new Array<number | null>(tokens.length + 1).fill(null);
  for (let i = tokens.length - 1; i >= 0; i--) next[i] = numberAt(lines, tokens, i) !== null ? i : next[i + 1]!;
  return next;
}

function numberAt(lines: readonly Line[], tokens: readonly LineToken[], index: number): number | null {
  if (tokenMatcher(tokens[index]!, ItemHeading)) return paragraphOf(tokens[index]!);
  return paragraphCandidate(lines[index]!.text)?.number ?? null;
}

/** The § after a head block numbers at or below one already read: the numbering restarts or goes back. */
function restartsNumbering(lines: readonly Line[], tokens: readonly LineToken[], numbered: number | null, highest: number): boolean {
  if (numbered === null) return false;
  const number = numberAt(lines, tokens, numbered);
  return number !== null && number <= highest;
}

/**
 * Where a head block printed mid-page would begin, between one item's heading and the next: the
 * first line, of the last HEAD_BLOCK_LINES, that names the document or states when or where it
 * meets (an item's own "Föredragande" is no start). The item's own text stands above it.
 */
function midPageStart(lines: readonly Line[], tokens: readonly LineToken[], from: number, to: number): number | null {
  for (let i = Math.max(from, to - HEAD_BLOCK_LINES); i < to; i++) {
    const label = matchFrontLabel(lines[i]!, lines[i + 1], false);
    if (named(lines[i]!) || (label && WHEN_WHERE_FIELDS.has(label.type.field))) return withLetterhead(lines, tokens, from, i);
  }
  return null;
}

/** The line, or one of its cells, names the document's kind. */
function named(line: Line): boolean {
  return [line.text, ...(line.cells ?? [])].some((text) => matchKind(text) !== null);
}

/** Labels that close a meeting: its signatures, the justering and the anslag box. */
const CLOSING_FIELDS: ReadonlySet<FrontField> = new Set(["signatures", "secretary", "chair", "adjuster", "adjustingPlaceAndTime", "certification", "notice"]);

/**
 * Where a meeting found at a page's top starts: the page's first line, unless the meeting before
 * goes on above the line that names the next (a sentence's end, a signature): that meeting ended
 * on this page, the next one's head block standing before the page's first heading.
 */
function pageTopStart(lines: readonly Line[], tokens: readonly LineToken[], head: readonly number[], runningHeader: ReadonlySet<string>): number {
  const top = head[0]!;
  const name = head.find((i) => !runningHeader.has(lines[i]!.text) && named(lines[i]!));
  if (name === undefined) return top;
  const goesOn = (i: number) => {
    if (runningHeader.has(lines[i]!.text)) return false;
    const label = matchFrontLabel(lines[i]!, lines[i + 1], false);
    return /[.!?]$/u.test(lines[i]!.text.trim()) || (label !== null && CLOSING_FIELDS.has(label.type.field));
  };
  for (let i = top; i < name; i++) if (goesOn(i)) return withLetterhead(lines, tokens, top - 1, name);
  return top;
}

/**
 * Letterhead lines above a head block ("Hedbacka kommun", the organ): short running text, no
 * sentence's end and no label (the signatures that close the meeting before: "Sekreterare Åke
 * Lindström"), taken a whole paragraph at a time: a short line under a heading ("Expedieras" /
 * "Länsstyrelsen") ends the item before.
 */
const LETTERHEAD_LINES = 3;

function withLetterhead(lines: readonly Line[], tokens: readonly LineToken[], from: number, start: number): number {
  const letterhead = (i: number) =>
    tokenMatcher(tokens[i]!, TextLine) && /^[^.:;,!?]{1,60}(?<![.:;,!?)])$/u.test(lines[i]!.text.trim()) && matchFrontLabel(lines[i]!, undefined, false) === null;
  let at = start;
  for (let i = start - 1; i > from && start - i <= LETTERHEAD_LINES && letterhead(i); i--) {
    if (lines[i]!.breakBefore || i - 1 === from) at = i;
  }
  return at;
}

/** The lines of a page (by index) before its first item heading, at most HEAD_BLOCK_LINES. */
function headBlock(lines: readonly Line[], tokens: readonly LineToken[], from: number, to: number): number[] {
  const block: number[] = [];
  for (let i = from; i < to && block.length < HEAD_BLOCK_LINES; i++) {
    if (tokenMatcher(tokens[i]!, ItemHeading)) break;
    block.push(i);
  }
  return block;
}

/** What else speaks for a head block: its page's furniture, the page before, the numbering after it. */
interface Evidence {
  previousPageTop: ReadonlySet<string>;
  namedInFurniture: boolean;
  /** The § after the block numbers at or below one the meeting already had. */
  restarts: boolean;
  /** The block follows an item on its page rather than opening the page. */
  midPage?: boolean;
}

function startsMeeting(head: readonly number[], lines: readonly Line[], { previousPageTop, namedInFurniture, restarts, midPage = false }: Evidence): boolean {
  const fresh = head.filter((i) => !previousPageTop.has(lines[i]!.text));
  const namedInText = fresh.some((i) => named(lines[i]!));
  const fields = new Set<FrontField>();
  let dated = false;
  for (const i of fresh) {
    const label = matchFrontLabel(lines[i]!, lines[i + 1], false);
    if (!label || !MEETING_FIELDS.has(label.type.field)) continue;
    fields.add(label.type.field);
    // The value stands after the label or, where the label stands alone, on the line below.
    if (WHEN_WHERE_FIELDS.has(label.type.field)) dated ||= DATE.test(label.rest.trim() || (lines[i + 1]?.text ?? ""));
  }
  const whenOrWhere = [...fields].some((field) => WHEN_WHERE_FIELDS.has(field));
  // Nameless: a date, who attended, then a numbering that starts again. A closing box (justering,
  // anslag) states no attendance; attachments numbered anew print no head block; a quoted
  // arbetsordning ("Tid och plats för sammanträdena", "Ledamöter") dates no meeting.
  if (restarts && dated && [...fields].some((field) => ATTENDANCE.has(field))) return true;
  // Within a page, an item may quote a meeting it announces ("Kallelse till extra sammanträde",
  // "Tid kl. 13.00", "Plats ..."); a meeting's own head block dates it.
  if (midPage && !dated) return false;
  if (!namedInText && !namedInFurniture) return false;
  if (fields.size >= 2 && whenOrWhere) return true;
  // A sentence alone is weaker evidence (running text may say who meets when): the page must print the name itself.
  if (!namedInText) return false;
  const sentence = fresh.map((i) => lines[i]!.text).join(" ");
  const meets = MEETS.exec(sentence);
  return meets !== null && DATE.test(sentence.slice(meets.index));
}
