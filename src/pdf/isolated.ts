/**
 * Extraction where it cannot hurt the caller. In Node, pdf.js runs in a small
 * pool of worker threads (src/pdf/worker.ts, built next to this file as
 * pdf-worker.js / pdf-worker.cjs), so that
 * - a PDF that keeps pdf.js busy past the budget is stopped: the worker is
 *   terminated and the call rejects with TIME_LIMIT_EXCEEDED on time, even when
 *   pdf.js never yields;
 * - a failure outside any awaited promise (pdf.js's unhandled rejections on
 *   damaged files) or a dead worker costs that one PDF EXTRACTION_CRASHED, and
 *   the next PDF gets a fresh worker;
 * - idle workers are unref'd and close after a while, so a script that parsed
 *   something still exits by itself.
 * Elsewhere (browsers), or where the worker file is not beside this module (an
 * application bundle that did not copy it), {@link extractText} runs in the
 * calling thread as before.
 */
import type { ResourceLimits, Worker } from "node:worker_threads";
import { Deadline, unref } from "../budget.js";
import { PdfError } from "../errors.js";
import { extractText } from "./index.js";
import { moduleLocation, nodeBuiltin } from "./pdfjs.js";
import { reviveError, type ExtractReply } from "./protocol.js";
import type { PdfOptions, PdfText } from "./types.js";

/** An idle worker is closed after this long: it holds pdf.js and its caches (tens of MB). */
const IDLE_CLOSE_MS = 5_000;
/** Workers at most; concurrent calls beyond that wait their turn (on their own budget). */
const MAX_WORKERS = 4;

export interface ExtractOptions {
  maxPages: number;
  deadline: Deadline;
  /** OCR settings, passed on to {@link extractText} (defaults there). */
  ocr?: OcrOptions;
}

/** What of {@link PdfOptions} concerns OCR. */
export type OcrOptions = Pick<PdfOptions, "ocr" | "ocrLanguages" | "ocrMsPerPage" | "ocrAssets">;

/** Read the PDF's text in a worker where there can be one, else in this thread. */
export async function extract(bytes: Uint8Array, options: ExtractOptions): Promise<PdfText> {
  const pool = await sharedPool();
  if (pool) return pool.extract(bytes, options);
  return extractText(
    ownCopy(bytes),
    { ...options.ocr, maxPages: options.maxPages, timeoutMs: options.deadline.remaining() },
    { extend: (ms) => options.deadline.extend(ms) },
  );
}

/**
 * A plain Uint8Array over a buffer of its own. A Node Buffer's slice() is a view into
 * the same (often shared) memory, and pdf.js refuses Buffers; the copy's buffer can
 * be handed over whole.
 */
