/**
 * The OCR engine: tesseract.js 7 with the language models of the installed
 * @tesseract.js-data packages. Everything is loaded on first use (dynamic
 * import). In Node, from node_modules: tesseract.js runs its wasm core from
 * tesseract.js-core in its own worker thread, and the models are read from
 * their packages' folders (models.ts), so nothing is fetched. In a browser,
 * tesseract.js runs in a Web Worker from the files the app ships beside itself
 * (never a CDN). An engine holds no state outside itself, so it works the
 * same on the main thread and inside a worker thread; who keeps it for how
 * long is ./shared.ts's business.
 */
import { OcrUnavailableError, PdfError } from "../errors.js";
import { browserOcrPaths, browserOcrUnavailable, type OcrAssets } from "./browser.js";
import { modelFolder, type ModelFolder } from "./models.js";
import type { OcrBlock } from "./words.js";

export interface OcrEngine {
  /**
   * Read one page image (any format Leptonica reads; here PGM). Rejects with EXTRACTION_CRASHED
   * when tesseract.js fails the job or its worker dies; the engine is then no longer usable.
   */
  recognize(image: Uint8Array): Promise<{ blocks: OcrBlock[] | null }>;
  /** False once the engine was closed or its worker died: a kept engine is then replaced. */
  alive(): boolean;
  close(): Promise<void>;
}

/** Starts an engine: {@link startOcrEngine}, or a stand-in in tests. */
export type StartOcrEngine = (languages: readonly string[], assets?: OcrAssets) => Promise<OcrEngine>;

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
  // A job in flight when the worker dies never settles by itself: its death ends it.
  let dead: string | null = null;
  let died: (reason: unknown) => void = () => undefined;
  const death = new Promise<never>((_, reject) => (died = reject));
  death.catch(() => undefined);
  const die = (why: string) => {
    dead ??= why;
    died(new Error(why));
  };
  onWorkerDeath((worker as { worker?: unknown }).worker, die);
  return {
    async recognize(image) {
      try {
        // tesseract.js would post to a worker it has let go, and that rejection reaches nobody.
        if (dead !== null) throw new Error(dead);
        const job = worker.recognize(image as unknown as Buffer, {}, { blocks: true, text: false, hocr: false, tsv: false });
        const { data } = await Promise.race([job, death]);
        return { blocks: data.blocks as unknown as OcrBlock[] | null };
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new PdfError("EXTRACTION_CRASHED", `tesseract.js failed while reading a page by OCR (${why}); the next document starts a new OCR engine.`, { cause: error });
      }
    },
    alive: () => dead === null,
    close: () => {
      // A job still in flight would otherwise never settle (terminating a Web Worker fires no event).
      die("the OCR engine was closed");
      return worker.terminate().then(() => undefined, () => undefined);
    },
  };
}

/**
 * Calls `dead` when tesseract.js's own worker dies after it started: a Web Worker's error event (an
 * error its script did not catch), a Node worker thread's error or exit. tesseract.js itself only
 * listens while the worker starts, so a later death would leave a job pending for good.
 */
function onWorkerDeath(worker: unknown, dead: (why: string) => void): void {
  const target = worker as {
    addEventListener?: (type: "error", listener: (event: { message?: string }) => void) => void;
    on?: (type: "error" | "exit", listener: (detail: unknown) => void) => void;
  } | null;
  if (typeof target?.on === "function") {
    target.on("error", (error) => dead(`its worker thread failed: ${error instanceof Error ? error.message : String(error)}`));
    target.on("exit", (code) => dead(`its worker thread exited with code ${String(code)}`));
  } else if (typeof target?.addEventListener === "function") {
    target.addEventListener("error", (event) => dead(`its Web Worker failed: ${event.message || "no message"}`));
  }
}
