/**
 * The OCR engine: tesseract.js 7 with the language models of the installed
 * @tesseract.js-data packages. Everything is loaded on first use (dynamic
 * import), from node_modules: tesseract.js runs its wasm core from
 * tesseract.js-core in its own worker thread, and the model is read from the
 * package folder, so nothing is fetched. One engine per document read; it
 * holds no state outside itself, so it works the same on the main thread and
 * inside a worker thread.
 */
import { OcrUnavailableError } from "../errors.js";
import { moduleLocation, nodeBuiltin } from "../pdf/pdfjs.js";
import type { OcrBlock } from "./words.js";

export interface OcrEngine {
  /** Read one page image (any format Leptonica reads; here PGM). */
  recognize(image: Uint8Array): Promise<{ blocks: OcrBlock[] | null }>;
  close(): Promise<void>;
}

/** The integer LSTM models: the accurate ones, at the speed of the fast ones. */
const MODEL_FOLDER = "4.0.0_best_int";
/** tesseract's LSTM_ONLY engine, which those models need. */
const OEM_LSTM_ONLY = 1;

export async function startOcrEngine(languages: readonly string[]): Promise<OcrEngine> {
  if (typeof process === "undefined" || !process.versions?.node) {
    throw new OcrUnavailableError("OCR runs in Node only in this version; in a browser, OCR the file first.");
  }
  const langPath = await modelFolder(languages);
  let createWorker: (typeof import("tesseract.js"))["createWorker"];
  try {
    const tesseract = (await import("tesseract.js")) as typeof import("tesseract.js") & { default?: typeof import("tesseract.js") };
    createWorker = tesseract.createWorker ?? tesseract.default?.createWorker;
  } catch (error) {
    throw new OcrUnavailableError("tesseract.js is not installed.", error);
  }
  let worker: Awaited<ReturnType<typeof createWorker>>;
  try {
    worker = await createWorker([...languages].join("+"), OEM_LSTM_ONLY, { langPath, gzip: true, cacheMethod: "none" });
  } catch (error) {
    throw new OcrUnavailableError(`tesseract.js could not start with the model(s) in ${langPath}.`, error);
  }
  return {
    async recognize(image) {
      const { data } = await worker.recognize(image as unknown as Buffer, {}, { blocks: true, text: false, hocr: false, tsv: false });
      return { blocks: data.blocks as unknown as OcrBlock[] | null };
    },
    close: () => worker.terminate().then(() => undefined, () => undefined),
  };
}

/**
 * The folder of the installed model(s). tesseract.js reads every language of a
 * worker from one folder, so several languages must resolve to one folder.
 */
async function modelFolder(languages: readonly string[]): Promise<string> {
  if (languages.length === 0 || languages.some((l) => !/^[a-z_]{3,12}$/.test(l))) {
    throw new OcrUnavailableError(`ocrLanguages must be tesseract language codes such as "swe", got ${JSON.stringify(languages)}.`);
  }
  const { createRequire } = await nodeBuiltin<typeof import("node:module")>("node:module");
  const { dirname, join } = await nodeBuiltin<typeof import("node:path")>("node:path");
  const require = createRequire(moduleLocation());
  const folders = new Set<string>();
  for (const language of languages) {
    try {
      folders.add(join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), MODEL_FOLDER));
    } catch (error) {
      throw new OcrUnavailableError(`The OCR model for "${language}" (@tesseract.js-data/${language}) is not installed.`, error, language);
    }
  }
  if (folders.size > 1) {
    throw new OcrUnavailableError(`tesseract.js reads all languages of one worker from one folder; OCR with ${languages.join("+")} is not supported yet, use one language.`);
  }
  return [...folders][0] as string;
}
