/**
 * Extraction in worker threads (src/pdf/isolated.ts): the pool's life cycle with
 * a scripted worker (every way a worker can end, on demand), and the real worker
 * (src/pdf/worker.ts, built by test/support/pdf-worker.global.ts) through the pool
 * and through parsePdf: budgets kept while pdf.js never yields, damaged PDFs one
 * after another without harm to this process.
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { Deadline } from "../../src/budget.js";
import { ProtokollError } from "../../src/errors.js";
import { configureExtraction, ExtractionPool, sharedPool } from "../../src/pdf/isolated.js";
import type { PdfText } from "../../src/pdf/types.js";
import { parsePdf } from "../../src/parse.js";
import { HAS_SHARED, sharedPath } from "../support/shared.js";
import { stallingPdf, textPdf } from "./make.js";

const SCRIPTED = new URL("./scripted-worker.mjs", import.meta.url);
const REAL = new URL(inject("pdfWorkerUrl"));
const FUZZ_REPRODUCER = sharedPath("eval/fuzz/content-stream-100k-q.pdf");
const FIXTURES = ["sample", "region-kallelse", "fullmaktige-utdrag", "storstad-protokoll", "tabell-protokoll"].map(
  (name) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}.pdf`, import.meta.url))),
);

let pools: ExtractionPool[] = [];
function pool(workerUrl: URL, options: { size?: number; idleMs?: number } = {}): ExtractionPool {
  const made = new ExtractionPool(Worker, { workerUrl, size: options.size ?? 1, idleMs: options.idleMs ?? 60_000 });
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

const script = (text: string) => new TextEncoder().encode(text);
const within = (ms: number) => ({ maxPages: 2000, deadline: new Deadline(ms) });
/** The scripted worker answers with its threadId as the page count. */
const thread = (pdf: PdfText) => pdf.pageCount;

async function failure(promise: Promise<unknown>): Promise<ProtokollError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProtokollError);
    return error as ProtokollError;
  }
  throw new Error("expected a rejection");
}

describe("ExtractionPool (scripted worker)", () => {
  it("reuses one warm worker for calls one after another", async () => {
    const p = pool(SCRIPTED);
    const first = await p.extract(script("ok"), within(30_000));
    const second = await p.extract(script("ok"), within(30_000));
    expect(thread(second)).toBe(thread(first));
    expect(p.started).toBe(1);
  });

  it("starts workers up to its size for calls at once, and queues the rest", async () => {
    const p = pool(SCRIPTED, { size: 2 });
    const answers = await Promise.all([1, 2, 3, 4].map(() => p.extract(script("ok"), within(30_000))));
    expect(new Set(answers.map(thread)).size).toBe(2);
    expect(p.started).toBe(2);
  });

  it.each(["exit", "unhandled", "throw"])("a worker that ends (%s) costs that PDF EXTRACTION_CRASHED; the next call gets a fresh worker", async (how) => {
    const p = pool(SCRIPTED);
    const before = await p.extract(script("ok"), within(30_000));
    const error = await failure(p.extract(script(how), within(30_000)));
    expect(error.code).toBe("EXTRACTION_CRASHED");
    const after = await p.extract(script("ok"), within(30_000));
    expect(thread(after)).not.toBe(thread(before));
    expect(p.started).toBe(2);
  });

  it("stops a worker that never yields when the budget is spent, and answers TIME_LIMIT_EXCEEDED", async () => {
    const p = pool(SCRIPTED);
    const error = await failure(p.extract(script("hang"), within(300)));
    expect(error.code).toBe("TIME_LIMIT_EXCEEDED");
    expect(p.size).toBe(0);
    await p.extract(script("ok"), within(30_000));
    expect(p.started).toBe(2);
  });

  it("a call waiting for a busy worker spends its own budget, and gets the next worker", async () => {
    const p = pool(SCRIPTED);
    const hung = failure(p.extract(script("hang"), within(500)));
    const waitsTooLong = failure(p.extract(script("ok"), within(100)));
    const waits = p.extract(script("ok"), within(30_000));
    expect((await waitsTooLong).code).toBe("TIME_LIMIT_EXCEEDED");
    expect((await hung).code).toBe("TIME_LIMIT_EXCEEDED");
    expect(thread(await waits)).toBeGreaterThan(0);
  });

  it("passes the worker's typed errors on as the same classes", async () => {
    const p = pool(SCRIPTED);
    const error = await failure(p.extract(script("error:CORRUPT_PDF"), within(30_000)));
    expect(error).toMatchObject({ name: "PdfError", code: "CORRUPT_PDF", message: "error:CORRUPT_PDF" });
    expect((await failure(p.extract(script("error:PAGE_LIMIT_EXCEEDED"), within(30_000)))).name).toBe("BudgetExceededError");
    expect((await failure(p.extract(script("error:NO_TEXT_LAYER"), within(30_000)))).name).toBe("NoTextLayerError");
  });

  it("keeps the worker after it answers with an error", async () => {
    const p = pool(SCRIPTED);
    await failure(p.extract(script("error:NO_TEXT_LAYER"), within(30_000)));
    await failure(p.extract(script("error:CORRUPT_PDF"), within(30_000)));
    await p.extract(script("ok"), within(30_000));
    expect(p.started).toBe(1);
  });

  it("closes a worker that has been idle for idleMs", async () => {
    const p = pool(SCRIPTED, { idleMs: 50 });
    await p.extract(script("ok"), within(30_000));
    expect(p.size).toBe(1);
    await vi.waitFor(() => expect(p.size).toBe(0), { timeout: 10_000, interval: 20 });
  });

  it("a worker script that cannot be loaded fails the call typed, not with a thrown Node error", async () => {
    const p = pool(new URL("./no-such-worker.mjs", import.meta.url));
    expect((await failure(p.extract(script("ok"), within(30_000)))).code).toBe("EXTRACTION_CRASHED");
  });

  it("does not detach or change the caller's bytes", async () => {
    const p = pool(SCRIPTED);
    const bytes = script("ok");
    await p.extract(bytes, within(30_000));
    expect(bytes.byteLength).toBe(2);
    expect(new TextDecoder().decode(bytes)).toBe("ok");
  });
});

