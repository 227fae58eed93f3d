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
import { ISO_DATE, ItemHeading, NUMERIC_DATE, SWEDISH_DATE, type FrontField } from "./vocabulary.js";

/** Labels that state a meeting (when, where, who); signature and closing labels also follow the last §. */
const WHEN_WHERE: ReadonlySet<FrontField> = new Set(["placeAndTime", "date", "time", "place", "dateAndTime"]);
const MEETING_FIELDS: ReadonlySet<FrontField> = new Set([...WHEN_WHERE, "members", "servingSubstitutes", "substitutes", "others", "presenter", "absent"]);

/** "... sammanträder i Folkets hus tisdagen den 17 mars 2026 kl. 18.30": the meeting stated in a sentence. */
const MEETS = /\bsammanträder\b/iu;
const DATE = new RegExp([ISO_DATE, NUMERIC_DATE, SWEDISH_DATE].map((d) => d.replace(/\?<\w+>/g, "?:")).join("|"), "iu");

/** A front page's head block is short; a page whose first heading comes later is read up to here. */
const HEAD_BLOCK_LINES = 40;

/** Indexes of the lines that start a later meeting (the first meeting starts at line 0, not listed). */
export function meetingStarts(lines: readonly Line[], tokens: readonly LineToken[], furniture: readonly Furniture[] = []): number[] {
  const starts: number[] = [];
  const namedPages = new Set(furniture.filter((f) => matchKind(f.text) !== null).map((f) => f.page));
  let itemsBegun = false;
  // The head block of the page before, where that page continued a meeting (its running header, if any).
  let previousPageTop = new Set<string>();
  for (let i = 0; i < lines.length; ) {
    const page = lines[i]!.page;
    let end = i;
    while (end < lines.length && lines[end]!.page === page) end++;
    const head = headBlock(lines, tokens, i, end);
    const starting: boolean = itemsBegun && startsMeeting(head, lines, previousPageTop, namedPages.has(page));
    if (starting) starts.push(i);
    itemsBegun = (itemsBegun && !starting) || tokens.slice(i, end).some((t) => tokenMatcher(t, ItemHeading));
    previousPageTop = i === 0 || starting ? new Set() : new Set(head.map((index) => lines[index]!.text));
    i = end;
  }
  return starts;
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

function startsMeeting(head: readonly number[], lines: readonly Line[], previousPageTop: ReadonlySet<string>, namedInFurniture: boolean): boolean {
  const fresh = head.filter((i) => !previousPageTop.has(lines[i]!.text));
  const namedInText = fresh.some((i) => [lines[i]!.text, ...(lines[i]!.cells ?? [])].some((text) => matchKind(text) !== null));
  if (!namedInText && !namedInFurniture) return false;
  const fields = new Set<FrontField>();
  for (const i of fresh) {
    const label = matchFrontLabel(lines[i]!, lines[i + 1], false);
    if (label && MEETING_FIELDS.has(label.type.field)) fields.add(label.type.field);
  }
  if (fields.size >= 2 && [...fields].some((field) => WHEN_WHERE.has(field))) return true;
  // A sentence alone is weaker evidence (running text may say who meets when): the page must print the name itself.
  if (!namedInText) return false;
  const sentence = fresh.map((i) => lines[i]!.text).join(" ");
  const meets = MEETS.exec(sentence);
  return meets !== null && DATE.test(sentence.slice(meets.index));
}
