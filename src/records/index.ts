/**
 * The build stage: parse tree -> records that match the contract, validated
 * by the zod schema before they leave. Every line of the input ends up in a
 * field, in `furniture`, or in a diagnostic.
 */
import type { LayoutResult } from "../layout/types.js";
import { DocumentSchema, type Diagnostic, type Document, type DocumentKind } from "../schema/index.js";
import { SchemaViolationError } from "../errors.js";
import { UNLIMITED, type Budget } from "../budget.js";
import { vocabulary, type ParsedLines } from "../../grammars/index.js";
import { diagnostic } from "./diagnostics.js";
import { moveAttendanceAfterItems } from "./attendance.js";
import { buildFrontMatter, type FrontMatter } from "./front.js";
import { buildItem } from "./items.js";
import { outline, type DocumentOutline } from "./outline.js";
import { words } from "./words.js";
import { itemOutcome } from "./outcome.js";
import { partyGroupsIn, partyLookup, peopleOf, type PartyLookup } from "./parties.js";
import { ballotMismatch, voteMeanings } from "./votes.js";
import type { Item, Participant } from "../schema/index.js";

export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics.js";

export interface SourceInfo {
  pages: number;
  textSource: "pdf" | "text" | "ocr";
  sha256: string | null;
}

export function buildDocument(layout: LayoutResult, parsed: ParsedLines, source: SourceInfo, kindOverride?: DocumentKind, budget: Budget = UNLIMITED): Document {
  const diagnostics: Diagnostic[] = [...layout.diagnostics];
  const tree = outline(parsed.cst);
  const furnitureTexts = layout.furniture.map((f) => f.text);
  moveAttendanceAfterItems(tree, layout.lines);
  const front = buildFrontMatter(tree.preamble, tree.closings, layout.lines, furnitureTexts);
  diagnostics.push(...front.diagnostics);
  const items = tree.items.map((item) => {
    budget.check("building the items");
    return buildItem(item, { lines: layout.lines, diagnostics, meetingDate: front.meeting.date });
  });

  diagnostics.push(...parseErrorDiagnostics(parsed, layout));
  diagnostics.push(...unplacedLines(parsed, tree, layout));
  if (items.length === 0 && layout.lines.length > 0) {
    diagnostics.push(diagnostic("error", "NO_ITEMS", "No § paragraph or agenda item was found in the document.", null));
  }
  readDecisions(items, front.participants, diagnostics);
  const kind = kindOverride ?? front.kind ?? inferKind(items, front, layout, furnitureTexts, diagnostics);
  checkCoverage(front.paragraphsCovered, items, diagnostics);
  checkContents(parsed, layout, items, diagnostics);

  const document: Document = {
    schemaVersion: 1,
    kind,
    organisation: front.organisation,
    body: front.body,
    meeting: front.meeting,
    participants: front.participants,
    adjusters: front.adjusters,
    paragraphsCovered: front.paragraphsCovered,
    items,
    source: { pages: source.pages, textSource: source.textSource, sha256: source.sha256 },
    furniture: layout.furniture,
    diagnostics,
    parseStatus: parseStatus(diagnostics),
  };
  const checked = DocumentSchema.safeParse(document);
  if (!checked.success) {
    throw new SchemaViolationError(`The built record does not match the schema (a bug in protokoll): ${checked.error.message}`, checked.error.issues);
  }
  // The schema leaves parseStatus optional (v1 records from elsewhere); protokoll's own always has it.
  return { ...checked.data, parseStatus: document.parseStatus };
}

/**
 * What researchers ask of each item, read once the attendance list is known:
 * who moved, reserved or declared jäv (with their party), what each vote's yes
 * and no stood for, whether its named ballots add up, and how the item ended.
 */
function readDecisions(items: Item[], participants: readonly Participant[], diagnostics: Diagnostic[]): void {
  const lookup = partyLookup(participants);
  for (const item of items) {
    for (const statement of [...item.motions, ...item.reservations]) addPeople(statement, lookup);
    for (const person of item.conflictPeople ?? []) person.party ??= lookup(person.name);
    readVotes(item, diagnostics);
    const reading = itemOutcome(item);
    item.outcome = reading.outcome;
    diagnostics.push(...reading.diagnostics);
  }
}