describe("ExtractionPool (the real worker)", () => {
  it("reads a PDF's text as extractText does, and keeps the worker for the next PDF", async () => {
    const p = pool(REAL);
    const first = await p.extract(FIXTURES[0]!, within(60_000));
    expect(first.pages.length).toBe(first.pageCount);
    expect(first.pages[0]!.items.some((item) => item.text.trim() !== "")).toBe(true);
    await p.extract(FIXTURES[1]!, within(60_000));
    expect(p.started).toBe(1);
  });

  it("an unhandled rejection while pdf.js reads costs that PDF EXTRACTION_CRASHED, and the worker is replaced", async () => {
    const p = pool(new URL(inject("crashingPdfWorkerUrl")));
    await p.extract(FIXTURES[0]!, within(60_000));
    const error = await failure(p.extract(FIXTURES[1]!, { maxPages: 13, deadline: new Deadline(60_000) }));
    expect(error.code).toBe("EXTRACTION_CRASHED");
    expect(error.message).toMatch(/XRefEntryException/);
    await p.extract(FIXTURES[1]!, within(60_000));
    expect(p.started).toBe(2);
  });

  it("stops pdf.js on a PDF it would chew on for a minute, on time, and reads the next PDF in a fresh worker", async () => {
    const p = pool(REAL);
    const started = Date.now();
    const error = await failure(p.extract(await stallingPdf(), within(1_000)));
    expect(error.code).toBe("TIME_LIMIT_EXCEEDED");
    expect(Date.now() - started).toBeLessThan(1_000 + 1_000);
    await p.extract(FIXTURES[0]!, within(60_000));
    expect(p.started).toBe(2);
  });
});

describe("parsePdf in Node: extraction in the shared worker pool", () => {
  it("uses a worker", async () => {
    const doc = await parsePdf(FIXTURES[0]!);
    expect(doc.items.length).toBeGreaterThan(0);
    expect((await sharedPool())?.started).toBeGreaterThan(0);
  });

  it("answers TIME_LIMIT_EXCEEDED within timeoutMs + 1 s where pdf.js never yields, then parses the next PDF", async () => {
    const started = Date.now();
    const error = await failure(parsePdf(await stallingPdf(), { timeoutMs: 1_000 }));
    expect(error.code).toBe("TIME_LIMIT_EXCEEDED");
    expect(Date.now() - started).toBeLessThan(1_000 + 1_000);
    expect((await parsePdf(FIXTURES[1]!)).items.length).toBeGreaterThan(0);
  });

  it.skipIf(!HAS_SHARED)("answers the fuzz reproducer (100 000 q operators) with TIME_LIMIT_EXCEEDED within timeoutMs + 1 s", async () => {
    const bytes = new Uint8Array(readFileSync(FUZZ_REPRODUCER));
    const started = Date.now();
    const error = await failure(parsePdf(bytes, { timeoutMs: 1_500 }));
    expect(error.code).toBe("TIME_LIMIT_EXCEEDED");
    expect(Date.now() - started).toBeLessThan(1_500 + 1_000);
  });

  it("reads in this thread where the worker file is not there (an application bundle that did not copy it)", async () => {
    await configureExtraction({ workerUrl: new URL("./no-such-worker.mjs", import.meta.url) });
    try {
      expect(await sharedPool()).toBeNull();
      expect((await parsePdf(FIXTURES[0]!)).items.length).toBeGreaterThan(0);
    } finally {
      await configureExtraction({ workerUrl: REAL });
    }
  });

  it("reads a Node Buffer without detaching it", async () => {
    const buffer = readFileSync(new URL("../../fixtures/sample.pdf", import.meta.url));
    const length = buffer.length;
    await parsePdf(buffer);
    expect(buffer.length).toBe(length);
  });
});

