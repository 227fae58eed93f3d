/**
 * Fixture renderer: a `Document` record as extracted text (what pdftotext
 * prints) or as a PDF, in one of four house styles. Both outputs come from one
 * layout, so their pages agree, and each returns the record as rendered (with
 * true pages) for comparison with what the parser reads back.
 */
import type { DocumentRecord } from "../../../src/schema/index.js";
import { layoutDocument, type LayoutOptions } from "./document.js";
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

export function renderMeetingsText(docs: DocumentRecord[], template: TemplateName = "tabell"): string {
  return docs.map((doc) => toText(layoutDocument(doc, TEMPLATES[template]).pages)).join("");
}

export async function renderMeetingsPdf(docs: DocumentRecord[], template: TemplateName = "tabell"): Promise<Uint8Array> {
  const pages = docs.flatMap((doc) => layoutDocument(doc, TEMPLATES[template]).pages);
  return toPdf(pages, docs.map((doc) => [doc.body, doc.meeting.date].filter(Boolean).join(" ")).join(", "));
}
