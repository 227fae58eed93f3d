/**
 * Items: a § of a protokoll or a point of a kallelse agenda, from its heading
 * and sections to the record's fields.
 */
import type { Line, TableRowRef } from "../layout/types.js";
import type { Diagnostic, Handling, Item, Motion, PageRange, Reservation } from "../schema/index.js";
import { vocabulary, type LineToken } from "../../grammars/index.js";
import type { SectionField, SectionTokenType } from "../../grammars/vocabulary.js";
import { diagnostic } from "./diagnostics.js";
import { clock, findDate } from "./dates.js";
import { namesBefore, namesIn } from "./people.js";
import { parseVote, type BallotRow } from "./votes.js";
import { peopleOf } from "./parties.js";
import { joinText, listEntries, paragraphs, piece, recipientEntries, stripEnds, type TextPiece } from "./text.js";
import type { ItemOutline, SectionOutline } from "./outline.js";
import { words } from "./words.js";

const {
  AdjustedImmediately,
  AdjustedSeparately,
  AgendaHeading,
  CASE_NUMBER,
  LABELLED_CASE_NUMBER,
  CASE_NUMBER_LABEL,
  CLOCK_TIME,
  CaseNumberLine,
  DECISION_SENTENCE,
  DISSENT_SENTENCE,
  DISSENT_VERB,
  PARTY_GROUP,
  HANDLING_LINE,
  PERSON_NAME,
  TableHeader,
  TextLine,
} = vocabulary;

/** "Dnr KS 2025/00123", also a list: "Dnr KS/1/2018, KS/2/2018". */
const CASE_NUMBER_ANYWHERE = new RegExp(
  String.raw`(?:${CASE_NUMBER_LABEL})\s*[:.]?\s*(?<number>${LABELLED_CASE_NUMBER}(?:\s*(?:,|och|&)\s*${LABELLED_CASE_NUMBER})*)`,
  "u",
);
const CASE_NUMBER_IN_PARENS = new RegExp(String.raw`\(\s*(?<number>${CASE_NUMBER})\s*\)`, "u");
// Read only from text already known to hold diarienummer (a Dnr line, a labelled or parenthesised number).
const CASE_NUMBERS = new RegExp(LABELLED_CASE_NUMBER, "gu");
const CASE_NUMBER_LABELS = new RegExp(String.raw`${CASE_NUMBER_LABEL}\s*[:.]?`, "gu");
// "kl. 09.15", and a slot "08.45–09.15": the item is scheduled at its start.
const TIME_ONLY = new RegExp(String.raw`^(?:kl\.?\s*)?(?<time>${CLOCK_TIME})(?:\s*[-–]\s*(?:kl\.?\s*)?${CLOCK_TIME})?$`, "iu");
const NAMES_THEN_TIME = new RegExp(String.raw`^(?<names>${PERSON_NAME}(?:\s*(?:,|och|&)\s*${PERSON_NAME})*)\s*,?\s+(?:kl\.?\s*)?(?<time>${CLOCK_TIME})$`, "u");
// (?<!\s): from the start of the run of spaces only, not again from each of its spaces (quadratic in a
// long run; titles reach it with their spaces already folded, so this only keeps it safe elsewhere).
const TRAILING_TIME = new RegExp(String.raw`(?<!\s)\s+(?:kl\.?\s*)?(?<time>${CLOCK_TIME})$`, "iu");
/** A title line that obviously goes on: it ends in a connective, a comma or a hyphen. */
const UNFINISHED = words(String.raw`(?:\b(?:och|eller|samt|av|för|i|om|till|med|på|från|att|vid|inom|mot|under|efter)|[,–-])$`, "iu");
const STARTS_WITH_NAME = new RegExp(String.raw`^(?:(?:[Oo]rdföranden|[Tt]jänstgörande ersättaren|[Ll]edamoten|[Rr]epresentanterna)\s+)?${PERSON_NAME}`, "u");
/** A motion or reservation starts with who makes it: a person, or a party acting as a group ("S-gruppen", "Ledamöterna i M och KD"). */
const STARTS_WITH_SUBJECT = new RegExp(String.raw`${STARTS_WITH_NAME.source}|^(?:${PARTY_GROUP})`, "u");