function ownCopy(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

export interface PoolOptions {
  /** The worker script: src/pdf/worker.ts as built. */
  workerUrl: URL;
  size: number;
  idleMs: number;
  /** Heap limits per worker; inside a worker thread, those of that thread. */
  resourceLimits?: ResourceLimits;
}

type WorkerClass = typeof Worker;

interface Task {
  id: number;
  bytes: Uint8Array;
  maxPages: number;
  ocr: OcrOptions;
  deadline: Deadline;
  resolve: (pdf: PdfText) => void;
  reject: (error: unknown) => void;
  cancelTimer: () => void;
  slot: Slot | null;
  done: boolean;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
  gone: boolean;
}

/** Worker threads that read PDFs, one PDF per worker at a time, each call under its own deadline. */
export class ExtractionPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  /** Workers started so far (tests and the bench read it). */
  started = 0;

  constructor(
    private readonly WorkerCtor: WorkerClass,
    private readonly options: PoolOptions,
  ) {}

  /** Workers alive now, busy or idle. */
  get size(): number {
    return this.slots.size;
  }

  extract(bytes: Uint8Array, { maxPages, deadline, ocr = {} }: ExtractOptions): Promise<PdfText> {
    return new Promise<PdfText>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        // The worker's own copy, whose buffer moves to it instead of being cloned.
        bytes: ownCopy(bytes),
        maxPages,
        ocr,
        deadline,
        resolve,
        reject,
        cancelTimer: deadline.onExpiry(() => this.expire(task)),
        slot: null,
        done: false,
      };
      this.queue.push(task);
      this.pump();
    });
  }

  /** Stop every worker now; calls in flight reject with EXTRACTION_CRASHED. */
  async close(): Promise<void> {
    const workers = [...this.slots].map((slot) => slot.worker);
    for (const task of [...this.queue]) this.settle(task, () => task.reject(crashed("the extraction pool was closed")));
    for (const slot of [...this.slots]) this.retire(slot, "the extraction pool was closed");
    await Promise.all(workers.map((worker) => worker.terminate().catch(() => undefined)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot: Slot | null;
      try {
        slot = this.idleSlot() ?? (this.slots.size < this.options.size ? this.spawn() : null);
      } catch (error) {
        // No thread could be started (out of resources, a missing worker file): the PDF next in line fails typed.
        const task = this.queue[0]!;
        this.settle(task, () => task.reject(crashed(`no extraction worker could be started: ${error instanceof Error ? error.message : String(error)}`)));
        continue;
      }
      if (!slot) return;
      this.run(slot, this.queue.shift()!);
    }
  }

  private idleSlot(): Slot | null {
    for (const slot of this.slots) if (slot.task === null) return slot;
    return null;
  }

  private spawn(): Slot {
    const worker = new this.WorkerCtor(this.options.workerUrl, {
      // The caller's flags (loaders, inspectors, --unhandled-rejections) are not the worker's business.
      execArgv: [],
      ...(this.options.resourceLimits && { resourceLimits: this.options.resourceLimits }),
    });
    this.started++;
    const slot: Slot = { worker, task: null, idleTimer: null, gone: false };
    this.slots.add(slot);
    worker.on("message", (reply: ExtractReply) => this.answer(slot, reply));
    worker.on("messageerror", (error: Error) => this.retire(slot, `its answer could not be read (${error.message})`));
    worker.on("error", (error: Error & { code?: string }) =>
      this.retire(slot, error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "it ran out of memory" : `${error.name}: ${error.message}`),
    );
    worker.on("exit", (code) => this.retire(slot, `it exited with code ${code}`));
    return slot;
  }

  private run(slot: Slot, task: Task): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.task = task;
    task.slot = slot;
    // Busy, the worker keeps the process alive: whoever awaits this call gets its answer.
    slot.worker.ref();
    const { bytes } = task;
    slot.worker.postMessage(
      { id: task.id, bytes, options: { ...task.ocr, maxPages: task.maxPages, timeoutMs: task.deadline.remaining() } },
      [bytes.buffer as ArrayBuffer],
    );
  }

  private answer(slot: Slot, reply: ExtractReply): void {
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    if ("extendMs" in reply) {
      task.deadline.extend(reply.extendMs);
      return;
    }
    if (reply.ok) {
      this.settle(task, () => task.resolve(reply.pdf));
    } else {
      // The worker's clock ran on what was left of the budget; the caller's message names the whole of it.
      const error = reply.error.code === "TIME_LIMIT_EXCEEDED" ? task.deadline.error("reading the PDF") : reviveError(reply.error);
      this.settle(task, () => task.reject(error));
    }
    // A worker that answered, even with an error, is kept: a cold start costs more than most PDFs.
    // If pdf.js's state in it was left broken, the next PDF fails typed and gets a fresh worker.
    // EXTRACTION_CRASHED is the worker's last word before it exits: it never takes another PDF.
    if (!reply.ok && reply.error.code === "EXTRACTION_CRASHED") this.retire(slot, "it crashed");
    else this.release(slot);
  }

  private release(slot: Slot): void {
    slot.task = null;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => this.retire(slot, "idle"), this.options.idleMs);
    unref(slot.idleTimer);
    this.pump();
  }

  /** Throw the worker away; the PDF it was reading, if any, fails with EXTRACTION_CRASHED. */
  private retire(slot: Slot, why: string): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const task = slot.task;
    slot.task = null;
    if (task) this.settle(task, () => task.reject(crashed(`the extraction worker stopped: ${why}`)));
    void slot.worker.terminate().catch(() => undefined);
    this.pump();
  }

  /** The deadline passed: stop the worker if the task has one, and answer now. */
  private expire(task: Task): void {
    const slot = task.slot;
    this.settle(task, () => task.reject(task.deadline.error("reading the PDF")));
    if (slot) this.retire(slot, "out of time");
  }

  /** Answer a task once, and take it out of the queue or off its worker. */
  private settle(task: Task, answer: () => void): void {
    if (task.done) return;
    task.done = true;
    task.cancelTimer();
    if (task.slot?.task === task) task.slot.task = null;
    task.slot = null;
    const queued = this.queue.indexOf(task);
    if (queued >= 0) this.queue.splice(queued, 1);
    answer();
  }
}

