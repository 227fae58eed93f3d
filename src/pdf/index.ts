/**
 * The `pdf` stage: bytes in, positioned text items out, one page at a time.
 * Everything pdf.js can throw is turned into a typed error here; a page that
 * fails alone becomes a diagnostic and the rest of the document is read.
 */
import { DEFAULT_TIMEOUT_MS, Deadline } from "../budget.js";
import { BudgetExceededError, InvalidInputError, NoTextLayerError, PdfError } from "../errors.js";
import { diagnostic } from "../records/diagnostics.js";
import type { Diagnostic } from "../schema/index.js";
import { fontStyle, type FontStyle } from "./fonts.js";
import { loadPdfJs, safeDocumentParams, type PdfJsModule } from "./pdfjs.js";
import { DEFAULT_OCR, OcrReader, planOcr, type OcrSource } from "../ocr/index.js";
import type { PageText, PdfOptions, PdfText, TextItem } from "./types.js";

export type { PageText, PdfOptions, PdfText, TextItem } from "./types.js";

export const DEFAULT_MAX_PAGES = 2000;
/**
 * The largest page side taken as real, in points (about 350 m). The specification's
 * limit is 14 400 (200 inches) in default units, but /UserUnit scales it without bound;
 * pdf.js repairs empty or inverted boxes itself, and what it passes on beyond this
 * is a damaged or hostile box.
 */
const MAX_PAGE_SIDE = 1_000_000;
/** The PDF specification lets the header start anywhere in the first 1024 bytes. */
const HEADER_WINDOW = 1024;

type PdfJsDocument = Awaited<ReturnType<PdfJsModule["getDocument"]>["promise"]>;
type PdfJsPage = Awaited<ReturnType<PdfJsDocument["getPage"]>>;
type LoadingTask = ReturnType<PdfJsModule["getDocument"]>;

/** What the caller of {@link extractText} hears while it works. */
export interface ExtractionHooks {
  /** The budget grew by `ms` for pages read by OCR (only where the caller set no timeoutMs). */
  extend?(ms: number): void;
}

/**
 * Read the text layer of a PDF, and read by OCR the pages that have none or a
 * garbled one. The bytes are copied first, because pdf.js may take over
 * (detach) the buffer it is given.
 */
export async function extractText(bytes: Uint8Array, options: PdfOptions = {}, hooks: ExtractionHooks = {}): Promise<PdfText> {
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidInputError(`extractText expects a Uint8Array, got ${bytes === null ? "null" : typeof bytes}`);
  }
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!hasPdfHeader(bytes)) {
    throw new PdfError("NOT_A_PDF", `The input (${bytes.length} bytes) is not a PDF: no "%PDF-" header in its first ${HEADER_WINDOW} bytes.`);
  }

  // Checks the OCR options, so before pdf.js holds anything that would need cleaning up.
  const ocr = new OcrReader({
    mode: options.ocr ?? DEFAULT_OCR.mode,
    languages: options.ocrLanguages ?? DEFAULT_OCR.languages,
    ...(options.ocrAssets !== undefined && { assets: options.ocrAssets }),
  });
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(await safeDocumentParams(pdfjs, bytes));

  const deadline = new Deadline(timeoutMs);
  const expired = deadline.expired("reading the PDF");
  const extend = (ms: number) => {
    deadline.extend(ms);
    hooks.extend?.(ms);
  };
  const reading = readDocument(task, { maxPages, deadline, ocr, ocrMsPerPage: options.ocrMsPerPage ?? 0, extend });
  // If the deadline wins the race, the loser rejects later once the task is destroyed: nobody needs that error.
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, expired.promise]);
  } finally {
    expired.clear();
    await ocr.close();
    await task.destroy().catch(() => undefined);
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, HEADER_WINDOW);
  for (let i = window.indexOf(0x25); i >= 0 && i + 4 < window.length; i = window.indexOf(0x25, i + 1)) {
    // "%PDF-"
    if (window[i + 1] === 0x50 && window[i + 2] === 0x44 && window[i + 3] === 0x46 && window[i + 4] === 0x2d) return true;
  }
  return false;
}

