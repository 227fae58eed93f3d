/**
 * Items: a § of a protokoll or a point of a kallelse agenda, from its heading
 * and sections to the record's fields.
 */
import type { Line } from "../layout/types.js";
import type { Diagnostic, Item, Motion, PageRange, Reservation } from "../schema/index.js";
import { vocabulary, type LineToken } from "../../grammars/index.js";
import type { SectionField, SectionTokenType } from "../../grammars/vocabulary.js";
import { diagnostic } from "./diagnostics.js";
import { clock } from "./dates.js";
import { namesBefore, namesIn } from "./people.js";
import { parseVote } from "./votes.js";
import { joinText, listEntries, paragraphs, piece, recipientEntries, stripEnds, type TextPiece } from "./text.js";
import type { ItemOutline, SectionOutline } from "./outline.js";
import { words } from "./words.js";

const {
  AdjustedImmediately,
  AdjustedSeparately,
  AgendaHeading,
  CASE_NUMBER,
  CASE_NUMBER_LABEL,
  CLOCK_TIME,
  CaseNumberLine,
  PERSON_NAME,
  TextLine,
} = vocabulary;

/** "Dnr KS 2025/00123", also a list: "Dnr KS/1/2018, KS/2/2018". */
const CASE_NUMBER_ANYWHERE = new RegExp(
  String.raw`(?:${CASE_NUMBER_LABEL})\s*[:.]?\s*(?<number>${CASE_NUMBER}(?:\s*(?:,|och|&)\s*${CASE_NUMBER})*)`,
  "u",
);
const CASE_NUMBER_IN_PARENS = new RegExp(String.raw`\(\s*(?<number>${CASE_NUMBER})\s*\)`, "u");
const CASE_NUMBERS = new RegExp(CASE_NUMBER, "gu");
const TIME_ONLY = new RegExp(String.raw`^(?:kl\.?\s*)?(?<time>${CLOCK_TIME})$`, "iu");
const NAMES_THEN_TIME = new RegExp(String.raw`^(?<names>${PERSON_NAME}(?:\s*(?:,|och|&)\s*${PERSON_NAME})*)\s*,?\s+(?:kl\.?\s*)?(?<time>${CLOCK_TIME})$`, "u");
// (?<!\s): from the start of the run of spaces only, not again from each of its spaces (quadratic in a
// long run; titles reach it with their spaces already folded, so this only keeps it safe elsewhere).
const TRAILING_TIME = new RegExp(String.raw`(?<!\s)\s+(?:kl\.?\s*)?(?<time>${CLOCK_TIME})$`, "iu");
/** A title line that obviously goes on: it ends in a connective, a comma or a hyphen. */
const UNFINISHED = words(String.raw`(?:\b(?:och|eller|samt|av|för|i|om|till|med|på|från|att|vid|inom|mot|under|efter)|[,–-])$`, "iu");
const STARTS_WITH_NAME = new RegExp(String.raw`^(?:(?:[Oo]rdföranden|[Tt]jänstgörande ersättaren|[Ll]edamoten|[Rr]epresentanterna)\s+)?${PERSON_NAME}`, "u");

interface ItemContext {
  lines: readonly Line[];
  diagnostics: Diagnostic[];
}

export function buildItem(outline: ItemOutline, context: ItemContext): Item {
  const { heading } = outline;
  const headingLine = context.lines[heading.payload.line]!;
  const item: Item = {
    ...emptyItem("", { from: headingLine.page, to: lastPage(outline, context.lines) }),
    paragraph: heading.payload.paragraph?.number ?? null,
    paragraphLabel: heading.payload.paragraph?.label ?? null,
    number: heading.tokenType === AgendaHeading ? (heading.payload.agendaNumber ?? null) : null,
  };

  for (const token of outline.leading) addCaseNumbers(item, token.payload.rest);
  const loose = readHead(item, outline, context);
  const texts = new Map<SectionField, TextPiece[][]>();
  if (loose.length > 0) pushText(texts, "description", loose);

  for (const part of outline.parts) {
    if ("line" in part) {
      readMarker(item, part.line);
      continue;
    }
    readSection(item, part.section, texts, context);
  }

  item.description = joinBlocks(texts.get("description"));
  item.proposal = joinBlocks(texts.get("proposal"));
  item.decision = joinBlocks(texts.get("decision"));
  extractFromRunningText(item);
  return item;
}

