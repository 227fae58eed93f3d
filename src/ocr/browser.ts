/**
 * OCR's platform seam in a browser: where tesseract.js's files are (its worker
 * script, its wasm core and the language model, shipped with the app and never
 * fetched from a CDN) and the canvas pdf.js draws a page into. The OCR pipeline
 * itself (render, recognise, words -> items) is the one Node uses.
 */
import { InvalidInputError, OcrUnavailableError } from "../errors.js";
import type { CanvasFactory } from "./render.js";

/** Where tesseract.js finds its files in a browser: URLs, absolute or relative to the page. */
export interface OcrAssetPaths {
  /** tesseract.js's worker script, `tesseract.js/dist/worker.min.js`. */
  workerPath: string | URL;
  /** The folder of tesseract.js-core's `tesseract-core-*lstm.wasm.js` files. */
  corePath: string | URL;
  /** The folder of `<language>.traineddata.gz` (from `@tesseract.js-data/<language>/4.0.0_best_int`). */
  langPath: string | URL;
}

/**
 * The `ocrAssets` option: one folder that holds all of them (worker.min.js, the core files and the
 * models), or each path on its own. Default: the folder `ocr/` beside the page.
 */
export type OcrAssets = string | URL | OcrAssetPaths;

export const DEFAULT_OCR_ASSETS = "ocr/";
const WORKER_FILE = "worker.min.js";
/**
 * The LSTM-only cores, which the LSTM_ONLY engine loads: tesseract.js picks one by what the
 * browser's WebAssembly supports (relaxed SIMD, SIMD, neither), so all three must be there.
 */
export const OCR_CORE_FILES = ["tesseract-core-relaxedsimd-lstm.wasm.js", "tesseract-core-simd-lstm.wasm.js", "tesseract-core-lstm.wasm.js"];

/** The option with its URLs as strings: options cross to Node's extraction worker by structured clone, which refuses URL objects. */
export function plainOcrAssets(assets: OcrAssets): OcrAssets {
  if (typeof assets === "string" || assets instanceof URL) return String(assets);
  const isUrl = (value: unknown) => typeof value === "string" || value instanceof URL;
  if (typeof assets !== "object" || assets === null || !isUrl(assets.workerPath) || !isUrl(assets.corePath) || !isUrl(assets.langPath)) {
    throw new InvalidInputError(`ocrAssets must be a URL or { workerPath, corePath, langPath } (URLs), got ${JSON.stringify(assets)}.`);
  }
  return { workerPath: String(assets.workerPath), corePath: String(assets.corePath), langPath: String(assets.langPath) };
}

const SETTING = `set the ocrAssets option to the URL of a folder that holds tesseract.js's ${WORKER_FILE}, tesseract.js-core's ${OCR_CORE_FILES.join(", ")} and <language>.traineddata.gz from @tesseract.js-data (default "${DEFAULT_OCR_ASSETS}" beside the page; examples/browser/build.mjs copies them there), or to { workerPath, corePath, langPath }.`;

/** The fix that goes with every OCR_UNAVAILABLE in a browser. */
export function browserOcrUnavailable(reason: string, cause?: unknown, language?: string): OcrUnavailableError {
  return new OcrUnavailableError(reason, cause, language === undefined ? [] : [language], `To OCR in a browser, ${SETTING}`);
}

/** tesseract.js's path options, as absolute URLs (its blob worker has no base URL of its own). */
export interface TesseractPaths {
  workerPath: string;
  corePath: string;
  langPath: string;
}

/**
 * The asset URLs, checked before tesseract.js starts: a worker whose script is missing fails
 * inside tesseract.js with an event that says nothing, and a missing model fails only after the
 * core has loaded. A page opened from file:// cannot read its own folder, so it fails here too.
 */
export async function browserOcrPaths(languages: readonly string[], assets: OcrAssets | undefined): Promise<TesseractPaths> {
  if (languages.length === 0 || languages.some((l) => !/^[a-z_]{3,12}$/.test(l))) {
    throw browserOcrUnavailable(`ocrLanguages must be tesseract language codes such as "swe", got ${JSON.stringify(languages)}.`);
  }
  const base = pageUrl();
  let paths: TesseractPaths;
  try {
    if (typeof assets === "string" || assets instanceof URL || assets === undefined) {
      const folder = new URL(folderOf(String(assets ?? DEFAULT_OCR_ASSETS)), base);
      paths = { workerPath: new URL(WORKER_FILE, folder).href, corePath: folder.href, langPath: folder.href };
    } else {
      paths = {
        workerPath: new URL(String(assets.workerPath), base).href,
        corePath: new URL(folderOf(String(assets.corePath)), base).href,
        langPath: new URL(folderOf(String(assets.langPath)), base).href,
      };
    }
  } catch (error) {
    throw browserOcrUnavailable(`the ocrAssets option is not a URL (${error instanceof Error ? error.message : String(error)}).`, error);
  }
  const wanted = [
    paths.workerPath,
    ...OCR_CORE_FILES.map((file) => new URL(file, paths.corePath).href),
    ...languages.map((language) => new URL(`${language}.traineddata.gz`, paths.langPath).href),
  ];
  const missing: string[] = [];
  for (const url of wanted) {
    if (!(await reachable(url))) missing.push(url);
  }
  if (missing.length > 0) {
    const fromFile = base.startsWith("file:");
    throw browserOcrUnavailable(
      fromFile
        ? `a page opened from file:// cannot load tesseract.js's worker, core and model (${missing[0]}); serve the page over http(s), even from 127.0.0.1.`
        : `tesseract.js's files were not found: ${missing.join(", ")}.`,
      undefined,
      languages.find((language) => missing.some((url) => url.endsWith(`/${language}.traineddata.gz`))),
    );
  }
  // tesseract.js appends the file names to these itself, without a slash.
  return { workerPath: paths.workerPath, corePath: paths.corePath.replace(/\/$/, ""), langPath: paths.langPath.replace(/\/$/, "") };
}