interface ReadLimits {
  maxPages: number;
  deadline: Deadline;
  ocr: OcrReader;
  ocrMsPerPage: number;
  extend: (ms: number) => void;
}

async function readDocument(task: LoadingTask, limits: ReadLimits): Promise<PdfText> {
  const doc = await openDocument(task);
  const pageCount = doc.numPages;
  // pdf.js passes /Count on as it stands once it is an integer: -2147483648 pages have been seen.
  if (!Number.isSafeInteger(pageCount) || pageCount < 0) {
    throw new PdfError("CORRUPT_PDF", `The PDF is damaged: its page tree gives ${String(pageCount)} as the number of pages.`);
  }
  if (pageCount === 0) throw new PdfError("EMPTY_DOCUMENT", "The PDF has no pages.");
  if (pageCount > limits.maxPages) {
    throw new BudgetExceededError(
      "PAGE_LIMIT_EXCEEDED",
      `The PDF has ${pageCount} pages, more than the ${limits.maxPages} allowed (option maxPages).`,
    );
  }

  const diagnostics: Diagnostic[] = [];
  const read: ReadPage[] = [];
  let firstFailure = "";
  for (let number = 1; number <= pageCount; number++) {
    limits.deadline.check("reading the PDF");
    try {
      read.push(await readPage(doc, number));
    } catch (error) {
      if (error instanceof BudgetExceededError) throw error;
      firstFailure ||= `page ${number}: ${messageOf(error)}`;
      diagnostics.push(
        diagnostic("warning", "PDF_PAGE_FAILED", `pdf.js could not read page ${number}: ${messageOf(error)}; the page was skipped.`, number),
      );
    }
  }

  if (read.length === 0) throw new PdfError("CORRUPT_PDF", `pdf.js could not read any of the ${pageCount} page(s) (${firstFailure}).`);
  const textPages = read.filter((p) => p.page.items.some((item) => item.text.trim() !== ""));
  const ocrPlan = planOcr(read.map((r) => r.page), limits.ocr.mode);
  diagnostics.push(...ocrPlan.diagnostics);
  if (textPages.length === 0 && ocrPlan.pages.length === 0) throw new NoTextLayerError(pageCount);
  limits.deadline.check("reading the PDF");
  const styles = await fontStyles(doc, textPages);
  for (const { page } of read) {
    for (const item of page.items) {
      const style = styles(item.fontName);
      item.fontName = style.name;
      item.bold = style.bold;
      item.italic = style.italic;
    }
  }
  if (limits.ocrMsPerPage > 0 && ocrPlan.pages.length > 0) limits.extend(limits.ocrMsPerPage * ocrPlan.pages.length);
  const pages = read.map((r) => r.page);
  const ocrPages = await limits.ocr.recognisePages(doc as unknown as OcrSource, pages, ocrPlan, diagnostics, () =>
    limits.deadline.check("reading pages by OCR"),
  );
  for (const page of pages) {
    if (!page.items.some((item) => item.text.trim() !== "")) diagnostics.push(diagnostic("info", "EMPTY_PAGE", `Page ${page.page} has no text.`, page.page));
  }
  return { pageCount, pages, diagnostics, ocrPages };
}

/** A page as read, its items still naming their font by pdf.js's id. */
interface ReadPage {
  page: PageText;
  fontIds: Set<string>;
}

async function openDocument(task: LoadingTask): Promise<PdfJsDocument> {
  try {
    return await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      throw new PdfError("ENCRYPTED_PDF", "The PDF is protected by a password and cannot be read.", { cause: error });
    }
    throw new PdfError("CORRUPT_PDF", `The PDF is damaged and could not be opened: ${messageOf(error)}`, { cause: error });
  }
}