/** "Ordföranden ställer proposition ...": the chair speaking, in the chair's office rather than by name. */
const STARTS_WITH_CHAIR = /^(?:Ordföranden|Ordförande)\s/u;
const PROPOSITION_MADE = words(vocabulary.PROPOSITION, "iu");

interface ItemContext {
  lines: readonly Line[];
  diagnostics: Diagnostic[];
  /** The meeting's date, to tell this meeting's handling of a § from earlier ones. */
  meetingDate?: string | null;
}

/** A line that only closes a section ("______"): a separator, not text. */
const SEPARATOR = /^(?:_{3,}|—{3,})$/u;

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
  if (headingLine.table) readAgendaRow(item, headingLine.table, headingLine, context);
  const loose = readHead(item, outline, context);
  const texts = new Map<SectionField, TextPiece[][]>();
  if (loose.length > 0) pushText(texts, "description", loose);

  const handlings: HandlingBlock[] = [];
  const listed: string[] = [];
  for (const part of outline.parts) {
    if ("line" in part) {
      readMarker(item, part.line);
      continue;
    }
    const field = (part.section.heading.tokenType as SectionTokenType).field;
    if (field === "handling") {
      handlings.push(openHandling(item, part.section, context));
      continue;
    }
    if (field === "history") listed.push(...part.section.lines.map((t) => handlingKey(readHandlingLine(t.image))));
    readSection(item, part.section, handlings.at(-1)?.texts ?? texts, context);
  }
  readHandlings(item, handlings, listed, texts, context);
  takeDecisionSentence(texts);

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
    outcome: null,
    votes: [],
    decisionProcess: null,
    conflictPeople: [],
    history: [],
    otherSections: [],
  };
}

/**
 * A vote section: the item's next vote when the one before already has its
 * text (a § can vote on återremiss, then on the matter), else the first.
 */
function addVote(item: Item, text: string): void {
  const votes = item.votes ?? (item.votes = []);
  const last = votes.at(-1);
  if (last && !last.text) parseVote(text, last);
  else votes.push(parseVote(text, null));
  item.vote = votes[0]!;
}

/** An omröstningslista belongs to the vote before it, or starts one where no vote text came first. */
function addBallots(item: Item, rows: BallotRow[]): void {
  const votes = item.votes ?? (item.votes = []);
  const last = votes.at(-1);
  if (last) parseVote(last.text, last, rows);
  else votes.push(parseVote("", null, rows));
  item.vote = votes[0]!;
}

/**
 * A § with no decision section whose running text ends in "Nämnden beslöt att …" (Word-era
 * templates): that last paragraph, and any "att"-clauses after it, is the decision.
 */
function takeDecisionSentence(texts: Map<SectionField, TextPiece[][]>): void {
  const blocks = texts.get("description");
  if (texts.has("decision") || !blocks?.length) return;
  const groups = paragraphs(blocks.at(-1)!, () => false);
  let start = groups.length - 1;
  while (start > 0 && /^att\s/u.test(groups[start]![0]!.text.trim())) start--;
  if (start < 0 || !DECISION_SENTENCE.test(groups[start]![0]!.text.trim())) return;
  const kept = groups.slice(0, start).flat();
  texts.set("decision", [groups.slice(start).flat()]);
  if (kept.length > 0) blocks[blocks.length - 1] = kept;
  else blocks.pop();
  if (blocks.length === 0) texts.delete("description");
}

/** One handling of the § quoted in the protokoll: its dated line and the texts of its sections. */
interface HandlingBlock {
  body: string | null;
  date: string | null;
  paragraph: number | null;
  page: number;
  texts: Map<SectionField, TextPiece[][]>;
}

