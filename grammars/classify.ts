/**
 * The line lexer: every layout line becomes exactly one token, whose type says
 * what the whole line is (a § heading, a section heading, a front-page label,
 * running text). Like Chevrotain's ecma5 example, tokens are built outside
 * Chevrotain's own Lexer, because deciding what a line is needs its layout
 * features (bold) and a little context (§ headings are decided over the whole
 * document in headings.ts; agenda numbers count 1, 2, 3; section headings only
 * exist inside an item).
 */
import { createTokenInstance, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type { Line } from "../src/layout/types.js";
import { paragraphHeadings, type ParagraphCandidate } from "./headings.js";
import {
  ADJUSTED_IMMEDIATELY,
  ADJUSTED_IMMEDIATELY_PAST,
  APPEAL_INSTRUCTIONS,
  ADJUSTED_SEPARATELY,
  AGENDA_HEADING,
  AGENDA_GROUP,
  AgendaGroupHeading,
  AdjustedImmediately,
  AdjustedSeparately,
  AgendaHeading,
  CASE_NUMBER,
  LABELLED_CASE_NUMBER,
  CASE_NUMBER_LINE,
  PEOPLE_COLUMNS,
  CaseNumberLine,
  CLOCK_TIME,
  CONTENTS_ENTRY,
  CONTENTS_HEADING,
  ContentsLine,
  CONTENTS_ENTRY_MAX,
  DOT_LEADER,
  FRONT_LABEL_TOKENS,
  FrontLabel,
  ItemHeading,
  SectionHeading,
  KIND_SPELLINGS,
  KindHeading,
  PARTY_IN_PARENS,
  PERSON_NAME,
  ParagraphHeading,
  OTHER_SECTION,
  SECTION_TOKENS,
  SIGNATURES_LABEL,
  TableHeader,
  TextLine,
  type FrontField,
  type FrontLabelTokenType,
  type SectionField,
  type SectionTokenType,
} from "./vocabulary.js";

/** What the lexer learnt about a line, carried on its token for the builder. */
export interface LinePayload {
  /** Index of the line in the layout's `lines`. */
  line: number;
  /** Text after the heading word, designation or label ("§ 19 Budget" -> "Budget"). */
  rest: string;
  /** For a § heading: the designation as printed and its numbers. */
  paragraph?: { label: string; number: number; letter: string | null; to: number | null };
  /** For an agenda heading: its number. */
  agendaNumber?: number;
  /** For a kind heading: the kind it names. */
  kind?: "protokoll" | "kallelse" | "protokollsutdrag";
  /** The line stands after the first item heading. */
  inItems?: boolean;
  /** A diarienummer line printed above the item heading it belongs to ("Dnr BUN 2025/004" over "§ 19 ..."). */
  headsNextItem?: boolean;
  /**
   * Running text to the right of a diarienummer set in the label column ("Dnr 2006/311 | Socialnämnden
   * har föreslagit ..."): the line is the case number's, and this text goes on in the item.
   */
  after?: string;
  /** An entry of a table of contents: the item it lists and the page it names. */
  contents?: { paragraph: number | null; number: number | null; title: string; page: number | null };
}

export type LineToken = IToken & { payload: LinePayload };

/** Front-page labels that may also stand in the signature block after the last item. */
const SIGNATURE_FIELDS: ReadonlySet<FrontField> = new Set(["secretary", "chair", "adjuster", "adjustersAppointed", "signatures", "certification"]);

/** The appeal instructions' heading, read as a closing block after the last §. */
const APPEAL_INSTRUCTIONS_LABEL = FRONT_LABEL_TOKENS.find((t) => t.field === "appealInstructions")!;

const BARE_NAME = new RegExp(String.raw`^${PERSON_NAME}(?:\s*${PARTY_IN_PARENS})?(?:\s*,\s*[a-zåäö ]+)?$`, "u");
/** Dotted lines to sign on: "………………", "..........", "______". */
const SIGNING_LINE = /[….·_]{3,}/gu;
/** A row of signature captions under the signers' names: "Ordförande Sekreterare". */
export const CAPTION_ROW = /^(?:(?:ordförande|sekreterare|justerare|justerande|vid protokollet|justeras|protokollförare)\s*)+$/iu;
const CASE_NUMBER_START = new RegExp(`^${CASE_NUMBER}`);
const LABELLED_CASE_NUMBER_START = new RegExp(`^${LABELLED_CASE_NUMBER}`);
/** A whole line of diarienummer: "RS 2024-00123", "RJL 2024/456, RJL 2024/457". */
const BARE_CASE_NUMBERS = new RegExp(String.raw`^${CASE_NUMBER}(?:\s*[,;]\s*${CASE_NUMBER})*$`, "u");
/** "2024-2025" is a period, not a diarienummer. */
const YEAR_RANGE = /^\d{4}-\d{4}$/;
const CLOCK = new RegExp(CLOCK_TIME);

interface LexState {
  inItems: boolean;
  mode: "paragraph" | "agenda" | null;
  /** The § headings of the document, decided from the whole page (see headings.ts). */
  paragraphs: ReadonlyMap<number, ParagraphCandidate>;
  nextAgenda: number;
  /** The last numbered point of a list in running text, while that list may go on. */
  listPoint: { number: number; line: Line } | null;
  /** In an item: the section whose lines follow, and the index of its heading line (null before the first). */
  section: { field: SectionField; line: number } | null;
  /** On the front page: the field of the label whose value lines follow. */
  frontField: FrontField | null;
  /** Under "Tidigare behandling": the list of earlier handlings, until a break. */
  historyList: boolean;
  /** After the last §, in the appeal instructions (besvärsanvisning): text until a new § heading. */
  appendix: boolean;
  /** Under a contents heading ("Innehållsförteckning"), while its entries follow. */
  inContents: boolean;
  /** How the document sets the section headings the vocabulary knows. */
  sectionStyle: SectionStyle;
  /** A heading named the document a kallelse / föredragningslista: its agenda may number points without a stop. */
  kallelse?: boolean;
}

/** Turn layout lines into one token each. */
export function tokenizeLines(lines: readonly Line[]): LineToken[] {
  const state: LexState = {
    inItems: false,
    mode: null,
    paragraphs: paragraphHeadings(lines, (i) => matchFrontLabel(lines[i]!, lines[i + 1], false) !== null),
    nextAgenda: 1,
    listPoint: null,
    frontField: null,
    historyList: false,
    section: null,
    appendix: false,
    inContents: false,
    sectionStyle: sectionStyle(lines),
  };
  const tokens = lines.map((line, index) => classifyLine(line, index, lines, state));
  markCaseNumbersAboveHeadings(tokens, lines);
  markBareCaseNumbersUnderHeadings(tokens, lines);
  return demoteEarlySignatures(markCaptionedSignatures(tokens, lines));
}

/**
 * A diarienummer line directly above a heading belongs to that heading's item
 * when it stands apart from the text above it (a gap, a page top) and tight on
 * the heading; above a § heading it does so by default, as protokoll templates
 * print "Dnr" over the §, while a kallelse prints it under the agenda line.
 */
function markCaseNumbersAboveHeadings(tokens: LineToken[], lines: readonly Line[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!tokenMatcher(token, CaseNumberLine) || !tokenMatcher(next, ItemHeading)) continue;
    const line = lines[i]!;
    const heading = lines[i + 1]!;
    const apartAbove = line.breakBefore || i === 0 || lines[i - 1]!.page !== line.page;
    const tightBelow = !heading.breakBefore;
    // A diarienummer that opens its page over a § heading (one § per page) is that §'s.
    const opensPage = i === 0 || lines[i - 1]!.page !== line.page;
    token.payload.headsNextItem =
      (tightBelow && (apartAbove || tokenMatcher(next, ParagraphHeading))) || (opensPage && heading.page === line.page && tokenMatcher(next, ParagraphHeading));
  }
}

