/**
 * Fixture renderer: a `Document` record as extracted text (what pdftotext
 * prints) or as a PDF, in one of four house styles. Both outputs come from one
 * layout, so their pages agree, and each returns the record as rendered (with
 * true pages) for comparison with what the parser reads back.
 */
import type { DocumentRecord } from "../../../src/schema/index.js";
import { KIND_TITLES, layoutDocument, type LayoutOptions } from "./document.js";
import { PAGE, type Page, type PlacedLine } from "./flow.js";
import { toPdf, toText } from "./output.js";
import { TEMPLATES, type TemplateName } from "./templates.js";

export { TABLE_TEMPLATE_NAMES, TEMPLATES, TEMPLATE_NAMES, TEXT_TEMPLATE_NAMES, type TemplateName } from "./templates.js";

export interface RenderedText {
  text: string;
  /** The record a parser should read back from `text` (textSource "text"). */
  expected: DocumentRecord;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  /** The record a parser should read back from `pdf` (textSource "pdf"). */
  expected: DocumentRecord;
}

export type { FurnitureMode, LayoutOptions } from "./document.js";

export function renderText(doc: DocumentRecord, template: TemplateName = "tabell", options: LayoutOptions = {}): RenderedText {
  const layout = layoutDocument(doc, TEMPLATES[template], options);
  const expected = layout.document;
  expected.source = { ...expected.source, textSource: "text", sha256: null };
  return { text: toText(layout.pages), expected };
}

export async function renderPdf(doc: DocumentRecord, template: TemplateName = "tabell"): Promise<RenderedPdf> {
  const layout = layoutDocument(doc, TEMPLATES[template]);
  const expected = layout.document;
  expected.source = { ...expected.source, textSource: "pdf" };
  const title = [doc.body, doc.kind, doc.meeting.date].filter(Boolean).join(" ");
  return { pdf: await toPdf(layout.pages, title), expected };
}


/**
 * Several meetings in one file, as archives concatenate them: each record laid
 * out on its own pages, the pages one after the other. What a parser must keep
 * is every § of every meeting, repeated numbers included.
 */
/**
 * The records a parser should read back from {@link renderMeetingsText} or
 * {@link renderMeetingsPdf}, one per meeting: as rendered, their pages counted
 * in the whole file.
 */
export function expectedMeetings(docs: DocumentRecord[], template: TemplateName, textSource: "text" | "pdf"): DocumentRecord[] {
  const layouts = docs.map((doc) => layoutDocument(doc, TEMPLATES[template]).document);
  const total = layouts.reduce((sum, doc) => sum + doc.source.pages, 0);
  let offset = 0;
  return layouts.map((doc) => {
    for (const item of doc.items) item.pages = { from: item.pages.from + offset, to: item.pages.to + offset };
    for (const person of doc.participants) person.page += offset;
    offset += doc.source.pages;
    doc.source = { ...doc.source, pages: total, textSource, ...(textSource === "text" && { sha256: null }) };
    return doc;
  });
}

/**
 * How a later meeting follows the one before: on a new page (the default), or
 * `midPage`, printed straight under the last one's end where its first page
 * fits there; `nameless`, its document name ("Protokoll") left out, so that
 * only its head block (date, time, place, attendance) says a meeting starts.
 */
export interface MeetingsOptions {
  midPage?: boolean;
  nameless?: boolean;
}

/** Space left between one meeting's end and the next one's head block, printed on the same page. */
const MEETING_GAP = 36;

function meetingPages(docs: DocumentRecord[], template: TemplateName, options: MeetingsOptions): Page[] {
  const pages: Page[] = [];
  docs.forEach((doc, i) => {
    const own = layoutDocument(doc, TEMPLATES[template]).pages;
    if (i > 0 && options.nameless) own.forEach((page) => withoutName(page, (KIND_TITLES[template as keyof typeof KIND_TITLES] ?? KIND_TITLES.tabell!)[doc.kind]));
    const last = pages[pages.length - 1];
    if (i > 0 && options.midPage && last && appendBelow(last, own[0]!)) own.shift();
    pages.push(...own);
  });
  return pages;
}

/** A meeting's pages without its document name, in the text or in the running header. */
function withoutName(page: Page, name: string): void {
  const named = (line: PlacedLine) => line.runs.some((run) => run.text.trim() === name);
  page.lines = page.lines.filter((line) => !named(line));
  page.furniture = page.furniture.map((line) => ({ ...line, runs: line.runs.filter((run) => !run.text.includes(name)) })).filter((line) => line.runs.length > 0);
}

/** Prints `next` (without its running header) under the last line of `page`, where it fits; says whether it did. */
function appendBelow(page: Page, next: Page): boolean {
  if (page.lines.length === 0 || next.lines.length === 0) return false;
  const end = Math.min(...page.lines.map((line) => line.y), ...page.boxes.map((box) => box.y));
  const top = Math.max(...next.lines.map((line) => line.y), ...next.boxes.map((box) => box.y + box.height));
  const shift = end - MEETING_GAP - top;
  const bottom = Math.min(...next.lines.map((line) => line.y), ...next.boxes.map((box) => box.y));
  if (bottom + shift < PAGE.bottom) return false;
  page.lines.push(...next.lines.map((line, i) => ({ ...line, y: line.y + shift, gapBefore: line.gapBefore || i === 0 })));
  page.boxes.push(...next.boxes.map((box) => ({ ...box, y: box.y + shift })));
  return true;
}

export function renderMeetingsText(docs: DocumentRecord[], template: TemplateName = "tabell", options: MeetingsOptions = {}): string {
  return toText(meetingPages(docs, template, options));
}

export async function renderMeetingsPdf(docs: DocumentRecord[], template: TemplateName = "tabell", options: MeetingsOptions = {}): Promise<Uint8Array> {
  return toPdf(meetingPages(docs, template, options), docs.map((doc) => [doc.body, doc.meeting.date].filter(Boolean).join(" ")).join(", "));
}