function readHandlingLine(text: string): { body: string | null; date: string | null; paragraph: number | null } {
  const groups = HANDLING_LINE.exec(text.trim())?.groups;
  if (!groups) return { body: null, date: null, paragraph: null };
  const number = groups.num ?? groups.numBefore;
  return { body: groups.body?.trim() ?? null, date: findDate(groups.date ?? "")?.iso ?? null, paragraph: number ? Number(number) : null };
}

function handlingKey(handling: { date: string | null; paragraph: number | null }): string {
  return `${handling.date}|${handling.paragraph}`;
}

/** "Ungdomsfullmäktige 20.2.2023, 13 §" opens a block; the lines under it, before a section, describe the matter. */
function openHandling(item: Item, section: SectionOutline, context: ItemContext): HandlingBlock {
  const block: HandlingBlock = {
    ...readHandlingLine(section.heading.image),
    page: context.lines[section.heading.payload.line]!.page,
    texts: new Map(),
  };
  pushText(block.texts, "description", sectionPieces(item, section, context.lines));
  return block;
}

/**
 * Of the quoted handlings, this meeting's (dated today and numbered with this §; failing
 * that, the last one the "Tidigare behandling" list does not name, or the last one) fills
 * the item's texts; the earlier ones go to `history`, their preparation text to a diagnostic.
 */
function readHandlings(item: Item, handlings: HandlingBlock[], listed: string[], texts: Map<SectionField, TextPiece[][]>, context: ItemContext): void {
  if (handlings.length === 0) return;
  const current =
    handlings.find((h) => h.paragraph === item.paragraph && (context.meetingDate == null || h.date === context.meetingDate)) ??
    handlings.findLast((h) => !listed.includes(handlingKey(h))) ??
    handlings[handlings.length - 1]!;
  for (const handling of handlings) {
    if (handling === current) {
      for (const [field, blocks] of handling.texts) for (const block of blocks) pushText(texts, field, block);
      continue;
    }
    const entry: Handling = {
      body: handling.body,
      date: handling.date,
      paragraph: handling.paragraph,
      proposal: joinBlocks(handling.texts.get("proposal")),
      decision: joinBlocks(handling.texts.get("decision")),
    };
    (item.history ??= []).push(entry);
    const description = joinBlocks(handling.texts.get("description"));
    if (description) {
      context.diagnostics.push(
        diagnostic("info", "SECTION_WITHOUT_FIELD", `The text of an earlier handling (${handling.body ?? "?"} ${handling.date ?? "?"}) has no field in the record: ${description}`, handling.page, description),
      );
    }
  }
}

function lastPage(outline: ItemOutline, lines: readonly Line[]): number {
  let page = lines[outline.heading.payload.line]!.page;
  for (const part of outline.parts) {
    const tokens = "line" in part ? [part.line] : [part.section.heading, ...part.section.lines];
    // A table's header repeated at the top of the next page is the table's, not the row's above it.
    for (const token of tokens) if (token.tokenType !== TableHeader) page = Math.max(page, lines[token.payload.line]!.page);
  }
  return page;
}

/**
 * "1   Val av justerare        2": an agenda point whose last cell, across a column gap, is a bare
 * page number (the kallelse's "Sid" column) has a title without it; the page is only navigation.
 */
function withoutPageColumn(title: string, line: Line): string {
  const last = line.cells?.at(-1)?.trim();
  if (!last || line.cells!.length < 2 || !/^\d{1,3}$/u.test(last) || !title.endsWith(last)) return title;
  return title.slice(0, -last.length).trimEnd();
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
  if (item.number !== null) title = withoutPageColumn(title, headingLine);
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
      if (token.payload.after) {
        titleOpen = false;
        loose.push(piece(line, token.payload.after));
      }
      continue;
    }
    if (token.tokenType !== TextLine) {
      // "Paragrafen är justerad" closes the item: a title never goes on past it.
      if (token.tokenType === AdjustedImmediately || token.tokenType === AdjustedSeparately) titleOpen = false;
      continue;
    }
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
    if (!SEPARATOR.test(text)) loose.push(piece(line));
  }
  item.title = withoutPresenters(item, title.replace(/\s+/g, " ").trim());
  if (!item.title) {
    context.diagnostics.push(
      diagnostic("warning", "UNRECOGNISED_BLOCK", `Item ${item.paragraphLabel ?? item.number ?? "?"} has no title line.`, item.pages.from, outline.heading.image),
    );
  }
  return loose;
}

