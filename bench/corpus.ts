/**
 * The rendered part of the bench corpus: one long protokoll drawn by the test
 * renderer (test/support/render) from fast-check documents with fixed seeds,
 * cut with pdf-lib into documents of exactly N pages (the first N pages), so
 * every size has the same mix of page content and only the length differs.
 * Deterministic: same seeds, same renderer, same bytes.
 */
import fc from "fast-check";
import { PDFDocument } from "pdf-lib";
import type { DocumentRecord, Item } from "../src/schema/index.js";
import { documentArb } from "../test/support/arbitraries.js";
import { renderPdf, type TemplateName } from "../test/support/render/index.js";

const BASE_SEED = 20250101;

/** A protokoll with `itemCount` §§: the front matter of one sampled document, the items of many. */
function longDocument(itemCount: number): DocumentRecord {
  const sample = (seed: number): DocumentRecord =>
    fc.sample(documentArb({ kinds: ["protokoll"], maxItems: 12 }), { numRuns: 1, seed })[0]!;
  const base = sample(BASE_SEED);
  const items: Item[] = [];
  for (let seed = BASE_SEED; items.length < itemCount; seed++) {
    for (const item of sample(seed).items) if (items.length < itemCount) items.push(item);
  }
  const first = 1;
  const numbered = items.map((item, i) => ({ ...item, paragraph: first + i }));
  return { ...base, items: numbered, paragraphsCovered: numbered.map((i) => i.paragraph!) };
}

/** Render a protokoll of at least `minPages` pages. */
export async function renderLong(minPages: number, template: TemplateName = "tabell"): Promise<{ bytes: Uint8Array; pages: number }> {
  let itemCount = Math.max(4, Math.ceil(minPages * 1.2));
  for (;;) {
    const { pdf } = await renderPdf(longDocument(itemCount), template);
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    if (pages >= minPages) return { bytes: pdf, pages };
    itemCount = Math.ceil(itemCount * (minPages / Math.max(1, pages)) * 1.1) + 2;
  }
}

/** The first `count` pages of a PDF, as a new PDF (no object streams, fixed dates: same bytes each time). */
export async function firstPages(bytes: Uint8Array, count: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes);
  const out = await PDFDocument.create({ updateMetadata: false });
  const copied = await out.copyPages(source, Array.from({ length: count }, (_, i) => i));
  for (const page of copied) out.addPage(page);
  out.setTitle(`${source.getTitle() ?? "bench"} (${count} pages)`);
  out.setProducer("protokoll bench (pdf-lib)");
  out.setCreationDate(new Date(Date.UTC(2025, 0, 1)));
  out.setModificationDate(new Date(Date.UTC(2025, 0, 1)));
  return out.save({ useObjectStreams: false });
}
