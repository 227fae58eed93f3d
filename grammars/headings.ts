/**
 * Which lines are § headings, decided over the whole document before the lexer
 * runs: a § designation at a line start is a heading only where the page says
 * so. A § in running text, in a running header or in a list of earlier
 * handlings is set like the text around it, or carries a date and a page
 * number; a heading is set like the document's other headings and starts its
 * own block. Numbering is evidence, never a gate: §§ may restart, skip or
 * repeat (a PDF holding two meetings), carry letters ("§ 3 a", "§ 3 b"), and a
 * stray number inside a run of §§ never hides the §§ after it.
 */
import type { Line } from "../src/layout/types.js";
import { CASE_NUMBER_LABEL, HEADING_DOT_LEADER, ISO_DATE, NUMERIC_DATE, PARAGRAPH_HEADING, SWEDISH_DATE } from "./vocabulary.js";

/** What a § heading's line says: the designation as printed, its numbers, and the title after it. */
export interface ParagraphCandidate {
  number: number;
  rest: string;
  designation: { label: string; number: number; letter: string | null; to: number | null };
}

const TITLE_START = new RegExp(String.raw`^(?:$|[A-ZÅÄÖÉ"”“'(\d]|${CASE_NUMBER_LABEL}\b)`);
/** "Sida 3(19)", "3 (19)", "Sida 3 av 19": a running header's page number, never in a heading. */
const PAGE_MARK = /\bSida\s+\d+|\b\d+\s?\(\d+\)\s*$|\b\d+\s+av\s+\d+\s*$/iu;
/** "§ 211 2006-11-14 ...", "§ 12 KSAU 2023-02-14": a reference to a meeting, by its date. */
const DATED_REFERENCE = new RegExp(
  String.raw`^(?:\p{Lu}{2,8},?\s+)?(?:${ISO_DATE}|${NUMERIC_DATE}|${SWEDISH_DATE.replace(/\?<\w+>/g, "?:")})`,
  "iu",
);
/** A line that stops mid-sentence: the next line goes on with it ("... enligt" / "KS § 211 ..."). */
const OPEN_END = /(?:,|\b(?:och|eller|samt|enligt|se|jfr|i|om|av|till|från|med|vid|på|under|genom|samt|även|både|dels|nämligen))\s*$/iu;

/** Read a line as a § heading, if its text has the shape of one (position and typography are judged later). */
export function paragraphCandidate(text: string): ParagraphCandidate | null {
  const candidate = designated(text);
  return candidate && TITLE_START.test(candidate.rest) ? candidate : null;
}

/** The § designation that opens the text and what follows it, whatever the title looks like. */
function designated(text: string): ParagraphCandidate | null {
  const match = PARAGRAPH_HEADING.exec(text);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const number = Number(groups.num ?? groups.numAfter ?? groups.numWord);
  if (!Number.isFinite(number)) return null;
  // "I 13 § ändras ..." is law text, not a heading: a prefix is an organ's initials.
  if (groups.prefix && groups.prefix.replace(/[ -]/g, "").length < 2) return null;
  const rest = (groups.rest ?? "").replace(/^\s*[-–—:.]?\s*/, "");
  const label = text.slice(0, text.length - (groups.rest ?? "").length).trim();
  return { number, rest, designation: { label, number, letter: groups.letter ?? null, to: groups.numTo ? Number(groups.numTo) : null } };
}

/**
 * A line that is a § heading only if the document's numbering says so: its
 * title starts in lower case (OCR reads "Presentation" as "presentation"), or,
 * where the type is unknown (OCR, text), its § sign was misread ("197 $ Val",
 * "200 8 Budget"). Either is also how running text starts a line ("92 § i
 * kommunallagen"), so such a line must carry the next number the headings
 * around it leave room for (see {@link fillsNumbering}).
 */
function uncertainCandidate(line: Line): ParagraphCandidate | null {
  const plain = designated(line.text);
  if (plain && plain.rest !== "" && /^\p{Ll}/u.test(plain.rest)) return plain;
  if (plain || line.fontSize !== null) return null;
  const restored = line.text.replace(MISREAD_SIGN, (_, number: string) => `${number} § `);
  if (restored === line.text) return null;
  // The designation is given as it was meant ("197 §"), the sign restored.
  const candidate = paragraphCandidate(restored);
  return candidate && candidate.rest !== "" ? candidate : null;
}

interface Candidate extends ParagraphCandidate {
  index: number;
  line: Line;
  /** Read from a lower-case title or a misread § sign: kept only where the numbering expects it. */
  uncertain?: boolean;
}

