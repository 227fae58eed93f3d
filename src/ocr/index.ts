/**
 * OCR inside the `pdf` stage: which pages to read by OCR (a scan, a garbled
 * text layer, or every page when forced), and reading them, so that their
 * items replace what the text layer had. The stage calls planOcr() once the
 * text layer is read and recognisePages() once fonts are named.
 */
import { InvalidInputError, OcrUnavailableError } from "../errors.js";
import { diagnostic } from "../records/diagnostics.js";
import type { Diagnostic } from "../schema/index.js";
import type { PageText } from "../pdf/types.js";
import { ocrCanvasFactory, type OcrAssets } from "./browser.js";
import { startOcrEngine, type OcrEngine } from "./engine.js";
import { ownEngines, SharedEngines, type EngineLease, type EngineSource } from "./shared.js";
import { assessTextLayers, type PageQuality } from "./quality.js";
import { renderPage, type CanvasFactory, type RenderablePage } from "./render.js";
import { eraseDotLeaders } from "./leaders.js";
import { ocrItems } from "./words.js";

export { assessTextLayer, assessTextLayers, type PageQuality, type TextLayerQuality } from "./quality.js";

/** "auto": OCR the pages without text or with a garbled text layer; "force": every page; "off": none. */
export type OcrMode = "auto" | "off" | "force";
export const OCR_MODES: readonly OcrMode[] = ["auto", "off", "force"];

export interface OcrSettings {
  mode: OcrMode;
  languages: readonly string[];
  /** In a browser: where tesseract.js's worker, core and models are (see ./browser.ts). */
  assets?: OcrAssets;
}

export const DEFAULT_OCR: OcrSettings = { mode: "auto", languages: ["swe"] };

/** Mean word confidence (0-100) below which an OCR page is reported as unreliable. */
export const LOW_CONFIDENCE = 70;

const POINTS_PER_INCH = 72;

export interface OcrPlan {
  /** 1-based numbers of the pages to read by OCR. */
  pages: number[];
  diagnostics: Diagnostic[];
}

/** Judge each page's text layer; a garbled page is reported whatever the mode. */
export function planOcr(pages: readonly PageText[], mode: OcrMode): OcrPlan {
  const qualities = assessTextLayers(pages.map(pageText));
  const diagnostics: Diagnostic[] = [];
  const chosen: number[] = [];
  pages.forEach((page, i) => {
    const quality = qualities[i] as PageQuality;
    if (quality.quality === "garbled") {
      diagnostics.push(
        diagnostic(
          "warning",
          "TEXT_LAYER_GARBLED",
          `The text layer of page ${page.page} is garbled (${Math.round(quality.marked)} of ${quality.words} words look broken, e.g. ${quality.sample.slice(0, 3).map((w) => `"${w}"`).join(", ")})` +
            (mode === "off" ? "; OCR is off, so the broken text was parsed." : "; the page is read by OCR."),
          page.page,
          quality.sample.join(" "),
        ),
      );
    }
    if (mode === "force" || (mode === "auto" && quality.quality !== "ok")) chosen.push(page.page);
  });
  return { pages: chosen, diagnostics };
}

function pageText(page: PageText): string {
  return page.items.map((item) => item.text).join(" ");
}

/** The parts of a pdf.js document OCR needs. */
export interface OcrSource {
  getPage(number: number): Promise<RenderablePage & { cleanup(): void }>;
  canvasFactory?: CanvasFactory;
}

const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
/** The browser's engines, kept across documents (see ./shared.ts); made on first use. */
let browserEngines: SharedEngines | null = null;

function defaultEngines(): EngineSource {
  return inNode ? ownEngines(startOcrEngine) : (browserEngines ??= new SharedEngines(startOcrEngine));
}

/**
 * Browsers: close the OCR engine(s) kept since the first scan was read (tesseract.js's Web Worker,
 * its wasm core and the model: tens of MB); the next document that needs OCR starts a new one.
 * Documents being read now finish first. Nothing to do in Node, where each read closes its own.
 */
export async function releaseOcr(): Promise<void> {
  await browserEngines?.release();
}

/**
 * Reads the planned pages by OCR and puts the words in place of each page's
 * items. Returns the numbers of the pages read. The engine is acquired on the
 * first page (started, or in a browser the one kept from an earlier document)
 * and let go by close(), also when the time budget ends the read.
 */
export class OcrReader {
  private lease: EngineLease | null = null;

  constructor(
    private readonly settings: OcrSettings,
    private readonly engines: EngineSource = defaultEngines(),
  ) {
    if (!OCR_MODES.includes(settings.mode)) {
      throw new InvalidInputError(`ocr must be one of ${OCR_MODES.map((m) => `"${m}"`).join(", ")}, got ${JSON.stringify(settings.mode)}.`);
    }
  }

  get mode(): OcrMode {
    return this.settings.mode;
  }

  async recognisePages(
    source: OcrSource,
    pages: PageText[],
    plan: OcrPlan,
    diagnostics: Diagnostic[],
    checkTime: () => void,
  ): Promise<number[]> {
    const read: number[] = [];
    for (const number of plan.pages) {
      const page = pages.find((p) => p.page === number);
      if (!page) continue;
      checkTime();
      let engine: OcrEngine;
      try {
        engine = await this.start();
      } catch (error) {
        if (this.settings.mode === "force" || !(error instanceof OcrUnavailableError) || !pages.some((p) => p.items.length > 0)) throw error;
        diagnostics.push(diagnostic("warning", "OCR_SKIPPED", `${error.message} The text layer was parsed as it is.`, null));
        return read;
      }
      await this.recognisePage(engine, source, page, diagnostics);
      read.push(number);
    }
    return read;
  }

  private async recognisePage(engine: OcrEngine, source: OcrSource, page: PageText, diagnostics: Diagnostic[]): Promise<void> {
    const pdfPage = await source.getPage(page.page);
    let image;
    try {
      image = await renderPage(pdfPage, ocrCanvasFactory(source.canvasFactory));
    } finally {
      pdfPage.cleanup();
    }
    // Painted out before OCR, which reads a row of dots as letters, and put back as full stops.
    const leaders = eraseDotLeaders(image.pgm, image.scale * POINTS_PER_INCH);
    const { blocks } = await engine.recognize(image.pgm);
    const { items, confidence } = ocrItems(blocks, image.scale, leaders);
    page.items = items;
    if (confidence === null) {
      diagnostics.push(diagnostic("info", "OCR_PAGE", `Page ${page.page} was read by OCR and has no text.`, page.page));
      return;
    }
    const mean = Math.round(confidence);
    diagnostics.push(diagnostic("info", "OCR_PAGE", `Page ${page.page} was read by OCR (${items.length} words, mean confidence ${mean}).`, page.page));
    if (mean < LOW_CONFIDENCE) {
      diagnostics.push(
        diagnostic("warning", "OCR_LOW_CONFIDENCE", `OCR read page ${page.page} with a mean confidence of ${mean}, below ${LOW_CONFIDENCE}: check its text.`, page.page),
      );
    }
  }

  private async start(): Promise<OcrEngine> {
    this.lease ??= this.engines.acquire(this.settings.languages, this.settings.assets);
    await this.lease.ready();
    return this.lease;
  }

  async close(): Promise<void> {
    await this.lease?.close();
  }
}