/**
 * Names over a row of captions ("Peter Sundén   Rebecka Holst" over
 * "Ordförande   Sekreterare") sign the document: the names row becomes the
 * signature label, the captions row its text.
 */
function markCaptionedSignatures(tokens: LineToken[], lines: readonly Line[]): LineToken[] {
  for (let i = 1; i < tokens.length; i++) {
    const captions = lines[i]!;
    const names = lines[i - 1]!;
    if (!tokens[i - 1]!.payload.inItems && !tokenMatcher(tokens[i - 1]!, TextLine)) continue;
    if (!CAPTION_ROW.test(captions.text) || !tokenMatcher(tokens[i - 1]!, TextLine)) continue;
    const cells = names.cells ?? [names.text];
    if (!cells.every((cell) => BARE_NAME.test(nameCase(cell.trim())))) continue;
    // One name under a signature label ("Justeras" / "Per Holm") belongs to that label, not to the caption below.
    if (cells.length === 1 && i >= 2 && tokenMatcher(tokens[i - 2]!, FrontLabel)) continue;
    // On the front page (a cover with its signatures) the names stay a front-page label, not a closing one.
    tokens[i - 1] = makeToken(SIGNATURES_LABEL, names.text, i - 1, { line: i - 1, rest: names.text, inItems: tokens[i - 1]!.payload.inItems === true });
    tokens[i] = makeToken(TextLine, captions.text, i, { line: i, rest: "" });
  }
  return captionsOverNames(tokens, lines);
}

/**
 * Captions side by side over the signers' names ("Ordförande      Justerare" over
 * "Anna Lindqvist      Olof Nilsson"): the captions row becomes the signature label,
 * the names row its text, each name under its caption. A single caption over one name
 * is a label and its value already.
 */