/** The lines (by index) that are § headings, with what each says. */
export function paragraphHeadings(lines: readonly Line[], isLabel: (index: number) => boolean = () => false): Map<number, ParagraphCandidate> {
  const candidates: Candidate[] = [];
  lines.forEach((line, index) => {
    if (PAGE_MARK.test(line.text)) return;
    const candidate = paragraphCandidate(line.text);
    if (candidate) candidates.push({ ...candidate, index, line });
    const uncertain = candidate ? null : uncertainCandidate(line);
    if (uncertain) candidates.push({ ...uncertain, index, line, uncertain: true });
  });
  const listed = contentsEntries(candidates);
  const style = headingStyle(candidates.filter((c) => !listed.has(c)));
  const setLikeHeadings = (c: Candidate): boolean => style.bold && c.line.bold && !smaller(c.line, style.size);
  const passes = (c: Candidate): boolean => {
    if (listed.has(c)) return false;
    // Plain type inside a paragraph, where the document sets its headings in bold: running text.
    // A line of unknown type (a page read by OCR) is not held to the document's type.
    if (style.bold && c.line.fontSize !== null && !c.line.bold && !c.line.breakBefore) return false;
    if (style.size !== null && smaller(c.line, style.size)) return false;
    if (setLikeHeadings(c)) return true;
    return !DATED_REFERENCE.test(c.rest) && !continuesLineAbove(c, lines) && !wrappedLimit(c, lines, isLabel);
  };
  let kept = candidates.filter((c) => !c.uncertain && passes(c));
  kept = withoutRepeatsInHeaders(kept, lines);
  kept = withoutStrayNumbers(kept);
  const announced = new Set([...listed].map((c) => c.number));
  kept = fillsNumbering(kept, candidates.filter((c) => c.uncertain && passes(c)), announced, lines);
  return new Map(kept.map((c) => [c.index, { number: c.number, rest: c.rest, designation: c.designation }]));
}

/**
 * "197 $ Val" and "200 8 Budget" as OCR reads "197 §" and "200 §" at a
 * line start: a § sign misread as a dollar sign or an eight, before the title.
 */
const MISREAD_SIGN = /^(\d{1,4})\s+[$8]\s+(?=\p{Lu})/u;

/**
 * Uncertain candidates (a lower-case title, a misread § sign) that stand where
 * the document's own numbering has a gap for them: the number after the
 * heading before ("192 §", then "193 § presentation ...", then "194 §"), lower
 * than the one after, set apart from the text above (a gap or a page top) at
 * the indent of the other headings. After the last heading, where a paragraph
 * of its text may well start "12 § i lagen ...", only a number that the
 * document's contents list `announced` counts. Taken in order, so two in a
 * row both fit.
 */
function fillsNumbering(kept: Candidate[], uncertain: Candidate[], announced: ReadonlySet<number>, lines: readonly Line[]): Candidate[] {
  if (uncertain.length === 0 || kept.length === 0) return kept;
  const indents = kept.map((c) => c.line.indent).sort((a, b) => a - b);
  const indent = indents[Math.floor(indents.length / 2)]!;
  const result = [...kept];
  for (const c of uncertain) {
    const at = result.findIndex((k) => k.index > c.index);
    const before = at === -1 ? result[result.length - 1] : result[at - 1];
    const after = at === -1 ? undefined : result[at];
    const apart = c.line.breakBefore || atPageTop(c, lines);
    const inLine = Math.abs(c.line.indent - indent) <= HEADING_INDENT_SLACK;
    const next = before ? (before.designation.to ?? before.number) + 1 === c.number : after?.number === c.number + 1;
    const roomAfter = after ? after.number > c.number : announced.has(c.number);
    if (apart && inLine && next && roomAfter && c.designation.letter === null) result.splice(at === -1 ? result.length : at, 0, c);
  }
  return result;
}

/** Headings stand at one indent; this much off (points, or characters in text input) is still in line. */
const HEADING_INDENT_SLACK = 4;


/**
 * Entries of a table of contents or a list of the §§ handled: a line with a
 * dot leader, or a run of § lines one under the other whose designations all
 * come again later in the document (where the §§ themselves begin).
 */
function contentsEntries(candidates: readonly Candidate[]): Set<Candidate> {
  const listed = new Set<Candidate>(candidates.filter((c) => HEADING_DOT_LEADER.test(c.rest)));
  const key = (c: Candidate) => `${c.number}${c.designation.letter ?? ""}`;
  // How often each designation occurs from the end of the current run on: kept as the runs go by, so linear.
  const later = new Map<string, number>();
  for (const c of candidates) later.set(key(c), (later.get(key(c)) ?? 0) + 1);
  let start = 0;
  for (let i = 1; i <= candidates.length; i++) {
    // One under the other on one page: a heading that opens the page after a contents list is no entry of it.
    const adjacent =
      i < candidates.length && candidates[i]!.index === candidates[i - 1]!.index + 1 && !candidates[i]!.line.breakBefore && candidates[i]!.line.page === candidates[i - 1]!.line.page;
    if (adjacent) continue;
    const run = candidates.slice(start, i);
    for (const c of run) later.set(key(c), later.get(key(c))! - 1);
    if (run.length >= 2 && run.every((c) => later.get(key(c))! > 0)) for (const c of run) listed.add(c);
    start = i;
  }
  return listed;
}