/** An item with a title and nothing else stated: every field null or empty. */
export function emptyItem(title: string, pages: PageRange = { from: 1, to: 1 }): Item {
  return {
    paragraph: null,
    paragraphLabel: null,
    number: null,
    title,
    caseNumbers: [],
    time: null,
    presenters: [],
    description: null,
    proposal: null,
    motions: [],
    vote: null,
    decision: null,
    reservations: [],
    notes: [],
    conflicts: [],
    basis: [],
    distribution: [],
    adjusted: null,
    pages,
  };
}

function lastPage(outline: ItemOutline, lines: readonly Line[]): number {
  let page = lines[outline.heading.payload.line]!.page;
  for (const part of outline.parts) {
    const tokens = "line" in part ? [part.line] : [part.section.heading, ...part.section.lines];
    for (const token of tokens) page = Math.max(page, lines[token.payload.line]!.page);
  }
  return page;
}

/** Title, diarienummer, time and presenters from the heading and the loose lines under it. */
function readHead(item: Item, outline: ItemOutline, context: ItemContext): TextPiece[] {
  let title = takeCaseNumbers(item, outline.heading.payload.rest);
  if (item.number !== null) {
    const trailing = TRAILING_TIME.exec(title);
    if (trailing?.groups?.time) {
      item.time = clock(trailing.groups.time);
      title = title.slice(0, trailing.index);
    }
  }
  const headingLine = context.lines[outline.heading.payload.line]!;
  // A title set under a bare "§ 220" runs to the next break; one on the heading line goes on only where it visibly continues.
  const titleBelowHeading = title === "";
  let titleBold = headingLine.bold;
  let titleOpen = true;
  let lastTitleLine = title ? headingLine : null;
  const loose: TextPiece[] = [];

  for (const part of outline.parts) {
    if (!("line" in part)) break;
    const token = part.line;
    const line = context.lines[token.payload.line]!;
    if (token.tokenType === CaseNumberLine) {
      addCaseNumbers(item, token.payload.rest);
      continue;
    }
    if (token.tokenType !== TextLine) continue;
    const text = line.text.trim();
    if (item.number !== null && readTimeLine(item, text)) {
      titleOpen = false;
      continue;
    }
    if (titleOpen && continuesTitle(title, line, lastTitleLine, titleBold, titleBelowHeading)) {
      if (!title) titleBold = line.bold;
      title = joinTitle(title, takeCaseNumbers(item, text), lastTitleLine);
      lastTitleLine = line;
      continue;
    }
    titleOpen = false;
    loose.push(piece(line));
  }
  item.title = title.replace(/\s+/g, " ").trim();
  if (!item.title) {
    context.diagnostics.push(
      diagnostic("warning", "UNRECOGNISED_BLOCK", `Item ${item.paragraphLabel ?? item.number ?? "?"} has no title line.`, item.pages.from, outline.heading.image),
    );
  }
  return loose;
}

