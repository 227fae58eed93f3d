/**
 * The build stage: parse tree -> records that match the contract, validated
 * by the zod schema before they leave. Every line of the input ends up in a
 * field, in `furniture`, or in a diagnostic.
 */
import type { LayoutResult } from "../layout/types.js";
import { DocumentSchema, type Diagnostic, type Document, type DocumentKind } from "../schema/index.js";
import { SchemaViolationError } from "../errors.js";
import type { ParsedLines } from "../../grammars/index.js";
import { diagnostic } from "./diagnostics.js";
import { buildFrontMatter, type FrontMatter } from "./front.js";
import { buildItem } from "./items.js";
import { outline, type DocumentOutline } from "./outline.js";
import { words } from "./words.js";

export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics.js";

export interface SourceInfo {
  pages: number;
  textSource: "pdf" | "text" | "ocr";
  sha256: string | null;
}

export function buildDocument(layout: LayoutResult, parsed: ParsedLines, source: SourceInfo, kindOverride?: DocumentKind): Document {
  const diagnostics: Diagnostic[] = [...layout.diagnostics];
  const tree = outline(parsed.cst);
  const furnitureTexts = layout.furniture.map((f) => f.text);
  const front = buildFrontMatter(tree.preamble, tree.closings, layout.lines, furnitureTexts);
  diagnostics.push(...front.diagnostics);
  const items = tree.items.map((item) => buildItem(item, { lines: layout.lines, diagnostics }));

  diagnostics.push(...parseErrorDiagnostics(parsed, layout));
  diagnostics.push(...unplacedLines(parsed, tree, layout));
  if (items.length === 0 && layout.lines.length > 0) {
    diagnostics.push(diagnostic("error", "NO_ITEMS", "No § paragraph or agenda item was found in the document.", null));
  }
  const kind = kindOverride ?? front.kind ?? inferKind(items, front, layout, furnitureTexts, diagnostics);
  checkCoverage(front.paragraphsCovered, items, diagnostics);

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
  return checked.data;
}

/** Codes that mean some of the document's content is only in `diagnostics`. */
const PARTIAL_CODES: ReadonlySet<string> = new Set(["UNRECOGNISED_BLOCK", "UNRECOGNISED_ATTENDEE", "GRAMMAR_RECOVERY", "DATE_UNPARSEABLE", "TIME_UNPARSEABLE", "PDF_PAGE_FAILED"]);

function parseStatus(diagnostics: Diagnostic[]): NonNullable<Document["parseStatus"]> {
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

function checkCoverage(covered: number[], items: Document["items"], diagnostics: Diagnostic[]): void {
  if (covered.length === 0) return;
  const found = new Set(items.map((i) => i.paragraph).filter((p): p is number => p !== null));
  const missing = covered.filter((p) => !found.has(p));
  const extra = [...found].filter((p) => !covered.includes(p));
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