function captionsOverNames(tokens: LineToken[], lines: readonly Line[]): LineToken[] {
  let inItems = false;
  for (let i = 1; i < tokens.length; i++) {
    inItems ||= tokenMatcher(tokens[i - 1]!, ItemHeading);
    const captions = lines[i - 1]!;
    const names = lines[i]!;
    if (!captions.cells || captions.cells.length < 2 || names.cells?.length !== captions.cells.length || names.page !== captions.page) continue;
    if (!tokenMatcher(tokens[i - 1]!, TextLine) || !tokenMatcher(tokens[i]!, TextLine) || !CAPTION_ROW.test(captions.text)) continue;
    if (!captions.cells.every((cell) => CAPTION_ROW.test(cell.trim())) || !names.cells.every((cell) => BARE_NAME.test(nameCase(cell.trim())))) continue;
    tokens[i - 1] = makeToken(SIGNATURES_LABEL, captions.text, i - 1, { line: i - 1, rest: captions.text, inItems });
  }
  return tokens;
}

/**
 * A line that holds nothing but diarienummer, straight under an item heading, is that item's
 * diarienummer though it has no "Dnr" label: meeting systems print "RS 2024-00123" or
 * "RJL 2024/456" on the line below the § title. Only the line next to the heading counts,
 * so a number quoted further down in the text stays text.
 */
function markBareCaseNumbersUnderHeadings(tokens: LineToken[], lines: readonly Line[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!underHeading(tokens, lines, i) || !tokenMatcher(token, TextLine)) continue;
    const text = lines[i]!.text.trim();
    if (!BARE_CASE_NUMBERS.test(text) || YEAR_RANGE.test(text)) continue;
    tokens[i] = makeToken(CaseNumberLine, token.image, token.startOffset, { line: token.payload.line, rest: text });
  }
}

/** Line i follows an item heading directly, or the heading's title wrapped onto one line set like it. */
function underHeading(tokens: readonly LineToken[], lines: readonly Line[], i: number): boolean {
  if (tokenMatcher(tokens[i - 1]!, ItemHeading)) return true;
  if (i < 2 || !tokenMatcher(tokens[i - 2]!, ItemHeading) || !tokenMatcher(tokens[i - 1]!, TextLine)) return false;
  const heading = lines[i - 2]!;
  const wrapped = lines[i - 1]!;
  return wrapped.page === heading.page && !wrapped.breakBefore && wrapped.bold === heading.bold;
}

/**
 * Signatures close a document: a signature-like label inside the items that is
 * followed by more headings was running text after all ("Justerare" above a
 * name in a decision), so it goes back to being a text line.
 */
function demoteEarlySignatures(tokens: LineToken[]): LineToken[] {
  let headingFollows = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (tokenMatcher(token, ItemHeading) || tokenMatcher(token, SectionHeading)) headingFollows = true;
    else if (headingFollows && tokenMatcher(token, FrontLabel) && token.payload.inItems) {
      tokens[i] = makeToken(TextLine, token.image, token.startOffset, { line: token.payload.line, rest: "" });
    }
  }
  return tokens;
}

