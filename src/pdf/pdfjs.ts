/**
 * Loading pdf.js without any set-up by the user. The legacy build runs in Node
 * and in browsers; it is imported lazily so that the main entry loads fast and
 * so that the CommonJS bundle can still reach the ESM-only package. In Node
 * pdf.js runs its "fake worker" in this thread; in a browser see browserWorker().
 */
import type * as PdfJs from "pdfjs-dist/legacy/build/pdf.mjs";
import { InvalidInputError, PdfError } from "../errors.js";
import { domlessCanvasFactory } from "../ocr/browser.js";

export type PdfJsModule = typeof PdfJs;
type PdfJsWorker = InstanceType<PdfJsModule["PDFWorker"]>;

let pdfjsPromise: Promise<PdfJsModule> | null = null;

export function loadPdfJs(): Promise<PdfJsModule> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs").catch((error: unknown) => {
    pdfjsPromise = null;
    throw engineError("pdf.js could not be loaded", error);
  });
  return pdfjsPromise;
}

const inNode = typeof process === "object" && typeof process.versions?.node === "string";

function engineError(what: string, cause: unknown): PdfError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PdfError("PDFJS_FAILED", `${what}: ${reason}`, { cause });
}

/** A module Web Worker, typed by what pdf.js uses of it, so that the types need no DOM library. */
export interface PdfWebWorker {
  postMessage(message: unknown, transfer: never): void;
  terminate(): void;
}

/**
 * Where pdf.js does its work in a browser: a module Worker the caller made (or the URL of
 * pdfjs-dist's `legacy/build/pdf.worker.min.mjs`, of the same version), or null for the
 * default, this thread. No effect in Node.
 */
export type PdfWorkerSetting = PdfWebWorker | string | URL | null;

let workerSetting: PdfWorkerSetting = null;
let workerPromise: Promise<PdfJsWorker | undefined> | null = null;
/** A URL setting is handed to pdf.js as its global workerSrc; going back to the default takes it back. */
let workerSrcIsOurs = false;

export function setPdfWorker(worker: PdfWorkerSetting): void {
  const usable = worker === null || typeof worker === "string" || worker instanceof URL || typeof (worker as Partial<PdfWebWorker>)?.postMessage === "function";
  if (!usable) throw new InvalidInputError("setPdfWorker takes a module Worker, the worker script's URL, or null.");
  workerSetting = worker;
  workerPromise = null;
}

/**
 * The pdf.js worker for the next document in a browser (undefined in Node, or where the page
 * set pdf.js's own GlobalWorkerOptions). pdf.js cannot find its worker script inside a bundle,
 * and without one it fails with 'No "GlobalWorkerOptions.workerSrc" specified', so by default
 * the worker's code is imported (a lazy chunk that every bundler makes from a literal import())
 * and run in this thread over a MessageChannel. Its own copy of it, not pdf.js's global
 * `pdfjsWorker` hook: that would turn every other pdf.js on the page (a viewer, another version)
 * to this one.
 */
function browserWorker(pdfjs: PdfJsModule): Promise<PdfJsWorker | undefined> {
  if (inNode) return Promise.resolve(undefined);
  workerPromise ??= startBrowserWorker(pdfjs, workerSetting).catch((error: unknown) => {
    workerPromise = null;
    throw error instanceof PdfError ? error : engineError("pdf.js's worker could not be started", error);
  });
  return workerPromise;
}