function continuesTitle(title: string, line: Line, previous: Line | null, titleBold: boolean, belowHeading: boolean): boolean {
  const text = line.text.trim();
  if (!title) return true;
  if (line.breakBefore || previous === null) return false;
  // A bold title followed by plain text: the title has ended (PDF input only knows bold).
  if (titleBold && !line.bold) return false;
  if (line.bold && titleBold && line.bbox !== null) return true;
  if (belowHeading && title.length < 300) return true;
  return /^[a-zåäö(]/u.test(text) || UNFINISHED.test(title.trim()) || (previous.joinsNext ?? false);
}

function joinTitle(title: string, next: string, previous: Line | null): string {
  if (!title) return next;
  return previous?.joinsNext ? title + next : `${title} ${next}`;
}

/** "13:25" alone, or "Anna Frisk och Jan Persson 14:45": when the item is scheduled and who presents it. */
function readTimeLine(item: Item, text: string): boolean {
  const time = TIME_ONLY.exec(text);
  if (time?.groups?.time) {
    item.time ??= clock(time.groups.time);
    return true;
  }
  const presenters = NAMES_THEN_TIME.exec(text);
  if (presenters?.groups?.names && presenters.groups.time) {
    item.time ??= clock(presenters.groups.time);
    addNames(item.presenters, namesIn(presenters.groups.names));
    return true;
  }
  return false;
}

/** Take a diarienummer out of a title ("Ärendenummer SLK-2024-00074", "(RS/62/2026)") and keep it. */
function takeCaseNumbers(item: Item, text: string): string {
  let rest = text;
  for (const pattern of [CASE_NUMBER_ANYWHERE, CASE_NUMBER_IN_PARENS]) {
    const match = pattern.exec(rest);
    if (match?.groups?.number) {
      addCaseNumbers(item, match.groups.number);
      rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    }
  }
  return stripEnds(rest.replace(/\s+/g, " "), /[\s,:–-]/).trim();
}

function addCaseNumbers(item: Item, text: string): void {
  const known = new Set(item.caseNumbers);
  for (const match of text.matchAll(CASE_NUMBERS)) {
    const number = match[0].trim();
    if (!known.has(number)) item.caseNumbers.push(number);
    known.add(number);
  }
}

/** Loose marker lines: adjusted, diarienummer. */
function readMarker(item: Item, token: LineToken): void {
  if (token.tokenType === AdjustedSeparately) item.adjusted ??= "separately";
  else if (token.tokenType === AdjustedImmediately) item.adjusted = "immediately";
  else if (token.tokenType === CaseNumberLine) addCaseNumbers(item, token.payload.rest);
}

function readSection(item: Item, section: SectionOutline, texts: Map<SectionField, TextPiece[][]>, context: ItemContext): void {
  const field = (section.heading.tokenType as SectionTokenType).field;
  const pieces = sectionPieces(item, section, context.lines);
  switch (field) {
    case "description":
    case "proposal":
    case "decision":
      pushText(texts, field, pieces);
      return;
    case "motions":
      item.motions.push(...motionsIn(pieces));
      return;
    case "vote":
      item.vote = parseVote(joinText(pieces) ?? "", item.vote);
      return;
    case "ballots":
      item.vote = parseVote(item.vote?.text ?? "", item.vote, section.lines.map((token) => context.lines[token.payload.line]!));
      return;
    case "reservations":
      item.reservations.push(...statementsIn(pieces, words(String.raw`\breserver`, "iu")));
      return;
    case "notes":
      item.notes.push(...paragraphs(pieces, (t) => STARTS_WITH_NAME.test(t)).map((g) => joinText(g)!).filter(Boolean));
      return;
    case "conflicts":
      for (const p of pieces) addNames(item.conflicts, namesBefore(p.text, words(String.raw`\b(?:anmäler|deltar|har|är|jäv)`, "iu")));
      return;
    case "basis":
      item.basis.push(...listEntries(pieces));
      return;
    case "distribution":
      item.distribution.push(...recipientEntries(pieces));
      return;
    case "presenters":
      addNames(item.presenters, namesIn(joinText(pieces) ?? ""));
      return;
    case "caseNumbers":
      addCaseNumbers(item, joinText(pieces) ?? "");
      return;
    case "order":
    case "history":
      context.diagnostics.push(
        diagnostic(
          "info",
          "SECTION_WITHOUT_FIELD",
          `The "${section.heading.image}" section of ${item.paragraphLabel ?? `item ${item.number}`} has no field in the record; its text is kept here.`,
          context.lines[section.heading.payload.line]!.page,
          joinText(pieces),
        ),
      );
  }
}

/** The text pieces of a section: its inline rest, then its text lines; markers are read, not kept. */
function sectionPieces(item: Item, section: SectionOutline, lines: readonly Line[]): TextPiece[] {
  const headingLine = lines[section.heading.payload.line]!;
  const pieces: TextPiece[] = section.heading.payload.rest ? [piece(headingLine, section.heading.payload.rest)] : [];
  for (const token of section.lines) {
    readMarker(item, token);
    const keep = token.tokenType === TextLine || (token.tokenType === AdjustedImmediately && /^\d/.test(token.image));
    if (keep) pieces.push(piece(lines[token.payload.line]!));
  }
  return pieces;
}

function pushText(texts: Map<SectionField, TextPiece[][]>, field: SectionField, pieces: TextPiece[]): void {
  if (pieces.length === 0) return;
  const blocks = texts.get(field) ?? [];
  blocks.push(pieces);
  texts.set(field, blocks);
}

function joinBlocks(blocks: TextPiece[][] | undefined): string | null {
  if (!blocks) return null;
  const parts = blocks.map((b) => joinText(b)).filter((t): t is string => t !== null);
  return parts.length > 0 ? parts.join("\n\n") : null;
}

/** "Marie Lund (M) yrkar avslag ..." : one motion per paragraph that someone "yrkar". */
function motionsIn(pieces: TextPiece[]): Motion[] {
  return statementsIn(pieces, words(String.raw`\byrka`, "iu"));
}

function statementsIn(pieces: TextPiece[], verb: RegExp): Array<{ by: string[]; text: string }> {
  const statements: Array<{ by: string[]; text: string }> = [];
  for (const group of paragraphs(pieces, (t) => STARTS_WITH_NAME.test(t))) {
    const text = joinText(group);
    if (!text || !verb.test(text)) continue;
    statements.push({ by: namesBefore(text, verb), text });
  }
  return statements;
}

/**
 * What running text states without a heading of its own: who presents the
 * item ("X och Y föredrar ärendet"), who declares jäv (the sentence then
 * leaves the text), and reservations written into the decision.
 */
function extractFromRunningText(item: Item): void {
  for (const text of [item.description, item.proposal, item.decision]) {
    for (const sentence of sentences(text)) {
      if (words(String.raw`\bföredrar\b`, "iu").test(sentence)) addNames(item.presenters, namesBefore(sentence, words(String.raw`\bföredrar\b`, "iu")));
    }
  }
  item.description = withoutConflicts(item, item.description);
  item.decision = withoutConflicts(item, item.decision);
  if (item.reservations.length === 0 && item.decision) {
    const reservations: Reservation[] = [];
    const kept = sentences(item.decision).filter((sentence) => {
      if (!words(String.raw`\breserverar sig\b`, "iu").test(sentence)) return true;
      reservations.push({ by: namesBefore(sentence, words(String.raw`\breserverar\b`, "iu")), text: sentence });
      return false;
    });
    if (reservations.length > 0) {
      item.reservations.push(...reservations);
      item.decision = kept.join(" ").trim() || null;
    }
  }
}

/** Take "X (S) anmäler jäv ..." sentences out of a text, keeping the names in `conflicts`. */
function withoutConflicts(item: Item, text: string | null): string | null {
  if (!text || !words(String.raw`\bjäv\b`, "iu").test(text)) return text;
  const kept: string[] = [];
  for (const paragraph of text.split("\n\n")) {
    const sentencesKept = sentences(paragraph).filter((sentence) => {
      if (!words(String.raw`\b(?:anmäler|anmälde|deklarerar)\s+jäv\b|\bpå grund av jäv\b|\bjävig\b`, "iu").test(sentence)) return true;
      addNames(item.conflicts, namesBefore(sentence, words(String.raw`\b(?:anmäler|anmälde|deklarerar|deltar|är|har)\b`, "iu")));
      return false;
    });
    if (sentencesKept.length > 0) kept.push(sentencesKept.join(" "));
  }
  return kept.join("\n\n").trim() || null;
}

function sentences(text: string | null): string[] {
  if (!text) return [];
  return text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9"”])/u).map((s) => s.trim()).filter(Boolean);
}

function addNames(target: string[], names: string[]): void {
  const known = new Set(target);
  for (const name of names) {
    if (!known.has(name)) target.push(name);
    known.add(name);
  }
}