function classifyLine(line: Line, index: number, lines: readonly Line[], state: LexState): LineToken {
  const text = line.text;
  const make = (type: TokenType, extra: Omit<LinePayload, "line"> = { rest: "" }): LineToken =>
    makeToken(type, text, index, { line: index, ...extra });

  if (line.table) return classifyTableRow(line, make, state);
  const contents = matchContents(line, state);
  if (contents) return make(ContentsLine, contents);

  if (!state.inItems) {
    const kind = [text, ...(line.cells ?? [])].map(matchKind).find((k) => k !== null);
    if (kind === "kallelse") state.kallelse = true;
    if (kind) return make(KindHeading, { rest: "", kind });
  }

  const paragraph = state.mode === "agenda" ? null : state.paragraphs.get(index);
  if (paragraph && !wrappedParagraphLimit(paragraph.rest, line, lines[index - 1], state)) {
    state.inItems = true;
    state.mode = "paragraph";
    state.appendix = false;
    state.section = null;
    return make(ParagraphHeading, { rest: paragraph.rest, paragraph: paragraph.designation });
  }

  const agenda = state.mode === "paragraph" ? null : matchAgendaHeading(line, lines[index + 1], state);
  if (agenda) {
    state.inItems = true;
    state.mode = "agenda";
    state.nextAgenda = agenda.number + 1;
    state.listPoint = null;
    state.section = null;
    return make(AgendaHeading, { rest: agenda.rest, agendaNumber: agenda.number });
  }

  if (agendaGroupHeading(line, index, lines, state)) return make(AgendaGroupHeading);

  if (state.inItems && APPEAL_INSTRUCTIONS.test(text)) {
    state.appendix = true;
    return make(APPEAL_INSTRUCTIONS_LABEL, { rest: "", inItems: true });
  }
  if (state.appendix) return make(TextLine);

  if (ADJUSTED_IMMEDIATELY.test(text) && state.inItems) return make(AdjustedImmediately);
  if (ADJUSTED_IMMEDIATELY_PAST.test(text) && state.inItems) return make(AdjustedImmediately);
  if (ADJUSTED_SEPARATELY.test(text) && state.inItems) return make(AdjustedSeparately);

  const labelCaseNumber = line.label && state.inItems ? CASE_NUMBER_LINE.exec(line.label) : null;
  const labelValue = labelCaseNumber?.groups?.labelled ?? labelCaseNumber?.groups?.parenthesised ?? labelCaseNumber?.groups?.bare ?? "";
  if (labelCaseNumber && isCaseNumberValue(labelValue, labelCaseNumber.groups?.labelled !== undefined)) {
    return make(CaseNumberLine, { rest: labelValue, after: text.slice(line.label!.length).trim() });
  }
  const caseNumber = CASE_NUMBER_LINE.exec(text);
  const caseNumberValue = caseNumber?.groups?.labelled ?? caseNumber?.groups?.parenthesised ?? caseNumber?.groups?.bare ?? "";
  if (caseNumber && isCaseNumberValue(caseNumberValue, caseNumber.groups?.labelled !== undefined)) return make(CaseNumberLine, { rest: caseNumberValue });

  // A side heading: the section's name in the label column, its text starting on the same line to the right.
  if (state.inItems && line.label) {
    const section = matchSection(line.label, wordsSectionAbove(line, index, state));
    if (section) {
      state.listPoint = null;
      state.section = { field: section.type.field, line: index };
      return make(section.type, { rest: text.slice(line.label.length).trim() });
    }
  }
  if (state.inItems) {
    // The first line under "Beslutsunderlag" is one of its entries ("Regionstyrelsens beslut 2024-02-27 § 31"),
    // whatever it reads like: a section heading has text under it.
    const firstUnderBasis = state.section?.field === "basis" && state.section.line === index - 1;
    const section = firstUnderBasis ? null : matchSection(text, wordsSectionAbove(line, index, state));
    if (section) state.section = { field: section.type.field, line: index };
    // A handling's dated line ("Stadsstyrelsen 3.4.2023, 97 §") opens its block set apart; tight under
    // "Tidigare behandling" it lists the handlings whose blocks follow, and in running text it is a reference.
    const apart = line.breakBefore || index === 0 || lines[index - 1]!.page !== line.page;
    const handling = section?.type.field === "handling";
    state.historyList = (handling && state.historyList && !apart) || section?.type.field === "history";
    if (section && !(handling && !apart)) {
      state.listPoint = null;
      return make(section.type, { rest: section.rest });
    }
    if (handling) return make(TextLine);
  }

  const label = matchFrontLabel(line, lines[index + 1], state.inItems);
  if (label) {
    if (!state.inItems) state.frontField = label.type.field;
    return make(label.type, { rest: label.rest, inItems: state.inItems });
  }

  if (state.inItems && unknownSectionHeading(line, index, lines, state.sectionStyle)) {
    state.listPoint = null;
    return make(OTHER_SECTION);
  }

  const point = /^(\d{1,3})[.)]\s/.exec(text);
  if (point) state.listPoint = { number: Number(point[1]), line };
  // A paragraph after the list (not a wrapped point, which follows without a gap) ends it.
  else if (line.breakBefore) state.listPoint = null;
  return make(TextLine);
}

type Make = (type: TokenType, extra?: Omit<LinePayload, "line">) => LineToken;

/**
 * A table row, by what its header says its columns hold: an agenda row is an
 * agenda item (its number from the number column, else counted), a contents row
 * lists an item, and the rows of attendance lists and omröstningslistor are
 * text that the builders read by column.
 */
function classifyTableRow(line: Line, make: Make, state: LexState): LineToken {
  const table = line.table!;
  if (table.header) return make(TableHeader);
  const cell = (meaning: string): string => table.cells[table.columns.indexOf(meaning as never)] ?? "";
  const has = (meaning: string): boolean => table.columns.includes(meaning as never);
  const number = cell("number");
  // Contents list the items before they start; one inside an item is an attachment's own, kept as text.
  if (has("page") || /§/.test(number)) return state.inItems ? make(TextLine) : make(ContentsLine, { rest: "", contents: contentsOfRow(line) });
  const people = table.columns.some((meaning) => meaning !== null && PEOPLE_COLUMNS.has(meaning));
  if (!has("title") || people) return make(TextLine);
  const printed = /\d+/.exec(number);
  // A row with neither number nor title is the wrapped rest of the row above (a presenter's
  // surname), where the table did not join it (an OCR page's rows are spaced less evenly).
  if (!printed && cell("title").trim() === "") return make(TextLine);
  const agendaNumber = printed ? Number(printed[0]) : state.nextAgenda;
  state.inItems = true;
  state.mode = "agenda";
  state.nextAgenda = agendaNumber + 1;
  state.listPoint = null;
  return make(AgendaHeading, { rest: cell("title"), agendaNumber });
}