function crashed(why: string): PdfError {
  return new PdfError("EXTRACTION_CRASHED", `pdf.js could not finish reading this PDF (${why}); the PDF is probably damaged.`);
}

// --- The pool every parse shares -----------------------------------------------------------------

interface Settings {
  /** Where the worker script is; by default next to this module. */
  workerUrl?: URL;
  idleMs?: number;
  size?: number;
}

let settings: Settings = {};
let poolPromise: Promise<ExtractionPool | null> | null = null;

/**
 * Point the shared pool at a worker script or change its limits (tests run from
 * source, where the worker is built for them). Closes the current pool.
 */
export async function configureExtraction(next: Settings): Promise<void> {
  const old = poolPromise;
  poolPromise = null;
  settings = next;
  await (await old)?.close();
}

/** The shared pool, or null where extraction runs in this thread. */
export function sharedPool(): Promise<ExtractionPool | null> {
  poolPromise ??= createPool().catch(() => null);
  return poolPromise;
}

async function createPool(): Promise<ExtractionPool | null> {
  if (typeof process === "undefined" || !process.versions?.node) return null;
  const threads = await nodeBuiltin<typeof import("node:worker_threads")>("node:worker_threads");
  const { existsSync } = await nodeBuiltin<typeof import("node:fs")>("node:fs");
  const { pathToFileURL, fileURLToPath } = await nodeBuiltin<typeof import("node:url")>("node:url");
  const { availableParallelism } = await nodeBuiltin<typeof import("node:os")>("node:os");
  const workerUrl = settings.workerUrl ?? besideThisModule(pathToFileURL);
  if (!workerUrl || !existsSync(fileURLToPath(workerUrl))) return null;
  // In a worker with a heap limit (the CLI's), pdf.js's worker gets the same limit; zero means "not set".
  const inherited = Object.fromEntries(Object.entries(threads.isMainThread ? {} : threads.resourceLimits).filter(([, value]) => value > 0));
  return new ExtractionPool(threads.Worker, {
    workerUrl,
    size: settings.size ?? Math.max(1, Math.min(MAX_WORKERS, availableParallelism())),
    idleMs: settings.idleMs ?? IDLE_CLOSE_MS,
    ...(Object.keys(inherited).length > 0 && { resourceLimits: inherited }),
  });
}

/** pdf-worker.js next to the ESM build, pdf-worker.cjs next to the CommonJS one; none from source. */
function besideThisModule(pathToFileURL: (path: string) => URL): URL | null {
  const here = moduleLocation();
  const base = here.startsWith("file:") ? new URL(here) : pathToFileURL(here);
  if (/\.ts$/.test(base.pathname)) return null;
  return new URL(/\.cjs$/.test(base.pathname) ? "./pdf-worker.cjs" : "./pdf-worker.js", base);
}
