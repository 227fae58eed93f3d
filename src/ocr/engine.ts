/**
 * The OCR engine: tesseract.js 7 with the language models of the installed
 * @tesseract.js-data packages. Everything is loaded on first use (dynamic
 * import). In Node, from node_modules: tesseract.js runs its wasm core from
 * tesseract.js-core in its own worker thread, and the models are read from
 * their packages' folders (models.ts), so nothing is fetched. In a browser,
 * tesseract.js runs in a Web Worker from the files the app ships beside itself
 * (never a CDN). One engine per document read; it holds no state outside
 * itself, so it works the same on the main thread and inside a worker thread.
 */
import { OcrUnavailableError } from "../errors.js";
import { browserOcrPaths, browserOcrUnavailable, type OcrAssets } from "./browser.js";
import { modelFolder, type ModelFolder } from "./models.js";
import type { OcrBlock } from "./words.js";

export interface OcrEngine {
  /** Read one page image (any format Leptonica reads; here PGM). */
  recognize(image: Uint8Array): Promise<{ blocks: OcrBlock[] | null }>;
  close(): Promise<void>;
}

/** tesseract's LSTM_ONLY engine, which those models need. */
const OEM_LSTM_ONLY = 1;

/**
 * The platform seam: in Node the models are read from the installed packages' folders, and
 * tesseract.js finds its worker and core itself; in a browser all three are URLs of files
 * the app ships (`assets`, see ./browser.ts), checked before the worker starts.
 */
export async function startOcrEngine(languages: readonly string[], assets?: OcrAssets): Promise<OcrEngine> {
  const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
  let createWorker: (typeof import("tesseract.js"))["createWorker"];
  try {
    const tesseract = (await import("tesseract.js")) as typeof import("tesseract.js") & { default?: typeof import("tesseract.js") };
    createWorker = tesseract.createWorker ?? tesseract.default?.createWorker;
  } catch (error) {
    throw new OcrUnavailableError("tesseract.js is not installed.", error);
  }
  const models: ModelFolder | null = inNode ? await modelFolder(languages) : null;
  const paths = models ? { langPath: models.path } : await browserOcrPaths(languages, assets);
  let worker: Awaited<ReturnType<typeof createWorker>>;
  try {
    // createWorker's promise settles only when its first job fails; a model that fails to load would
    // leave it pending for good, and without an errorHandler the error is also thrown, uncaught.
    let failStart: (reason: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (failStart = reject));
    failed.catch(() => undefined);
    const options = { ...paths, gzip: true, cacheMethod: "none", errorHandler: (reason: unknown) => failStart(reason) };
    worker = await Promise.race([createWorker([...new Set(languages)].join("+"), OEM_LSTM_ONLY, options), failed]);
  } catch (error) {
    const reason = `tesseract.js could not start with the model(s) of ${languages.join("+")} in ${paths.langPath} (${error instanceof Error ? error.message : String(error)}).`;
    throw inNode ? new OcrUnavailableError(reason, error) : browserOcrUnavailable(reason, error);
  } finally {
    // The worker has read the models into its own memory.
    await models?.dispose();
  }
  return {
    async recognize(image) {
      const { data } = await worker.recognize(image as unknown as Buffer, {}, { blocks: true, text: false, hocr: false, tsv: false });
      return { blocks: data.blocks as unknown as OcrBlock[] | null };
    },
    close: () => worker.terminate().then(() => undefined, () => undefined),
  };
}