function contentsOfRow(line: Line): NonNullable<LinePayload["contents"]> {
  const table = line.table!;
  const cell = (meaning: string): string => table.cells[table.columns.indexOf(meaning as never)] ?? "";
  const entry = matchContentsEntry(`${cell("number")} ${cell("title")} ${cell("page") || "0"}`);
  const page = /\d+/.exec(cell("page"));
  return { ...(entry ?? { paragraph: null, number: null, title: cell("title") }), page: page ? Number(page[0]) : null };
}

/**
 * A table of contents set as text: its heading, then entries with a page
 * number at the end, after dot leaders or (under the heading) in a cell of its
 * own. An entry with dot leaders is one anywhere before the items; inside the items a
 * contents list is an attachment's own, and stays text.
 */
function matchContents(line: Line, state: LexState): Omit<LinePayload, "line"> | null {
  if (CONTENTS_HEADING.test(line.text) && !state.inItems) {
    state.inContents = true;
    return { rest: "" };
  }
  const lastCell = line.cells?.[line.cells.length - 1];
  const listed = DOT_LEADER.test(line.text) || (state.inContents && lastCell !== undefined && /^\d{1,4}$/.test(lastCell));
  const entry = listed && !state.inItems && line.text.length <= CONTENTS_ENTRY_MAX ? matchContentsEntry(line.text) : null;
  if (!entry) {
    state.inContents = false;
    return null;
  }
  state.inContents = true;
  return { rest: "", contents: entry };
}

function matchContentsEntry(text: string): NonNullable<LinePayload["contents"]> | null {
  const match = CONTENTS_ENTRY.exec(text.trim());
  const groups = match?.groups;
  if (!groups) return null;
  const paragraph = groups.num ?? groups.numAfter ?? groups.numWord;
  return {
    paragraph: paragraph ? Number(paragraph) : null,
    number: groups.agenda ? Number(groups.agenda) : null,
    title: (groups.title ?? "").replace(/[\s.…·_]+$/u, "").trim(),
    page: groups.page ? Number(groups.page) : null,
  };
}

function makeToken(type: TokenType, image: string, index: number, payload: LinePayload): LineToken {
  const token = createTokenInstance(type, image, index, index, index + 1, index + 1, 1, image.length) as LineToken;
  token.payload = payload;
  return token;
}

/** "K a l l e l s e / f ö r e d r a g n i n g s l i s t a" -> "Kallelse/föredragningslista". */
export function collapseLetterSpacing(text: string): string {
  const parts = text.trim().split(" ");
  const single = parts.filter((p) => p.length === 1).length;
  if (parts.length < 5 || single / parts.length < 0.8) return text;
  // Letter-spaced words are set apart by wider gaps, which extraction keeps as two or more spaces.
  return text
    .trim()
    .split(/\s{2,}/)
    .map((word) => word.replace(/ /g, ""))
    .join(" ");
}

export function matchKind(text: string): LinePayload["kind"] | null {
  const candidate = withoutFinalColon(collapseLetterSpacing(text)).trim();
  if (candidate.length > 60) return null;
  for (const [pattern, kind] of KIND_SPELLINGS) if (pattern.test(candidate)) return kind;
  return null;
}

/**
 * "3." straight under a point "2." of a proposal goes on with that list; a new
 * agenda item stands apart: after a gap, set differently (bold, less indented),
 * or as a title after points that were sentences.
 */
function continuesList(number: number, line: Line, next: Line | undefined, listPoint: LexState["listPoint"]): boolean {
  if (listPoint === null || number !== listPoint.number + 1 || line.breakBefore) return false;
  // Points of a decision end as sentences; an agenda title does not.
  const sentence = (text: string): boolean => /[.;:]$/.test(text.trim());
  const wraps = line.joinsNext || (next !== undefined && !next.breakBefore && /^\p{Ll}/u.test(next.text));
  if (sentence(listPoint.line.text) && !sentence(line.text) && !wraps) return false;
  return line.bold === listPoint.line.bold && atListIndent(line, listPoint.line);
}

/**
 * The point stands where the list's points do. Across a page break the page's own left edge can
 * mislead (a page holding only the list's last point and its wrapped lines takes their hanging
 * indent for its margin), so there the printed position counts as well.
 */
function atListIndent(line: Line, point: Line): boolean {
  if (Math.abs(line.indent - point.indent) < 1.5) return true;
  return line.page !== point.page && line.bbox !== null && point.bbox !== null && Math.abs(line.bbox.x0 - point.bbox.x0) < 1.5;
}

