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
import { buildFrontMatter } from "./front.js";
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
  const kind = kindOverride ?? front.kind ?? inferKind(items, layout, furnitureTexts, diagnostics);
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

/** Without a heading that names it, a document with §§ is a protokoll and one with agenda numbers a kallelse. */
function inferKind(items: Document["items"], layout: LayoutResult, furniture: string[], diagnostics: Diagnostic[]): DocumentKind {
  const header = [...furniture, ...layout.lines.slice(0, 15).map((l) => l.text)].join(" \n ");
  if (words(String.raw`\bprotokollsutdrag\b|\butdrag ur\b`, "iu").test(header)) return "protokollsutdrag";
  if (words(String.raw`\bprotokoll\b`, "iu").test(header)) return "protokoll";
  if (words(String.raw`\bkallelse\b|\bföredragningslista\b`, "iu").test(header)) return "kallelse";
  if (items.length > 0) return items[0]!.paragraph !== null ? "protokoll" : "kallelse";
  diagnostics.push(diagnostic("warning", "KIND_UNKNOWN", "Nothing says whether this is a kallelse, protokoll or protokollsutdrag; protokoll assumed.", 1));
  return "protokoll";
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
