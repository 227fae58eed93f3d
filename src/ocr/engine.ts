/**
 * The OCR engine: tesseract.js 7 with the language models of the installed
 * @tesseract.js-data packages. Everything is loaded on first use (dynamic
 * import). In Node, from node_modules: tesseract.js runs its wasm core from
 * tesseract.js-core in its own worker thread, and the model is read from the
 * package folder, so nothing is fetched. In a browser, tesseract.js runs in a
 * Web Worker from the files the app ships beside itself (never a CDN). One
 * engine per document read; it holds no state outside itself, so it works the
 * same on the main thread and inside a worker thread.
 */
import { OcrUnavailableError } from "../errors.js";
import { moduleLocation, nodeBuiltin } from "../pdf/pdfjs.js";
import { browserOcrPaths, browserOcrUnavailable, type OcrAssets } from "./browser.js";
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

/**
 * The platform seam: in Node the model is read from the installed package's folder, and
 * tesseract.js finds its worker and core itself; in a browser all three are URLs of files
 * the app ships (`assets`, see ./browser.ts), checked before the worker starts.
 */
export async function startOcrEngine(languages: readonly string[], assets?: OcrAssets): Promise<OcrEngine> {
  const inNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
  const paths = inNode ? { langPath: await modelFolder(languages) } : await browserOcrPaths(languages, assets);
  let createWorker: (typeof import("tesseract.js"))["createWorker"];
  try {
    const tesseract = (await import("tesseract.js")) as typeof import("tesseract.js") & { default?: typeof import("tesseract.js") };
    createWorker = tesseract.createWorker ?? tesseract.default?.createWorker;
  } catch (error) {
    throw new OcrUnavailableError("tesseract.js is not installed.", error);
  }
  let worker: Awaited<ReturnType<typeof createWorker>>;
  try {
    // createWorker's promise settles only when its first job fails; a model that fails to load would
    // leave it pending for good, and without an errorHandler the error is also thrown, uncaught.
    let failStart: (reason: unknown) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (failStart = reject));
    failed.catch(() => undefined);
    const options = { ...paths, gzip: true, cacheMethod: "none", errorHandler: (reason: unknown) => failStart(reason) };
    worker = await Promise.race([createWorker([...languages].join("+"), OEM_LSTM_ONLY, options), failed]);
  } catch (error) {
    const reason = `tesseract.js could not start with the model(s) in ${paths.langPath} (${error instanceof Error ? error.message : String(error)}).`;
    throw inNode ? new OcrUnavailableError(reason, error) : browserOcrUnavailable(reason, error);
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