/** "§§ 2–3" straight under an attendee in a list is that person's § limit, wrapped. */
function wrappedParagraphLimit(rest: string, line: Line, above: Line | undefined, state: LexState): boolean {
  // A § that opens a page wraps nothing: the attendance list ended with the page before ("§ 23" over its title).
  if (above === undefined || above.page !== line.page) return false;
  return !state.inItems && rest === "" && !line.breakBefore && state.frontField !== null && ATTENDANCE_FIELDS.has(state.frontField);
}

const ATTENDANCE_FIELDS: ReadonlySet<FrontField> = new Set(["members", "servingSubstitutes", "substitutes", "others", "presenter"]);

/**
 * "1  Upprop", "2  Månadsrapport februari": in a kallelse an agenda may number its points
 * without a stop (a number column in the PDF, a run of spaces in text). Read only in a document
 * a kallelse heading named, from 1 on and in sequence, so a number opening running text is not one.
 */
const BARE_AGENDA_HEADING = /^(?<num>[1-9]\d{0,2})\s+(?<rest>\p{Lu}.*)$/u;

function matchAgendaHeading(line: Line, next: Line | undefined, state: LexState): { number: number; rest: string } | null {
  const dotted = AGENDA_HEADING.exec(line.text);
  const bare = dotted || !state.kallelse ? null : BARE_AGENDA_HEADING.exec(line.text);
  if (bare && !state.inItems && Number(bare.groups!.num) !== 1) return null;
  const match = dotted ?? bare;
  if (!match?.groups) return null;
  const number = Number(match.groups.num);
  const expected = state.mode === "agenda" ? number === state.nextAgenda : number <= 1;
  if (!expected) return null;
  if (continuesList(number, line, next, state.listPoint)) return null;
  const rest = match.groups.rest ?? "";
  if (!/^[A-ZÅÄÖÉ"”“'§]/.test(rest)) return null;
  return { number, rest };
}

/** "Beslutsärenden" on its own line, right over the agenda's next point: a group heading, no item's text. */
function agendaGroupHeading(line: Line, index: number, lines: readonly Line[], state: LexState): boolean {
  const next = lines[index + 1];
  if (state.mode === "paragraph" || next === undefined || !AGENDA_GROUP.test(line.text.trim())) return false;
  return matchAgendaHeading(next, lines[index + 2], state) !== null;
}

/**
 * "Beslut :" -> "Beslut". Not `replace(/\s*:$/, "")`: that runs `\s*` to the end of every run of
 * spaces in the line before it fails, which is quadratic in a line of spaces.
 */
function withoutFinalColon(text: string): string {
  return text.endsWith(":") ? text.slice(0, -1).trimEnd() : text;
}

function wordsSectionAbove(line: Line, index: number, state: LexState): boolean {
  // Right under "Beslut", "Arbetsutskottet föreslår kommunstyrelsen besluta" words the decision (an utskott or a
  // styrelse decides to propose).
  if (state.section?.field === "decision" && index === state.section.line + 1) return true;
  return state.section?.field === "proposal" && (index === state.section.line + 1 || !line.breakBefore);
}

/**
 * @param wordsSectionAbove the line stands where the section above is worded: "Nämnden beslutar" right under
 *   "Förslag till beslut" (or without a gap inside it), "X föreslår Y besluta" right under "Beslut"; it
 *   heads no section of its own.
 */
function matchSection(text: string, wordsSectionAbove = false): { type: SectionTokenType; rest: string } | null {
  const whole = withoutFinalColon(text);
  for (const type of SECTION_TOKENS) {
    if (type.spellings.test(whole) || type.genitive?.test(whole)) return { type, rest: "" };
  }
  if (!wordsSectionAbove) {
    const type = SECTION_TOKENS.find((t) => t.organVerb?.test(whole));
    if (type) return { type, rest: "" };
  }
  // "Bakgrund: Nuvarande taxa ..." - a heading set inline at the start of its paragraph.
  const colon = text.indexOf(":");
  if (colon > 0 && colon < 60) {
    const head = text.slice(0, colon).trim();
    const rest = text.slice(colon + 1).trim();
    if (!rest) return null;
    for (const type of SECTION_TOKENS) {
      if (type.spellings.test(head) || type.genitive?.test(head)) return { type, rest };
    }
  }
  return null;
}

/** How a document sets its known section headings: with a colon ("Beslut:"), or bold on their own line. */
interface SectionStyle {
  colon: boolean;
  bold: boolean;
  /** The bold headings stand after a gap. */
  gap: boolean;
  /** Type unknown (text input, OCR): the known headings stand on lines of their own, in the text's type. */
  plain: boolean;
}

function sectionStyle(lines: readonly Line[]): SectionStyle {
  const known = lines.filter((line) => matchSection(line.text)?.rest === "");
  const share = (test: (line: Line) => boolean, among: readonly Line[] = known) =>
    among.length >= 2 && among.filter(test).length / among.length >= 0.75;
  const bold = share((line) => line.bold, known.filter((line) => line.fontSize !== null));
  // "Föredragande: Eva Berg" says as much about the colon as "Beslut:" on its own line.
  const colons = lines.filter((line) => matchSection(line.text) !== null);
  // With no known heading to compare with, a short line of its own ending in ":" is taken for one.
  const colon = colons.length === 0 ? true : colons.length === 1 ? /^[^:]{1,60}:/.test(colons[0]!.text) : share((line) => /^[^:]{1,60}:/.test(line.text), colons);
  return { colon, bold, gap: bold && share((line) => line.breakBefore), plain: !bold && share((line) => line.fontSize === null) };
}

/** Short, capitalised, no sentence: a heading's words ("Ekonomiska konsekvenser", "Övervägande"). */
const HEADING_WORDS = /^\p{Lu}[\p{L}\p{N} ,&/()-]{0,58}[\p{L})]$/u;

/**
 * A heading the vocabulary does not know, set like the document's known
 * section headings: a short line ending in ":" where those end in ":", or a
 * short bold line of its own between plain lines where those are bold.
 */
function unknownSectionHeading(line: Line, index: number, lines: readonly Line[], style: SectionStyle): boolean {
  const text = line.text.trim();
  const colon = text.endsWith(":");
  const words = text.replace(/:$/, "").trim();
  if (!HEADING_WORDS.test(words) || words.split(" ").length > 5 || line.label !== null) return false;
  if ((line.cells ?? [text]).every((cell) => BARE_NAME.test(cell.trim()))) return false;
  if (style.colon && colon) return true;
  if (style.plain && line.fontSize === null && !colon) return ownLineHeading(line, index, lines);
  if (!style.bold || !line.bold || colon) return false;
  const above = lines[index - 1];
  const below = lines[index + 1];
  if (!above || above.bold || !below || below.bold || below.page !== line.page) return false;
  return !style.gap || line.breakBefore;
}

/** A line that ends a paragraph: a full stop, a question or exclamation mark, perhaps inside a quote or parenthesis. */
const ENDS_SENTENCE = /[.!?]["”’)]?$/u;
/** A line of running text: capitalised, and ending a sentence or longer than a heading's five words. */
const SENTENCE_LINE = /^[\p{Lu}\d"”].*(?:[.!?:]["”’)]?$|(?:\S+\s+){5}\S)/u;