function addPeople(statement: { by: string[]; text: string; people?: unknown; parties?: string[] }, lookup: PartyLookup): void {
  statement.people = peopleOf(statement.by, statement.text, lookup);
  // The group is named before the verb: "S-gruppen reserverar sig", not "... till förmån för S-gruppens förslag".
  const subject = words(String.raw`\b(?:reserver|yrka)`, "iu").exec(statement.text);
  statement.parties = partyGroupsIn(subject ? statement.text.slice(0, subject.index) : "");
}

/** Yes/no meanings from the propositionsordning where the vote text has none; the ballot check for each vote. */
function readVotes(item: Item, diagnostics: Diagnostic[]): void {
  const votes = item.votes ?? [];
  const fromProcess = item.decisionProcess ? voteMeanings(item.decisionProcess) : null;
  for (const vote of votes) {
    if (!vote.yesMeans && fromProcess && votes.length === 1) Object.assign(vote, fromProcess);
    const mismatch = ballotMismatch(vote);
    if (mismatch) {
      diagnostics.push(
        diagnostic("warning", "VOTE_COUNT_MISMATCH", `The named ballots of ${item.paragraphLabel ?? item.title} do not add up: ${mismatch}.`, item.pages.from, vote.text || null),
      );
    }
  }
}

/** Codes that mean some of the document's content is only in `diagnostics`. */
const PARTIAL_CODES: ReadonlySet<string> = new Set(["UNRECOGNISED_BLOCK", "UNRECOGNISED_ATTENDEE", "GRAMMAR_RECOVERY", "DATE_UNPARSEABLE", "TIME_UNPARSEABLE", "PDF_PAGE_FAILED"]);

export function parseStatus(diagnostics: Diagnostic[]): NonNullable<Document["parseStatus"]> {
  if (diagnostics.some((d) => d.severity === "error")) return "failed";
  if (diagnostics.some((d) => d.severity === "warning" && PARTIAL_CODES.has(d.code))) return "partial";
  return "complete";
}

/**
 * The kind, where no heading names it. A kind word in the letterhead or the
 * running header says it; failing that, the structure does (§ items and an
 * attendance list: protokoll; one § alone: protokollsutdrag; a numbered agenda
 * and an invitation: kallelse), said in a KIND_INFERRED diagnostic. Without a
 * kind word and without the marks of a meeting (an organ, a date, attendance,
 * §§), the text is no meeting document: a manual, a report, a budget, a note.
 */
function inferKind(items: Document["items"], front: FrontMatter, layout: LayoutResult, furniture: string[], diagnostics: Diagnostic[]): DocumentKind {
  const header = [...furniture, ...layout.lines.slice(0, 15).map((l) => l.text)].join(" \n ");
  if (words(String.raw`\bprotokollsutdrag\b|\butdrag ur\b`, "iu").test(header)) return "protokollsutdrag";
  if (words(String.raw`\bprotokoll\b`, "iu").test(header)) return "protokoll";
  if (words(String.raw`\bkallelse\b|\bföredragningslista\b`, "iu").test(header)) return "kallelse";
  const inferred = kindFromStructure(items, front, layout);
  if (inferred === null) {
    diagnostics.push(
      diagnostic("error", "NOT_A_MEETING_DOCUMENT", "No kind word (kallelse, protokoll, protokollsutdrag) and no meeting: no § items with an organ, date or attendance, no agenda with an invitation.", 1),
    );
    return "protokoll";
  }
  diagnostics.push(diagnostic("info", "KIND_INFERRED", `No heading names the kind; ${inferred.kind} inferred from ${inferred.because}.`, 1));
  return inferred.kind;
}

/** An invitation to a meeting: "kallas till sammanträde", "sammanträder", "välkomna". */
const INVITATION = String.raw`\b(?:kallas|kallelse|sammanträde[nt]?|sammanträder|möte[t]?|välkomna|inbjud(?:an|es))\b`;

function kindFromStructure(items: Document["items"], front: FrontMatter, layout: LayoutResult): { kind: DocumentKind; because: string } | null {
  const paragraphs = items.filter((item) => item.paragraph !== null);
  const attendance = front.participants.some((p) => p.group !== "other" || p.roles.length > 0);
  const meeting = front.body !== null || front.meeting.date !== null || attendance || front.paragraphsCovered.length > 0;
  if (paragraphs.length > 0 && meeting) {
    if (paragraphs.length === 1 && !front.participants.some((p) => p.group !== "other" && p.roles.length === 0)) {
      return { kind: "protokollsutdrag", because: "a single § without an attendance list" };
    }
    return { kind: "protokoll", because: `${paragraphs.length} § items${attendance ? " and an attendance list" : ""}` };
  }
  const invited = layout.lines.slice(0, 40).some((line) => words(INVITATION, "iu").test(line.text));
  if (items.length > 0 && paragraphs.length === 0 && invited && (front.meeting.date !== null || front.body !== null)) {
    return { kind: "kallelse", because: "a numbered agenda and an invitation" };
  }
  return null;
}