/** Damage in place: a shorter replacement is padded, so the xref table still points where it did. */
function damage(bytes: Uint8Array, pattern: RegExp, replace: (match: string, index: number) => string): Uint8Array {
  let n = 0;
  const text = Buffer.from(bytes).toString("latin1").replace(pattern, (match) => replace(match, n++).padEnd(match.length, " "));
  return new Uint8Array(Buffer.from(text, "latin1"));
}

const DAMAGE: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  "fractional /Count": (b) => damage(b, /\/Count \d+/g, (m) => `${m}.5`),
  "/Length 0 on every stream": (b) => damage(b, /\/Length \d+/g, () => "/Length 0"),
  "/Length 0 on every other stream": (b) => damage(b, /\/Length \d+/g, (m, i) => (i % 2 === 0 ? "/Length 0" : m)),
  "negative /Count": (b) => damage(b, /\/Count \d+/g, () => "/Count -2147483648"),
  "xref entries off by a few bytes": (b) => damage(b, /(\d{10}) (\d{5}) n/g, (m, i) => (i % 3 === 0 ? `${String(Number(m.slice(0, 10)) + 7).padStart(10, "0")}${m.slice(10)}` : m)),
  "truncated to a third": (b) => b.subarray(0, Math.floor(b.length / 3)),
};

describe("damaged PDFs one after another (this process must survive them)", () => {
  // vitest fails the run on any unhandled rejection in this process: every answer below is a
  // document or a typed error, and nothing else escapes.
  it("every damaged fixture is a document or a typed error, in one process, one after another", async () => {
    const outcomes: string[] = [];
    for (const [name, make] of Object.entries(DAMAGE)) {
      for (const fixture of FIXTURES) {
        try {
          await parsePdf(make(fixture), { timeoutMs: 20_000 });
          outcomes.push(`${name}: document`);
        } catch (error) {
          expect(error, name).toBeInstanceOf(ProtokollError);
          outcomes.push(`${name}: ${(error as ProtokollError).code}`);
        }
      }
    }
    expect(outcomes.filter((o) => o.startsWith("negative /Count"))).toEqual(FIXTURES.map(() => "negative /Count: CORRUPT_PDF"));
  });

  it("a negative page count is CORRUPT_PDF that says so, never 'could not read any of the -2147483648 page(s)'", async () => {
    const error = await failure(parsePdf(DAMAGE["negative /Count"]!(FIXTURES[0]!)));
    expect(error.code).toBe("CORRUPT_PDF");
    expect(error.message).toMatch(/page tree gives -2147483648 as the number of pages/);
  });

  it("a page box larger than any sheet is a damaged page; with no other page, CORRUPT_PDF that says why", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText("§ 1 Val av justerare", { x: 70, y: 700, size: 11, font });
    page.setMediaBox(0, 0, 1e9, 1e9);
    const error = await failure(parsePdf(await doc.save()));
    expect(error.code).toBe("CORRUPT_PDF");
    expect(error.message).toMatch(/page 1: .*not a real page size/);
  });

  it("a damaged page among good ones costs that page only", async () => {
    const good = await textPdf([["§ 1 Val av justerare", "Anna Berg utses."], ["§ 2 Budget", "Beslut"]]);
    const doc = await PDFDocument.load(good);
    doc.getPage(1).setMediaBox(0, 0, 595, Number.MAX_VALUE);
    const parsed = await parsePdf(await doc.save());
    expect(parsed.diagnostics.filter((d) => d.code === "PDF_PAGE_FAILED").map((d) => d.page)).toEqual([2]);
  });
});