/**
 * Where the type is unknown (text input, OCR), a heading the vocabulary does not know
 * ("Bordläggning", "Ekonomiska konsekvenser") stands like the known ones: alone on its line,
 * after a paragraph that ended, with running text under it. A line of a list (recipients,
 * documents) has no sentence ended above it or none under it; an att-clause is no heading.
 */
function ownLineHeading(line: Line, index: number, lines: readonly Line[]): boolean {
  const above = lines[index - 1];
  const below = lines[index + 1];
  if (!above || !below || below.page !== line.page || (line.cells?.length ?? 1) > 1 || /^att\b/iu.test(line.text)) return false;
  return ENDS_SENTENCE.test(above.text.trim()) && SENTENCE_LINE.test(below.text.trim());
}

export function matchFrontLabel(
  line: Line,
  next: Line | undefined,
  inItems: boolean,
): { type: FrontLabelTokenType; rest: string } | null {
  const text = line.label ? `${line.label} ${line.text.slice(line.label.length).trim()}`.trim() : line.text;
  // Labels are printed capitalised; "ordförande" in lower case is the wrapped end of an entry.
  if (!/^\p{Lu}/u.test(text)) return null;
  for (const { type, match } of labelsLongestFirst(text)) {
    const rest = withoutSigningLines(text.slice(match[0].length));
    const range = type.field === "signatures" ? signedParagraphs(rest) : null;
    if (range !== null) return { type: PARAGRAPHS_LABEL, rest: range };
    const captioned = type.field === "signatures" && rest ? signatureCaption(line, rest, next, inItems) : null;
    if (captioned) return captioned;
    if (inItems && !isSignatureLine(type, rest.replace(PARAGRAPHS_AT_END, ""), next)) return null;
    if (!inItems && !line.label && !plausibleLabelValue(type, rest)) continue;
    return { type, rest };
  }
  return null;
}

/**
 * The front-page labels that start the text, the longest first: "Datum då anslaget sätts upp"
 * is the ANSLAG/BEVIS box's, not the meeting's "Datum"; "Beslutande organ" names the organ, not
 * the members. Labels of the same length keep the vocabulary's order.
 */
function labelsLongestFirst(text: string): { type: FrontLabelTokenType; match: RegExpExecArray }[] {
  const found: { type: FrontLabelTokenType; match: RegExpExecArray }[] = [];
  for (const type of FRONT_LABEL_TOKENS) {
    if (type === APPEAL_INSTRUCTIONS_LABEL) continue;
    const match = type.prefix.exec(text);
    if (match) found.push({ type, match });
  }
  return found.sort((a, b) => labelLength(b.match) - labelLength(a.match));
}