/**
 * How this document sets its § headings, from the candidates themselves: bold
 * when nearly all are (a PDF; text input knows no bold), and their usual size.
 */
function headingStyle(candidates: readonly Candidate[]): { bold: boolean; size: number | null } {
  const sized = candidates.filter((c) => c.line.fontSize !== null);
  if (sized.length < 2) return { bold: false, size: null };
  const bold = sized.filter((c) => c.line.bold).length / sized.length >= 0.75;
  const sizes = (bold ? sized.filter((c) => c.line.bold) : sized).map((c) => c.line.fontSize!).sort((a, b) => a - b);
  return { bold, size: sizes[Math.floor(sizes.length / 2)]! };
}

/** Clearly smaller type than the document's § headings (a running header, a footnote). */
function smaller(line: Line, size: number | null): boolean {
  return size !== null && line.fontSize !== null && line.fontSize < size - 1;
}

/** A wrapped line of running text: the line above on the same page stops mid-sentence, with no gap and in the same type. */
function continuesLineAbove(candidate: Candidate, lines: readonly Line[]): boolean {
  const above = lines[candidate.index - 1];
  const line = candidate.line;
  if (!above || above.page !== line.page || line.breakBefore) return false;
  if (line.bold && !above.bold) return false;
  return OPEN_END.test(above.text);
}

/**
 * "§§ 2–3" alone under an attendance entry, with the next label below it
 * ("Ej tjänstgörande ersättare ..."): the entry's § limit, wrapped; a heading
 * would have its title below.
 */
function wrappedLimit(candidate: Candidate, lines: readonly Line[], isLabel: (index: number) => boolean): boolean {
  const above = lines[candidate.index - 1];
  if (candidate.rest !== "" || candidate.line.breakBefore || !above || above.page !== candidate.line.page) return false;
  return candidate.index + 1 < lines.length && isLabel(candidate.index + 1);
}

/**
 * A running header that repeats the § on the page ("BUN § 14" over the text
 * of § 14 as it runs on): the same designation as the heading before it,
 * standing first on its page. Where a page holds two lines with one
 * designation, the one set as a heading (bold, larger) is the heading.
 */
function withoutRepeatsInHeaders(candidates: Candidate[], lines: readonly Line[]): Candidate[] {
  const kept: Candidate[] = [];
  const same = (a: Candidate, b: Candidate) => a.number === b.number && a.designation.letter === b.designation.letter;
  for (const candidate of candidates) {
    const previous = kept[kept.length - 1];
    if (!previous || !same(previous, candidate)) {
      kept.push(candidate);
      continue;
    }
    if (previous.line.page === candidate.line.page) {
      if (weight(candidate, lines) > weight(previous, lines)) kept[kept.length - 1] = candidate;
    } else if (!atPageTop(candidate, lines) || !repeatsAsHeader(candidate, previous)) kept.push(candidate);
  }
  return kept;
}

/**
 * A page-top line that repeats the § before it is a running header where it
 * says less than that heading (no title) or is set in lighter type; set the
 * same, with its title, it is the same § number again (two meetings, two utdrag).
 */
function repeatsAsHeader(candidate: Candidate, previous: Candidate): boolean {
  const type = (line: Line) => (line.bold ? 100 : 0) + (line.fontSize ?? 0);
  return candidate.rest === "" || type(candidate.line) < type(previous.line);
}

function atPageTop(candidate: Candidate, lines: readonly Line[]): boolean {
  return candidate.index === 0 || lines[candidate.index - 1]!.page !== candidate.line.page;
}

/** How much a line looks like the heading: not a page's first line, bold, large, with a title. */
function weight(candidate: Candidate, lines: readonly Line[]): number {
  return (atPageTop(candidate, lines) ? 0 : 1000) + (candidate.line.bold ? 100 : 0) + (candidate.line.fontSize ?? 0) + (candidate.rest ? 1 : 0);
}

/**
 * A number that fits neither its neighbours inside a run of §§ ("§ 10",
 * "§ 211", "§ 11") is a reference that happened to start a line. A restart
 * ("§ 52" then "§ 1", "§ 2") is kept: the numbers after it follow on.
 */
function withoutStrayNumbers(candidates: Candidate[]): Candidate[] {
  const follows = (a: number, b: number) => b - a >= 0 && b - a <= 3;
  return candidates.filter((c, i) => {
    const before = candidates[i - 1];
    const after = candidates[i + 1];
    if (!before || !after) return true;
    return !follows(before.number, after.number) || follows(before.number, c.number) || follows(c.number, after.number);
  });
}
