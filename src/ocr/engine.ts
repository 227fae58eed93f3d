/**
 * The OCR engine: tesseract.js 7 with the language models of the installed
 * @tesseract.js-data packages. Everything is loaded on first use (dynamic
 * import), from node_modules: tesseract.js runs its wasm core from
 * tesseract.js-core in its own worker thread, and the models are read from
 * their packages' folders (models.ts), so nothing is fetched. One engine per document read; it
 * holds no state outside itself, so it works the same on the main thread and
 * inside a worker thread.
 */
import { OcrUnavailableError } from "../errors.js";
import { modelFolder } from "./models.js";
import type { OcrBlock } from "./words.js";

export interface OcrEngine {
  /** Read one page image (any format Leptonica reads; here PGM). */
  recognize(image: Uint8Array): Promise<{ blocks: OcrBlock[] | null }>;
  close(): Promise<void>;
}

/** tesseract's LSTM_ONLY engine, which those models need. */
const OEM_LSTM_ONLY = 1;

export async function startOcrEngine(languages: readonly string[]): Promise<OcrEngine> {
  if (typeof process === "undefined" || !process.versions?.node) {
    throw new OcrUnavailableError("OCR runs in Node only in this version; in a browser, OCR the file first.");
  }
  let createWorker: (typeof import("tesseract.js"))["createWorker"];
  try {
    const tesseract = (await import("tesseract.js")) as typeof import("tesseract.js") & { default?: typeof import("tesseract.js") };
    createWorker = tesseract.createWorker ?? tesseract.default?.createWorker;
  } catch (error) {
    throw new OcrUnavailableError("tesseract.js is not installed.", error);
  }
  const models = await modelFolder(languages);
  let worker: Awaited<ReturnType<typeof createWorker>>;
  try {
    const langPath = models.path;
    worker = await createWorker([...new Set(languages)].join("+"), OEM_LSTM_ONLY, { langPath, gzip: true, cacheMethod: "none" });
  } catch (error) {
    throw new OcrUnavailableError(`tesseract.js could not start with the model(s) of ${languages.join("+")}.`, error);
  } finally {
    // The worker has read the models into its own memory.
    await models.dispose();
  }
  return {
    async recognize(image) {
      const { data } = await worker.recognize(image as unknown as Buffer, {}, { blocks: true, text: false, hocr: false, tsv: false });
      return { blocks: data.blocks as unknown as OcrBlock[] | null };
    },
    close: () => worker.terminate().then(() => undefined, () => undefined),
  };
}
