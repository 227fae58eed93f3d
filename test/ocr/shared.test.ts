/**
 * The browser's OCR engine cache (src/ocr/shared.ts) without a browser: engines are stand-ins
 * whose starts and jobs the test settles by hand, so every interleaving of two documents is
 * driven step by step. test/browser runs the real cache with tesseract.js in Chromium.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OcrUnavailableError, PdfError } from "../../src/errors.js";
import type { OcrEngine } from "../../src/ocr/engine.js";
import { ownEngines, SharedEngines } from "../../src/ocr/shared.js";

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A stand-in engine: each recognize() is a job the test settles; it records overlaps and closing. */
class FakeEngine implements OcrEngine {
  readonly jobs: { image: number; done: Deferred<{ blocks: null }>; open: boolean }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  closed = false;

  constructor(readonly languages: string) {}

  recognize(image: Uint8Array): Promise<{ blocks: null }> {
    if (this.closed) return Promise.reject(new PdfError("EXTRACTION_CRASHED", "closed"));
    const job = { image: image[0] as number, done: deferred<{ blocks: null }>(), open: true };
    this.jobs.push(job);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    return job.done.promise.finally(() => {
      job.open = false;
      this.inFlight--;
    });
  }

  /** Set when the stand-in's worker "died" while no page was being read. */
  dead = false;

  alive(): boolean {
    return !this.closed && !this.dead;
  }

  async close(): Promise<void> {
    this.closed = true;
    // As the real engine does: a job in flight fails rather than hangs.
    for (const job of this.jobs) job.done.reject(new PdfError("EXTRACTION_CRASHED", "closed"));
  }

  /** Finish the job in flight, or fail it as a dying worker does. */
  finish(): void {
    this.jobs.find((j) => j.open)?.done.resolve({ blocks: null });
  }

  crash(): void {
    this.jobs.find((j) => j.open)?.done.reject(new PdfError("EXTRACTION_CRASHED", "its Web Worker failed"));
  }
}

/** Engines started by hand: `starts` holds each start, to be settled with `up()` or `fail()`. */
function stage() {
  const starts: { languages: string; engine: FakeEngine; gate: Deferred<void>; up: boolean }[] = [];
  const engines = new SharedEngines(async (languages) => {
    const start = { languages: languages.join("+"), engine: new FakeEngine(languages.join("+")), gate: deferred<void>(), up: false };
    starts.push(start);
    await start.gate.promise;
    start.up = true;
    return start.engine;
  });
  return { engines, starts };
}

