/**
 * The `pdf` stage: bytes in, positioned text items out, one page at a time.
 * Everything pdf.js can throw is turned into a typed error here; a page that
 * fails alone becomes a diagnostic and the rest of the document is read.
 */
import { BudgetExceededError, InvalidInputError, NoTextLayerError, PdfError } from "../errors.js";
import { diagnostic } from "../build/diagnostics.js";
import type { Diagnostic } from "../schema/index.js";
import { fontStyle, type FontStyle } from "./fonts.js";
import { loadPdfJs, safeDocumentParams, type PdfJsModule } from "./pdfjs.js";
import type { PageText, PdfOptions, PdfText, TextItem } from "./types.js";

export type { PageText, PdfOptions, PdfText, TextItem } from "./types.js";

const DEFAULT_MAX_PAGES = 2000;
const DEFAULT_TIMEOUT_MS = 60_000;
/** The PDF specification lets the header start anywhere in the first 1024 bytes. */
const HEADER_WINDOW = 1024;

type PdfJsDocument = Awaited<ReturnType<PdfJsModule["getDocument"]>["promise"]>;
type PdfJsPage = Awaited<ReturnType<PdfJsDocument["getPage"]>>;
type LoadingTask = ReturnType<PdfJsModule["getDocument"]>;

/**
 * Read the text layer of a PDF. The bytes are copied first, because pdf.js may
 * take over (detach) the buffer it is given.
 */
export async function extractText(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  if (!(bytes instanceof Uint8Array)) {
    throw new InvalidInputError(`extractText expects a Uint8Array, got ${bytes === null ? "null" : typeof bytes}`);
  }
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!hasPdfHeader(bytes)) {
    throw new PdfError("NOT_A_PDF", `The input (${bytes.length} bytes) is not a PDF: no "%PDF-" header in its first ${HEADER_WINDOW} bytes.`);
  }

  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(await safeDocumentParams(pdfjs, bytes));

  const deadline = new Deadline(timeoutMs);
  const reading = readDocument(task, { maxPages, deadline });
  // If the deadline wins the race, the loser rejects later once the task is destroyed: nobody needs that error.
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, deadline.expired]);
  } finally {
    deadline.clear();
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

/** A time budget that can both reject a race and be polled between pages. */
class Deadline {
  readonly expired: Promise<never>;
  private readonly end: number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number) {
    this.end = Date.now() + ms;
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => reject(this.error()), ms);
    });
    this.expired.catch(() => undefined);
  }

  check(): void {
    if (Date.now() > this.end) throw this.error();
  }

  clear(): void {
    clearTimeout(this.timer);
  }

  private error(): BudgetExceededError {
    return new BudgetExceededError("TIME_LIMIT_EXCEEDED", `Reading the PDF took longer than the ${this.ms} ms allowed.`);
  }
}

interface ReadLimits {
  maxPages: number;
  deadline: Deadline;
}

async function readDocument(task: LoadingTask, limits: ReadLimits): Promise<PdfText> {
  const doc = await openDocument(task);
  const pageCount = doc.numPages;
  if (pageCount === 0) throw new PdfError("EMPTY_DOCUMENT", "The PDF has no pages.");
  if (pageCount > limits.maxPages) {
    throw new BudgetExceededError(
      "PAGE_LIMIT_EXCEEDED",
      `The PDF has ${pageCount} pages, more than the ${limits.maxPages} allowed (option maxPages).`,
    );
  }

  const diagnostics: Diagnostic[] = [];
  const fonts = new FontNames(pageCount);
  const pages: PageText[] = [];
  for (let number = 1; number <= pageCount; number++) {
    limits.deadline.check();
    try {
      pages.push(await readPage(doc, number, fonts));
    } catch (error) {
      if (error instanceof BudgetExceededError) throw error;
      diagnostics.push(
        diagnostic("warning", "PDF_PAGE_FAILED", `pdf.js could not read page ${number}: ${messageOf(error)}; the page was skipped.`, number),
      );
    }
  }

  if (pages.length === 0) throw new PdfError("CORRUPT_PDF", `pdf.js could not read any of the ${pageCount} page(s).`);
  const textPages = pages.filter((p) => p.items.some((item) => item.text.trim() !== ""));
  if (textPages.length === 0) throw new NoTextLayerError(pageCount);
  for (const page of pages) {
    if (!textPages.includes(page)) diagnostics.push(diagnostic("info", "EMPTY_PAGE", `Page ${page.page} has no text.`, page.page));
  }
  return { pageCount, pages, info: await readInfo(doc), diagnostics };
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

async function readPage(doc: PdfJsDocument, number: number, fonts: FontNames): Promise<PageText> {
  const page = await doc.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const pdfjs = await loadPdfJs();
    const runs = content.items.flatMap((item, index) => ("str" in item && item.str !== "" ? [{ item, index }] : []));
    await fonts.resolve(page, new Set(runs.map((r) => r.item.fontName)));

    const items: TextItem[] = runs.map(({ item, index }) => {
      // Into display space: top-left origin, y down, page rotation and crop offset applied.
      const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      const style = fonts.style(item.fontName);
      const fontSize = Math.hypot(c ?? 0, d ?? 0);
      const rotated = Math.abs(b ?? 0) > 1e-3 * fontSize || Math.abs(c ?? 0) > 1e-3 * fontSize || (a ?? 0) < 0;
      return {
        index,
        text: item.str,
        x: e ?? 0,
        y: f ?? 0,
        width: item.width,
        height: item.height,
        fontSize,
        fontName: style.name,
        bold: style.bold,
        italic: style.italic,
        hasEOL: item.hasEOL,
        ...(rotated && { rotated: true }),
      };
    });
    return { page: number, width: viewport.width, height: viewport.height, items };
  } finally {
    page.cleanup();
  }
}

/**
 * Real font names ("ABCDEF+Carlito-Bold") for pdf.js's font ids. getTextContent
 * loads fonts without handing them to this thread; getOperatorList does. Fonts
 * are shared across pages, so one operator list (usually page 1's) names the
 * fonts of the whole document; the calls are capped so that a PDF with a new
 * font on every page does not pay for an operator list on every page.
 */
class FontNames {
  private readonly styles = new Map<string, FontStyle>();
  private operatorLists = 0;
  private readonly maxOperatorLists: number;

  constructor(pageCount: number) {
    this.maxOperatorLists = 2 + Math.ceil(pageCount / 25);
  }

  async resolve(page: PdfJsPage, ids: Set<string>): Promise<void> {
    const unknown = [...ids].filter((id) => !this.styles.has(id));
    if (unknown.length === 0) return;
    if (unknown.some((id) => !page.commonObjs.has(id)) && this.operatorLists < this.maxOperatorLists) {
      this.operatorLists++;
      await page.getOperatorList().catch(() => undefined);
    }
    for (const id of unknown) {
      const name = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: unknown } | null)?.name : undefined;
      if (typeof name === "string" && name !== "") this.styles.set(id, fontStyle(name));
    }
  }

  style(id: string): FontStyle {
    return this.styles.get(id) ?? { name: id, bold: false, italic: false };
  }
}

async function readInfo(doc: PdfJsDocument): Promise<PdfText["info"]> {
  try {
    const info = (await doc.getMetadata()).info as Record<string, unknown> | undefined;
    const field = (key: string): string | null => {
      const value = info?.[key];
      return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
    };
    return { title: field("Title"), producer: field("Producer"), creator: field("Creator") };
  } catch {
    return { title: null, producer: null, creator: null };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