function parseErrorDiagnostics(parsed: ParsedLines, layout: LayoutResult): Diagnostic[] {
  return parsed.parseErrors.map((error) => {
    const line = layout.lines[error.token.startOffset];
    return diagnostic("warning", "GRAMMAR_RECOVERY", `The grammar re-synchronised: ${error.message}`, line?.page ?? null, line?.text ?? null);
  });
}

/** Lines the parser skipped in recovery: kept as diagnostics, never dropped. */
function unplacedLines(parsed: ParsedLines, tree: DocumentOutline, layout: LayoutResult): Diagnostic[] {
  const placed = new Set<number>();
  for (const token of tree.preamble) placed.add(token.payload.line);
  for (const item of tree.items) {
    for (const token of [...item.leading, item.heading]) placed.add(token.payload.line);
    for (const part of item.parts) {
      const tokens = "line" in part ? [part.line] : [part.section.heading, ...part.section.lines];
      for (const token of tokens) placed.add(token.payload.line);
    }
  }
  for (const closing of tree.closings) for (const token of [closing.label, ...closing.lines]) placed.add(token.payload.line);
  return parsed.tokens
    .filter((token) => !placed.has(token.payload.line))
    .map((token) => {
      const line = layout.lines[token.payload.line]!;
      return diagnostic("warning", "UNRECOGNISED_BLOCK", "The grammar could not place this line; it is in no field.", line.page, line.text);
    });
}

/** Titles this similar (shared words over all words) are one title set two ways. */
const SAME_TITLE = 0.6;

/**
 * A table of contents lists the items: each entry it has should be an item of
 * the body, under a title that is (about) the same. It never makes items itself.
 */
function checkContents(parsed: ParsedLines, layout: LayoutResult, items: Document["items"], diagnostics: Diagnostic[]): void {
  for (const token of parsed.tokens) {
    const entry = token.tokenType === vocabulary.ContentsLine ? token.payload.contents : undefined;
    if (!entry || (entry.paragraph === null && entry.number === null)) continue;
    const page = layout.lines[token.payload.line]?.page ?? null;
    const item = items.find((i) => (entry.paragraph !== null ? i.paragraph === entry.paragraph : i.number === entry.number));
    const label = entry.paragraph !== null ? `§ ${entry.paragraph}` : `item ${entry.number}`;
    if (!item) {
      diagnostics.push(diagnostic("warning", "CONTENTS_ITEM_NOT_FOUND", `The table of contents lists ${label} (${entry.title}), which the body does not have.`, page, token.image));
    } else if (entry.title && titleOverlap(entry.title, item.title) < SAME_TITLE) {
      diagnostics.push(diagnostic("info", "CONTENTS_TITLE_DIFFERS", `The table of contents calls ${label} "${entry.title}", its heading "${item.title}".`, page, token.image));
    }
  }
}

function titleOverlap(a: string, b: string): number {
  const wordsOf = (t: string) => new Set(t.toLocaleLowerCase("sv").split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const x = wordsOf(a);
  const y = wordsOf(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, Math.max(x.size, y.size));
}

function checkCoverage(covered: number[], items: Document["items"], diagnostics: Diagnostic[]): void {
  if (covered.length === 0) return;
  const found = new Set(items.map((i) => i.paragraph).filter((p): p is number => p !== null));
  const missing = covered.filter((p) => !found.has(p));
  const listed = new Set(covered);
  const extra = [...found].filter((p) => !listed.has(p));
  if (missing.length > 0 || extra.length > 0) {
    diagnostics.push(
      diagnostic(
        "warning",
        "PARAGRAPH_NOT_COVERED",
        `The protokoll says it covers §§ ${covered.join(", ")}` +
          (missing.length ? `; not found in the body: ${missing.join(", ")}` : "") +
          (extra.length ? `; found but not listed: ${extra.join(", ")}` : ""),
        null,
      ),
    );
  }
}