/** "Ekonomisk uppföljning Föredragande: ekonom Per Ek": a presenter line wrapped into the title's table cell. */
const PRESENTERS_IN_TITLE = new RegExp(String.raw`\s+(?:${vocabulary.PRESENTERS_LABEL})\s*:?\s+(?<names>.+)$`, "iu");

function withoutPresenters(item: Item, title: string): string {
  const match = PRESENTERS_IN_TITLE.exec(title);
  const names = match?.groups?.names ? namesIn(match.groups.names) : [];
  if (names.length === 0) return title;
  addNames(item.presenters, names);
  return title.slice(0, match!.index);
}

function continuesTitle(title: string, line: Line, previous: Line | null, titleBold: boolean, belowHeading: boolean): boolean {
  const text = line.text.trim();
  if (!title) return true;
  if (line.breakBefore || previous === null || line.page !== previous.page) return false;
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

/**
 * An agenda table's row: its columns say what each cell is. The title cell is
 * the heading's rest; a "Beslutsinstans" cell has no field and is kept in a diagnostic.
 */
function readAgendaRow(item: Item, row: TableRowRef, line: Line, context: ItemContext): void {
  row.columns.forEach((meaning, i) => {
    const text = row.cells[i]?.trim() ?? "";
    if (!text) return;
    switch (meaning) {
      case "caseNumber":
        addCaseNumbers(item, text);
        return;
      case "presenter":
        addNames(item.presenters, namesIn(text));
        return;
      case "time": {
        const time = TIME_ONLY.exec(text);
        if (time?.groups?.time) item.time = clock(time.groups.time);
        return;
      }
      case "handling":
        item.basis.push(...text.split(/\s*;\s*/u).filter(Boolean));
        return;
      case "decidingBody":
        context.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Item ${item.number}: "${text}" decides (no field in the record).`, line.page, text));
        return;
      default:
    }
  });
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
const MARKERS = new Set([AdjustedSeparately, AdjustedImmediately, CaseNumberLine]);

/** A marker line's meaning for the item. */
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
    case "motions": {
      // The chair's proposition under "Yrkanden" says how the motions were decided: decisionProcess.
      const groups = paragraphs(pieces, (t) => STARTS_WITH_SUBJECT.test(t) || STARTS_WITH_CHAIR.test(t));
      const process = groups.map(joinText).filter((text): text is string => text !== null && PROPOSITION_MADE.test(text));
      if (process.length > 0) item.decisionProcess = [item.decisionProcess, ...process].filter(Boolean).join("\n\n");
      const motions = groups.filter((group) => !process.includes(joinText(group) ?? ""));
      item.motions.push(...keepRest(item, section, statementsIn(motions.flat(), words(String.raw`\byrka`, "iu"))));
      return;
    }
    case "vote":
      addVote(item, joinText(pieces) ?? "");
      return;
    case "ballots":
      // Marker lines (already read by sectionPieces) are not part of the list or its result sentence.
      addBallots(item, section.lines.filter((token) => !MARKERS.has(token.tokenType)).map((token) => context.lines[token.payload.line]!));
      return;
    case "reservations":
      item.reservations.push(...keepRest(item, section, statementsIn(pieces, words(String.raw`\breserver`, "iu"))));
      return;
    case "other":
      (item.otherSections ??= []).push({ heading: headingText(section), text: joinText(pieces) ?? "" });
      return;
    case "notes":
      item.notes.push(...paragraphs(pieces, (t) => STARTS_WITH_NAME.test(t)).map((g) => joinText(g)!).filter(Boolean));
      return;
    case "conflicts":
      for (const p of pieces) addConflicts(item, namesBefore(p.text, words(String.raw`\b(?:anmäler|deltar|har|är|jäv)`, "iu")), p.text);
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
    case "preparation": {
      // "Beredning: Ungdomsledare Katarina Östman": who prepared the §; the text under it describes the matter.
      const preparer = section.heading.payload.rest;
      pushText(texts, "description", preparer ? pieces.slice(1) : pieces);
      if (preparer) {
        context.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Prepared by (beredning): ${preparer}`, context.lines[section.heading.payload.line]!.page, preparer));
      }
      return;
    }
    case "caseNumbers": {
      addCaseNumbers(item, joinText(pieces) ?? "");
      // "Dnr" as a side heading: the text beside and under the number is the item's running text.
      const running = pieces
        .map((p) => ({ ...p, text: p.text.replace(CASE_NUMBERS, " ").replace(CASE_NUMBER_LABELS, " ").replace(/\s+/g, " ").trim() }))
        .filter((p) => /\p{L}{2}/u.test(p.text));
      pushText(texts, "description", running);
      return;
    }
    case "order":
      item.decisionProcess = [item.decisionProcess, joinText(pieces)].filter(Boolean).join("\n\n") || null;
      return;
    case "history":
    case "handling":
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
    const keep =
      (token.tokenType === TextLine && !SEPARATOR.test(token.image.trim())) || (token.tokenType === AdjustedImmediately && /^\d/.test(token.image));
    if (keep) pieces.push(piece(lines[token.payload.line]!));
    else if (token.tokenType === CaseNumberLine && token.payload.after) pieces.push(piece(lines[token.payload.line]!, token.payload.after));
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

/** A section heading as printed, without its colon. */
function headingText(section: SectionOutline): string {
  return section.heading.image.replace(/\s*:.*$/, "").trim() || section.heading.image.trim();
}

/**
 * "Marie Lund (M) yrkar avslag ..." : one statement per paragraph that someone
 * "yrkar" (or "reserverar sig"); the other paragraphs of the section (a
 * propositionsordning under "Behandling", a sentence of procedure) are kept
 * under the section's heading in `otherSections`, never dropped.
 */
function statementsIn(pieces: TextPiece[], verb: RegExp): { statements: Motion[]; rest: string[] } {
  const statements: Motion[] = [];
  const rest: string[] = [];
  for (const group of paragraphs(pieces, (t) => STARTS_WITH_SUBJECT.test(t))) {
    const text = joinText(group);
    if (!text) continue;
    if (verb.test(text)) statements.push({ by: namesBefore(text, verb), text });
    else rest.push(text);
  }
  return { statements, rest };
}

function keepRest(item: Item, section: SectionOutline, found: { statements: Motion[]; rest: string[] }): Motion[] {
  if (found.rest.length > 0) (item.otherSections ??= []).push({ heading: headingText(section), text: found.rest.join("\n\n") });
  return found.statements;
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
      if (!words(DISSENT_SENTENCE, "iu").test(sentence)) return true;
      reservations.push({ by: namesBefore(sentence, words(DISSENT_VERB, "iu")), text: sentence });
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
      addConflicts(item, namesBefore(sentence, words(String.raw`\b(?:anmäler|anmälde|deklarerar|deltar|är|har)\b`, "iu")), sentence);
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

/** Names declaring jäv, with the party their sentence gives them (the sentence itself leaves the text). */
function addConflicts(item: Item, names: string[], sentence: string): void {
  const added = names.filter((name) => !item.conflicts.includes(name));
  addNames(item.conflicts, added);
  (item.conflictPeople ??= []).push(...peopleOf(added, sentence, () => null));
}

function addNames(target: string[], names: string[]): void {
  const known = new Set(target);
  for (const name of names) {
    if (!known.has(name)) target.push(name);
    known.add(name);
  }
}