async function startBrowserWorker(pdfjs: PdfJsModule, setting: PdfWorkerSetting): Promise<PdfJsWorker | undefined> {
  const verbosity = pdfjs.VerbosityLevel.ERRORS;
  if (typeof setting === "string" || setting instanceof URL) {
    // pdf.js starts the worker from its global workerSrc, and falls back to importing the script here if Worker fails.
    pdfjs.GlobalWorkerOptions.workerSrc = String(setting);
    workerSrcIsOurs = true;
    const worker = new pdfjs.PDFWorker({ verbosity });
    await worker.promise;
    return worker;
  }
  // The caller's Worker: used as it is (pdf.js cannot tell from here whether its script loaded).
  if (setting !== null) return pdfjs.PDFWorker.create({ port: setting as never, verbosity });
  if (workerSrcIsOurs) {
    pdfjs.GlobalWorkerOptions.workerSrc = "";
    workerSrcIsOurs = false;
  }
  if (pdfjs.GlobalWorkerOptions.workerPort || pdfjs.GlobalWorkerOptions.workerSrc) return undefined;
  let handler: { initializeFromPort(port: MessagePort): void };
  try {
    ({ WorkerMessageHandler: handler } = await import("pdfjs-dist/legacy/build/pdf.worker.mjs"));
  } catch (error) {
    throw engineError("pdf.js's worker code could not be loaded", error);
  }
  const channel = new MessageChannel();
  handler.initializeFromPort(channel.port2);
  const worker = pdfjs.PDFWorker.create({ port: channel.port1 as never, verbosity });
  // Listeners added with addEventListener get no messages until their port is started.
  channel.port1.start();
  channel.port2.start();
  await worker.promise;
  return worker;
}

interface AssetUrls {
  standardFontDataUrl?: string;
  cMapUrl?: string;
  wasmUrl?: string;
  iccUrl?: string;
}

let assetsPromise: Promise<AssetUrls> | null = null;

/**
 * Where the installed pdfjs-dist keeps its font, CMap and wasm data. Without
 * them pdf.js cannot decode text in the 14 standard fonts or CJK encodings.
 * Only Node has a file system to point into; in a browser the bundler (or
 * the caller) decides, so nothing is set and pdf.js uses its own defaults.
 */
function pdfJsAssets(): Promise<AssetUrls> {
  assetsPromise ??= resolveNodeAssets().catch(() => ({}));
  return assetsPromise;
}

async function resolveNodeAssets(): Promise<AssetUrls> {
  if (typeof process === "undefined" || !process.versions?.node) return {};
  const { createRequire } = await nodeBuiltin<typeof import("node:module")>("node:module");
  const { dirname, join } = await nodeBuiltin<typeof import("node:path")>("node:path");
  // In the CommonJS build the bundler defines import.meta.url from __filename (tsup's shims).
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("pdfjs-dist/package.json"));
  // pdf.js's Node data factories read these with fs.readFile: plain paths, trailing separator required.
  const dir = (name: string): string => join(root, name) + "/";
  return { standardFontDataUrl: dir("standard_fonts"), cMapUrl: dir("cmaps"), wasmUrl: dir("wasm"), iccUrl: dir("iccs") };
}

/**
 * A Node built-in, imported only when the code runs in Node. The specifier is not a
 * literal, and the comments tell webpack and Vite to leave it alone, so that a browser
 * bundle of this entry does not try (and fail) to resolve "node:" modules.
 */
export function nodeBuiltin<T>(specifier: string): Promise<T> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}

/** This module's own location; in the CommonJS builds tsup's shims define import.meta.url from __filename. */
export function moduleLocation(): string {
  return import.meta.url;
}

/**
 * The getDocument parameters every pdf.js load in this project uses: the
 * installed fonts and CMaps, and the settings that untrusted PDFs call for.
 */
export async function safeDocumentParams(pdfjs: PdfJsModule, bytes: Uint8Array) {
  const worker = await browserWorker(pdfjs);
  const CanvasFactory = inNode ? undefined : domlessCanvasFactory();
  return {
    data: bytes.slice(),
    ...(worker && { worker }),
    ...(await pdfJsAssets()),
    // In a Web Worker: scratch canvases that need no DOM.
    ...(CanvasFactory && { CanvasFactory }),
    // Font programs can carry code; never let pdf.js compile it (CVE-2024-4367).
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
}