function folderOf(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

/** The page's (or the Web Worker's) own URL, against which relative asset paths resolve. */
function pageUrl(): string {
  const scope = globalThis as { document?: { baseURI?: string }; location?: { href?: string } };
  return scope.document?.baseURI ?? scope.location?.href ?? "";
}

/** A HEAD request: cheap, and a static server answers it; a server that refuses HEAD is given the benefit of the doubt. */
async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: "HEAD", cache: "no-store" });
    return response.ok || response.status === 405 || response.status === 501;
  } catch {
    return false;
  }
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: "2d", options?: { willReadFrequently?: boolean }): unknown;
}

/**
 * The canvas pdf.js draws a page into for OCR. In Node: the document's own canvasFactory
 * (@napi-rs/canvas, which pdf.js loads itself). In a browser: see browserCanvasFactory.
 */
export function ocrCanvasFactory(documentFactory: CanvasFactory | undefined): CanvasFactory | undefined {
  const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
  return inNode ? documentFactory : (browserCanvasFactory() ?? documentFactory);
}

/**
 * The canvas a page is drawn into for OCR in a browser: an OffscreenCanvas where there is one (no DOM
 * needed, so it works inside a Web Worker too), else a DOM canvas. Its pixels are read back
 * once, hence willReadFrequently (the CPU-backed canvas, no GPU read-back).
 */
export function browserCanvasFactory(): CanvasFactory | undefined {
  const scope = globalThis as {
    OffscreenCanvas?: new (width: number, height: number) => CanvasLike;
    document?: { createElement(tag: "canvas"): CanvasLike };
  };
  const make = scope.OffscreenCanvas
    ? (width: number, height: number) => new scope.OffscreenCanvas!(width, height)
    : scope.document
      ? (width: number, height: number) => Object.assign(scope.document!.createElement("canvas"), { width, height })
      : null;
  if (!make) return undefined;
  return {
    create(width, height) {
      const canvas = make(width, height);
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) throw new Error("the browser gave no 2D context");
      return { canvas, context };
    },
    destroy({ canvas }) {
      // Zero-sized, the canvas gives its pixel memory back before it is collected.
      (canvas as CanvasLike).width = 0;
      (canvas as CanvasLike).height = 0;
    },
  };
}

/**
 * pdf.js's own CanvasFactory where a browser has no DOM (a Web Worker): its default makes the
 * scratch canvases it draws through (an image scaled down, a mask, a pattern) with
 * `document.createElement`, which fails there. Undefined where pdf.js's default works.
 */
export function domlessCanvasFactory(): (new (options: object) => CanvasFactory & { reset(target: CanvasAndContext, width: number, height: number): void }) | undefined {
  const scope = globalThis as { OffscreenCanvas?: new (width: number, height: number) => CanvasLike; document?: unknown };
  const Offscreen = scope.OffscreenCanvas;
  if (scope.document !== undefined || !Offscreen) return undefined;
  return class OffscreenCanvasFactory {
    create(width: number, height: number): CanvasAndContext {
      if (width <= 0 || height <= 0) throw new Error("Invalid canvas size");
      const canvas = new Offscreen(width, height);
      return { canvas, context: canvas.getContext("2d", { willReadFrequently: true }) };
    }

    reset(target: CanvasAndContext, width: number, height: number): void {
      if (width <= 0 || height <= 0) throw new Error("Invalid canvas size");
      (target.canvas as CanvasLike).width = width;
      (target.canvas as CanvasLike).height = height;
    }

    destroy(target: CanvasAndContext): void {
      (target.canvas as CanvasLike).width = 0;
      (target.canvas as CanvasLike).height = 0;
      target.canvas = null;
      target.context = null;
    }
  };
}

/** A canvas and its 2D context, as pdf.js passes them around. */
export interface CanvasAndContext {
  canvas: unknown;
  context: unknown;
}