const page = (n: number) => new Uint8Array([n]);
/** Lets every promise callback that can run, run (starts and jobs are settled by the test only). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("one OCR engine kept across documents (browser)", () => {
  it("starts on the first need, serves the next document, and closes only on release", async () => {
    const { engines, starts } = stage();
    const first = engines.acquire(["swe"], undefined);
    expect(starts).toHaveLength(0);
    const ready = first.ready();
    expect(starts).toHaveLength(1);
    starts[0]!.gate.resolve();
    await ready;
    const reading = first.recognize(page(1));
    await settle();
    starts[0]!.engine.finish();
    await reading;
    await first.close();
    expect(starts[0]!.engine.closed).toBe(false);

    const second = engines.acquire(["swe"], undefined);
    await second.ready();
    const again = second.recognize(page(2));
    await settle();
    starts[0]!.engine.finish();
    await again;
    await second.close();
    expect(starts).toHaveLength(1);
    expect(starts[0]!.engine.jobs.map((j) => j.image)).toEqual([1, 2]);

    await engines.release();
    expect(starts[0]!.engine.closed).toBe(true);
    const third = engines.acquire(["swe"], undefined);
    void third.ready();
    expect(starts).toHaveLength(2);
    starts[1]!.gate.resolve();
    await third.close();
  });

  it("keeps one engine per language set and assets", async () => {
    const { engines, starts } = stage();
    const leases = [
      engines.acquire(["swe"], undefined),
      engines.acquire(["swe", "swe"], "ocr/"),
      engines.acquire(["swe", "eng"], undefined),
      engines.acquire(["swe"], "/assets/ocr/"),
    ];
    leases.forEach((lease) => void lease.ready());
    expect(starts.map((s) => s.languages)).toEqual(["swe", "swe+eng", "swe"]);
    starts.forEach((s) => s.gate.resolve());
    await Promise.all(leases.map((lease) => lease.close()));
  });

  it("gives two documents at once one start and runs their pages one at a time, in the order asked", async () => {
    const { engines, starts } = stage();
    const a = engines.acquire(["swe"], undefined);
    const b = engines.acquire(["swe"], undefined);
    const both = Promise.all([a.ready(), b.ready()]);
    expect(starts).toHaveLength(1);
    starts[0]!.gate.resolve();
    await both;
    const engine = starts[0]!.engine;
    const jobs = [a.recognize(page(1)), b.recognize(page(2)), a.recognize(page(3))];
    for (let i = 0; i < 3; i++) {
      await settle();
      expect(engine.inFlight).toBe(1);
      engine.finish();
    }
    await Promise.all(jobs);
    expect(engine.jobs.map((j) => j.image)).toEqual([1, 2, 3]);
    expect(engine.maxInFlight).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it("gives every document waiting on a failed start its typed error, and tries again for the next", async () => {
    const { engines, starts } = stage();
    const a = engines.acquire(["swe"], undefined);
    const b = engines.acquire(["swe"], undefined);
    const waiting = [a.ready(), b.ready()].map((p) => p.catch((e: unknown) => e));
    starts[0]!.gate.reject(new OcrUnavailableError("the files were not found."));
    for (const error of await Promise.all(waiting)) expect(error).toMatchObject({ code: "OCR_UNAVAILABLE" });
    await Promise.all([a.close(), b.close()]);
    const c = engines.acquire(["swe"], undefined);
    const ready = c.ready();
    expect(starts).toHaveLength(2);
    starts[1]!.gate.resolve();
    await ready;
    await c.close();
  });

  it("throws an engine away when its job fails (its worker died): the job after it starts a new one", async () => {
    const { engines, starts } = stage();
    const a = engines.acquire(["swe"], undefined);
    const b = engines.acquire(["swe"], undefined);
    void a.ready();
    starts[0]!.gate.resolve();
    const failing = a.recognize(page(1)).catch((e: unknown) => e);
    const next = b.recognize(page(2));
    await settle();
    starts[0]!.engine.crash();
    expect(await failing).toMatchObject({ code: "EXTRACTION_CRASHED" });
    await settle();
    expect(starts[0]!.engine.closed).toBe(true);
    expect(starts).toHaveLength(2);
    starts[1]!.gate.resolve();
    await settle();
    starts[1]!.engine.finish();
    await next;
    expect(starts[1]!.engine.jobs.map((j) => j.image)).toEqual([2]);
    await Promise.all([a.close(), b.close()]);
  });

  it("replaces an engine whose worker died between documents, so the next document is read", async () => {
    const { engines, starts } = stage();
    const a = engines.acquire(["swe"], undefined);
    void a.ready();
    starts[0]!.gate.resolve();
    await a.ready();
    await a.close();
    starts[0]!.engine.dead = true;
    const b = engines.acquire(["swe"], undefined);
    const ready = b.ready();
    expect(starts).toHaveLength(2);
    starts[1]!.gate.resolve();
    await ready;
    expect(starts[0]!.engine.closed).toBe(true);
    const reading = b.recognize(page(1));
    await settle();
    starts[1]!.engine.finish();
    await reading;
    await b.close();
  });

  it("closes the engine under a document that gives up mid-page, and the next document does not wait for it", async () => {
    const { engines, starts } = stage();
    const a = engines.acquire(["swe"], undefined);
    const b = engines.acquire(["swe"], undefined);
    void a.ready();
    starts[0]!.gate.resolve();
    const abandoned = a.recognize(page(1)).catch((e: unknown) => e);
    const queued = a.recognize(page(2)).catch((e: unknown) => e);
    const next = b.recognize(page(3));
    await settle();
    // The time budget of document a ends: its page in flight is nobody's now.
    await a.close();
    expect(starts[0]!.engine.closed).toBe(true);
    expect(await abandoned).toMatchObject({ code: "EXTRACTION_CRASHED" });
    expect(await queued).toBeInstanceOf(Error);
    await settle();
    expect(starts).toHaveLength(2);
    starts[1]!.gate.resolve();
    await settle();
    expect(starts[1]!.engine.jobs.map((j) => j.image)).toEqual([3]);
    starts[1]!.engine.finish();
    await next;
    await b.close();
    expect(starts[1]!.engine.closed).toBe(false);
  });

  it("does not keep a start that the only document waiting for it gave up on, but keeps one others wait for", async () => {
    const { engines, starts } = stage();
    const alone = engines.acquire(["swe"], undefined);
    void alone.ready().catch(() => undefined);
    await alone.close();
    starts[0]!.gate.resolve();
    await settle();
    expect(starts[0]!.engine.closed).toBe(true);

    const a = engines.acquire(["swe"], undefined);
    const b = engines.acquire(["swe"], undefined);
    void a.ready();
    const waiting = b.ready();
    await a.close();
    starts[1]!.gate.resolve();
    await waiting;
    expect(starts[1]!.engine.closed).toBe(false);
    await b.close();
  });

  it("lets documents being read finish before release() closes their engine", async () => {
    const { engines, starts } = stage();
    const a = engines.acquire(["swe"], undefined);
    void a.ready();
    starts[0]!.gate.resolve();
    const job = a.recognize(page(1));
    let released = false;
    const releasing = engines.release().then(() => (released = true));
    await settle();
    expect(starts[0]!.engine.closed).toBe(false);
    starts[0]!.engine.finish();
    await job;
    expect(released).toBe(false);
    await a.close();
    await releasing;
    expect(starts[0]!.engine.closed).toBe(true);
    // A document after release() starts a new engine.
    void engines.acquire(["swe"], undefined).ready();
    expect(starts).toHaveLength(2);
  });

  it("never runs two pages on one engine at once, keeps one engine at most, and settles every page (property)", async () => {
    type Step = { doc: number; act: "page" | "close" | "finish" | "crash" | "die" | "release" };
    const acts = ["page", "close", "finish", "crash", "die", "release"] as const;
    const step = fc.record({ doc: fc.integer({ min: 0, max: 2 }), act: fc.constantFrom(...acts) }) as fc.Arbitrary<Step>;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const { engines, starts } = stage();
        const leases = [0, 1, 2].map(() => engines.acquire(["swe"], undefined));
        let unsettled = 0;
        const running = () => starts.filter((s) => s.up && !s.engine.closed);
        for (const { doc, act } of steps) {
          // Starts succeed once asked for.
          starts.forEach((s) => s.gate.resolve());
          if (act === "page") {
            unsettled++;
            void leases[doc]!.recognize(page(0)).finally(() => unsettled--).catch(() => undefined);
          }
          if (act === "close") await leases[doc]!.close();
          if (act === "finish") running().forEach((s) => s.engine.finish());
          if (act === "crash") running().forEach((s) => s.engine.crash());
          if (act === "die") running().forEach((s) => s.engine.inFlight === 0 && (s.engine.dead = true));
          if (act === "release") void engines.release();
          await settle();
          for (const s of starts) expect(s.engine.maxInFlight).toBeLessThanOrEqual(1);
          expect(running().length).toBeLessThanOrEqual(1);
        }
        // Every document ends (its budget, or its last page): every page it asked for settles.
        await Promise.all(leases.map((lease) => lease.close()));
        starts.forEach((s) => s.gate.resolve());
        await settle();
        expect(unsettled).toBe(0);
        await engines.release();
        await settle();
        expect(running()).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("one OCR engine per document (Node)", () => {
  it("starts on first need and closes with the document, also when it was still starting", async () => {
    const made: FakeEngine[] = [];
    const gate = deferred<void>();
    const source = ownEngines(async (languages) => {
      const engine = new FakeEngine(languages.join("+"));
      made.push(engine);
      await gate.promise;
      return engine;
    });
    const a = source.acquire(["swe"], undefined);
    const b = source.acquire(["swe"], undefined);
    expect(made).toHaveLength(0);
    void a.ready();
    void b.ready();
    await settle();
    expect(made).toHaveLength(2);
    await a.close();
    gate.resolve();
    await settle();
    expect(made[0]!.closed).toBe(true);
    const reading = b.recognize(page(1));
    await settle();
    made[1]!.finish();
    await reading;
    await b.close();
    expect(made[1]!.closed).toBe(true);
  });
});