/** A matched label's own length, without the colon and spaces after it. */
function labelLength(match: RegExpExecArray): number {
  return match[0].replace(/\s*:?\s*$/u, "").length;
}

/** The front-page label that states the §§ a protokoll covers ("Paragrafer", "Protokollet omfattar"). */
const PARAGRAPHS_LABEL = FRONT_LABEL_TOKENS.find((t) => t.field === "paragraphs")!;
/** "112–127", "§§ 9, 11-12": only §§ and their ranges. */
export const PARAGRAPH_RANGES = /^(?:§§?\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s*(?:,|och)\s*(?:§§?\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*$/u;

/**
 * "Underskrifter   Paragrafer 112–127": the signature block names the §§ it
 * signs for on its own line; that line states the §§ covered (its range), and
 * the signers follow under their own labels.
 */
function signedParagraphs(rest: string): string | null {
  const match = PARAGRAPHS_LABEL.prefix.exec(rest);
  if (!match) return null;
  const range = rest.slice(match[0].length).trim();
  return PARAGRAPH_RANGES.test(range) ? range : null;
}

/**
 * "Underskrifter   Sekreterare ............   Paragrafer 45-47": "Underskrifter" captions the
 * whole block and the first signer's own caption follows on its line; that caption is the label.
 */
function signatureCaption(line: Line, rest: string, next: Line | undefined, inItems: boolean): { type: FrontLabelTokenType; rest: string } | null {
  const inner = matchFrontLabel({ ...line, label: null, text: rest }, next, inItems);
  return inner && inner.type.field !== "signatures" && SIGNATURE_FIELDS.has(inner.type.field) ? inner : null;
}

/**
 * "... Paragrafer 45-47" or "... Paragrafer" (the range wrapped onto the next line) ending a
 * signature line: the §§ the signatures cover, printed beside the first signer's caption.
 */
export const PARAGRAPHS_AT_END = new RegExp(String.raw`\s*\b(?:${PARAGRAPHS_LABEL.prefix.source.replace(/^\^/, "")})\s*(?<range>[\d§ ,–-]*\d)?\s*$`, "iu");

/** After the items, a signature label stands alone above a name, or before one name. */
function isSignatureLine(type: FrontLabelTokenType, rest: string, next: Line | undefined): boolean {
  if (!SIGNATURE_FIELDS.has(type.field)) return false;
  if (type.field === "certification") return true;
  if (rest) return BARE_NAME.test(rest);
  if (next === undefined) return false;
  const nextText = withoutSigningLines(next.text);
  if (type.field === "signatures") return FRONT_LABEL_TOKENS.some((t) => SIGNATURE_FIELDS.has(t.field) && t.prefix.test(nextText));
  return BARE_NAME.test(nextText) || (next.cells ?? []).every((cell) => BARE_NAME.test(cell.trim()));
}

/** "SIW FROSTDAHL-BLOMQVIST" -> "Siw Frostdahl-Blomqvist": a name set in capitals over its signature caption. */
export function nameCase(text: string): string {
  if (!/^\p{Lu}+(?:[-' ]\p{Lu}+)+$/u.test(text)) return text;
  return text.toLocaleLowerCase("sv").replace(/(^|[-' ])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toLocaleUpperCase("sv"));
}

export function withoutSigningLines(text: string): string {
  return text.replace(SIGNING_LINE, " ").replace(/\s+/g, " ").trim();
}

/**
 * In extracted text a label and its value share a line with no column
 * boundary, so "Tid för justering ..." or "Ordförande Anna Berg (S) ställer
 * proposition" must not be taken for labels: the value has to look like one.
 */
/** A sentence after an attendance word: lower case on, with a full stop, never a name. */
const ATTENDANCE_SENTENCE = /^\p{Ll}.*[.!]$/u;

function plausibleLabelValue(type: FrontLabelTokenType, rest: string): boolean {
  if (!rest) return true;
  switch (type.field) {
    case "time":
      // "Tid 13.00", "Tid: kl. 8.30", "Tid: Onsdagen den 12 november 2025, kl. 08.30".
      return /^(?:kl\.?\s*)?\d/i.test(rest) || CLOCK.test(rest);
    case "date":
      return /\d/.test(rest);
    case "chair":
    case "secretary":
    case "adjuster":
      return BARE_NAME.test(rest) || /^[A-ZÅÄÖ]/.test(rest);
    case "members":
    case "servingSubstitutes":
    case "substitutes":
    case "others":
      // "Ledamöter kallas. Förhinder anmäls till sekreteraren.": the label word opens a sentence, no list of people.
      return !ATTENDANCE_SENTENCE.test(rest);
    default:
      return true;
  }
}

function isCaseNumberValue(value: string, labelled: boolean): boolean {
  return (labelled ? LABELLED_CASE_NUMBER_START : CASE_NUMBER_START).test(value.trim());
}