async function readPage(doc: PdfJsDocument, number: number): Promise<ReadPage> {
  const page = await doc.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    checkPageSize(viewport.width, viewport.height);
    const content = await page.getTextContent();
    const pdfjs = await loadPdfJs();
    const fontIds = new Set<string>();
    const items: TextItem[] = [];
    content.items.forEach((item, index) => {
      if (!("str" in item) || item.str === "") return;
      // Into display space: top-left origin, y down, page rotation and crop offset applied.
      const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      const fontSize = Math.hypot(c ?? 0, d ?? 0);
      const rotated = Math.abs(b ?? 0) > 1e-3 * fontSize || Math.abs(c ?? 0) > 1e-3 * fontSize || (a ?? 0) < 0;
      fontIds.add(item.fontName);
      items.push({
        index,
        text: item.str,
        x: e ?? 0,
        y: f ?? 0,
        width: item.width,
        height: item.height,
        fontSize,
        // pdf.js's font id until fontStyles() names it.
        fontName: item.fontName,
        bold: false,
        italic: false,
        hasEOL: item.hasEOL,
        ...(rotated && { rotated: true }),
      });
    });
    return { page: { page: number, width: viewport.width, height: viewport.height, items }, fontIds };
  } finally {
    page.cleanup();
  }
}

/** A page whose box is not a size at all, or larger than any real sheet, is damaged: its positions mean nothing. */
function checkPageSize(width: number, height: number): void {
  const real = (side: number) => Number.isFinite(side) && side > 0 && side <= MAX_PAGE_SIDE;
  if (!real(width) || !real(height)) {
    throw new PdfError("CORRUPT_PDF", `its page box is ${String(width)} x ${String(height)} points, not a real page size`);
  }
}

/**
 * Real font names ("ABCDEF+Carlito-Bold") for pdf.js's font ids, as a lookup
 * from id to style. getTextContent loads fonts without handing them to this
 * thread; only getOperatorList does, at a cost of roughly half a page's text
 * extraction. Fonts are shared across pages, so a few operator lists name the
 * fonts of the whole document: pages are picked greedily by most unnamed fonts
 * per text item (a short page is cheap to list), and capped so that a PDF with
 * a new font on every page does not pay for an operator list on every page.
 */
async function fontStyles(doc: PdfJsDocument, pages: ReadPage[]): Promise<(id: string) => FontStyle> {
  const pdfjs = await loadPdfJs();
  const styles = new Map<string, FontStyle>();
  const unnamed = new Set(pages.flatMap((p) => [...p.fontIds]));
  const candidates = [...pages];
  const value = (p: ReadPage) => [...p.fontIds].filter((id) => unnamed.has(id)).length / (p.page.items.length + 1);
  for (let lists = 0; unnamed.size > 0 && candidates.length > 0 && lists < 2 + Math.ceil(pages.length / 25); lists++) {
    const best = candidates.reduce((a, b) => (value(b) > value(a) ? b : a));
    if (value(best) === 0) break;
    candidates.splice(candidates.indexOf(best), 1);
    await nameFonts(doc, pdfjs, best.page.page, unnamed, styles);
    // A font the list did not name (it failed to load) is not asked for again: it stays unstyled.
    for (const id of best.fontIds) unnamed.delete(id);
  }
  return (id) => styles.get(id) ?? { name: id, bold: false, italic: false };
}

/** One operator list, and the names of the fonts it handed over. A failure costs the styles, never the text. */
async function nameFonts(doc: PdfJsDocument, pdfjs: PdfJsModule, number: number, ids: Set<string>, styles: Map<string, FontStyle>): Promise<void> {
  let page: PdfJsPage | null = null;
  try {
    page = await doc.getPage(number);
    await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  } catch {
    // What the list handed over before it failed is still named below.
  }
  if (!page) return;
  for (const id of ids) {
    const name = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: unknown } | null)?.name : undefined;
    if (typeof name === "string" && name !== "") styles.set(id, fontStyle(name));
  }
  page.cleanup();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
