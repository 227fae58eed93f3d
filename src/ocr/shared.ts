/**
 * Who keeps an OCR engine, and for how long. Starting tesseract.js costs its
 * worker, its wasm core and the language model (seconds in a browser, tens of
 * MB), so in a browser one engine per language set and ocrAssets is kept
 * across documents: started on the first page that needs OCR, shared by every
 * document read after (or at the same time), until {@link releaseOcr}. In
 * Node each document read starts its own and closes it at the end: extraction
 * runs in worker threads that are terminated on a timeout and closed when
 * idle, and a kept tesseract.js thread would hold a script's process open.
 *
 * A shared engine reads one page at a time, in the order the documents ask.
 * A job that fails, or whose document gives up on it (its time budget ended),
 * costs the engine: it is closed, and the next job starts a new one.
 */
import { DEFAULT_OCR_ASSETS, type OcrAssets } from "./browser.js";
import type { OcrEngine, StartOcrEngine } from "./engine.js";

/** One document's use of an engine: close() ends it, also while the engine is still starting. */
export interface EngineLease extends OcrEngine {
  /** Resolves once the engine is up; a start that failed rejects here (OCR_UNAVAILABLE). */
  ready(): Promise<void>;
}

/** Where a document's reading gets its engine. */
export interface EngineSource {
  /** The engine for one document; it starts (or is joined) on the lease's first ready() or recognize(). */
  acquire(languages: readonly string[], assets: OcrAssets | undefined): EngineLease;
}

/** Node: every document starts its own engine and closes it. */
export function ownEngines(start: StartOcrEngine): EngineSource {
  return {
    acquire(languages, assets) {
      let engine: Promise<OcrEngine> | null = null;
      let up: OcrEngine | null = null;
      const started = () => (engine ??= start(languages, assets).then((e) => (up = e)));
      return {
        ready: async () => void (await started()),
        alive: () => up?.alive() ?? true,
        recognize: async (image) => (await started()).recognize(image),
        async close() {
          if (up) return up.close();
          // Still starting when the budget ended: closed once up, not waited for.
          void engine?.then((e) => e.close(), () => undefined);
        },
      };
    },
  };
}

/** Browsers: engines kept across documents, one per language set and assets. */
export class SharedEngines implements EngineSource {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly start: StartOcrEngine) {}

  acquire(languages: readonly string[], assets: OcrAssets | undefined): EngineLease {
    const key = `${[...new Set(languages)].join("+")}\n${JSON.stringify(assets ?? DEFAULT_OCR_ASSETS)}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = new Slot(() => this.start(languages, assets));
      this.slots.set(key, slot);
    }
    return slot.lease();
  }

  /**
   * Close every engine; the next document that needs OCR starts a new one. Documents being read
   * now finish with the engine they have, which closes after them; resolves once all are closed.
   */
  async release(): Promise<void> {
    const slots = [...this.slots.values()];
    this.slots.clear();
    await Promise.all(slots.map((slot) => slot.release()));
  }
}

/** One language set's engine (the one now, or the next once it failed) and its queue of jobs. */
class Slot {
  private engine: Promise<OcrEngine> | null = null;
  /** The engine's start has ended; it is `running`. */
  private up = false;
  private running: OcrEngine | null = null;
  /** Settles when the job before the next one has ended (or its document gave up on it). */
  private turn: Promise<unknown> = Promise.resolve();
  /** Leases not yet closed. */
  private users = 0;
  /** Set by release(): the engine closes once its last document is done. */
  private retired: (() => void) | null = null;

  constructor(private readonly start: () => Promise<OcrEngine>) {}

  /**
   * The engine, started on first need; a failed start is forgotten, so the next need tries again,
   * and so is an engine whose worker died while no page was being read.
   */
  current(): Promise<OcrEngine> {
    if (this.engine && this.running && !this.running.alive()) this.discard(this.engine);
    if (this.engine) return this.engine;
    const starting = this.start();
    this.engine = starting;
    this.up = false;
    starting.then(
      (engine) => {
        if (this.engine !== starting) return;
        this.up = true;
        this.running = engine;
      },
      () => void (this.engine === starting && (this.engine = null)),
    );
    return starting;
  }

  /** Close this engine (once it is up) and forget it, unless a newer one already replaced it. */
  discard(engine: Promise<OcrEngine>): void {
    if (this.engine === engine) {
      this.engine = null;
      this.running = null;
    }
    void engine.then((e) => e.close(), () => undefined);
  }

  lease(): EngineLease {
    this.users++;
    let closed = false;
    let giveUp: () => void = () => undefined;
    const gaveUp = new Promise<void>((resolve) => (giveUp = resolve));
    /** The engine this lease's job is on, from its turn until it ends. */
    let busy: Promise<OcrEngine> | null = null;
    return {
      ready: async () => {
        await this.current();
      },
      alive: () => this.running?.alive() ?? true,
      recognize: (image) => {
        const before = this.turn;
        const job = before.then(async () => {
          if (closed) throw new Error("the document gave up before its turn");
          const engine = this.current();
          busy = engine;
          try {
            return await (await engine).recognize(image);
          } catch (error) {
            this.discard(engine);
            throw error;
          } finally {
            busy = null;
          }
        });
        // The next job waits for this one, or only until this document gives up on it (this one's turn having come).
        this.turn = before.then(() => Promise.race([job, gaveUp])).catch(() => undefined);
        return job;
      },
      close: async () => {
        if (closed) return;
        closed = true;
        this.users--;
        giveUp();
        // A job still running is nobody's now, and a worker cannot be interrupted: the engine goes.
        if (busy) this.discard(busy);
        // A start nobody waits for any more may never end (a stalled server): not kept either.
        else if (this.engine && !this.up && this.users === 0) this.discard(this.engine);
        if (this.retired && this.users === 0) this.retired();
      },
    };
  }

  async release(): Promise<void> {
    if (this.users > 0) await new Promise<void>((resolve) => (this.retired = resolve));
    const engine = this.engine;
    this.engine = null;
    this.running = null;
    await engine?.then((e) => e.close(), () => undefined);
  }
}
