/**
 * The example page (examples/browser) in a real headless Chromium, driven over the DevTools
 * protocol: choose fixtures/sample.pdf, read the record the page shows. The page is opened
 * from file://, as the README promises (no server, pdf.js's worker code inside the bundle),
 * and from a small static server on 127.0.0.1 with pdf.js in a real module Worker.
 *
 * Needs Debian's chromium (.ci/run installs it); skipped, saying so, where it is absent.
 * A scanned page (fixtures/fullmaktige-utdrag.pdf rasterised into an image-only PDF here) is
 * read by OCR in the page: tesseract.js in a Web Worker, from the files build.mjs copies into
 * ocr/ beside the page (into an OffscreenCanvas, and once more with OffscreenCanvas taken
 * away, into a DOM canvas). Served only: a file:// page cannot load them (a typed error says so).
 * Two scans read in one page, one after another and at once, start tesseract.js's worker once
 * (the page's Workers are counted); with ?parse=worker protokoll runs in a module Web Worker,
 * where there is no DOM, and reads a scan there.
 *
 * By default the page is built from src/; PROTOKOLL_EXAMPLE_DIST=1 (set by .ci/run after
 * `npm run build`) opens the page built from the package, examples/browser/dist/.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "puppeteer-core";
import { parsePdf } from "../../src/index.js";
import { scanPdf } from "../support/scan.js";
// @ts-expect-error: a plain .mjs script without types
import { buildExample } from "../../examples/browser/build.mjs";

const CHROMIUM = "/usr/bin/chromium";
const SAMPLE = "fixtures/sample.pdf";
/** One page, one §: OCR in a browser takes seconds a page. */
const SCANNED_FROM = "fixtures/fullmaktige-utdrag.pdf";
/** A second one-page document, scanned as well: two scans in one page share one OCR engine. */
const SECOND_SCANNED_FROM = "fixtures/region-kallelse.pdf";
/** tesseract.js starts its worker and wasm core, then reads a 200 dpi page: slow on a shared CI machine. */
const OCR_TIMEOUT = 180_000;
const fromDist = process.env.PROTOKOLL_EXAMPLE_DIST === "1";
const present = existsSync(CHROMIUM);
if (!present) console.warn(`test/browser: ${CHROMIUM} is missing, so the browser tests are SKIPPED (apt-get install chromium; .ci/run does).`);

describe.skipIf(!present)(`the example page in headless Chromium (${fromDist ? "built package" : "built from src"})`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string | null = null;
  let url: string;
  let server: Server;
  let served: string;
  let scratch: string;
  let scan: string;
  let secondScan: string;
  let fineScan: string;

  beforeAll(async () => {
    let html = "examples/browser/dist/index.html";
    if (!fromDist) {
      dir = mkdtempSync(join(tmpdir(), "protokoll-example-"));
      html = (await buildExample({ outDir: dir, fromSource: true })) as string;
    } else if (!existsSync(html)) {
      throw new Error("PROTOKOLL_EXAMPLE_DIST=1 but examples/browser/dist/ is not built: run node examples/browser/build.mjs");
    }
    url = pathToFileURL(html).href;
    // A scan of the fixture: its page as a PNG in a PDF with no text layer (as Node's OCR tests make them).
    scratch = mkdtempSync(join(tmpdir(), "protokoll-scan-"));
    scan = join(scratch, "scan.pdf");
    writeFileSync(scan, await scanPdf(new Uint8Array(await readFile(SCANNED_FROM))));
    // Scanned finer than OCR reads (420 dpi, drawn at 200): pdf.js scales such an image down through a scratch canvas.
    fineScan = join(scratch, "fine-scan.pdf");
    writeFileSync(fineScan, await scanPdf(new Uint8Array(await readFile(SCANNED_FROM)), { dpi: 420 }));
    secondScan = join(scratch, "second-scan.pdf");
    writeFileSync(secondScan, await scanPdf(new Uint8Array(await readFile(SECOND_SCANNED_FROM))));
    server = await serve(dirname(html));
    served = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
    const { launch } = await import("puppeteer-core");
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    browser = await launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function choose(file: string, at = url, timeout = 60_000, tab = page): Promise<{ state: string; status: string; record: string }> {
    await tab.goto(at);
    const input = await tab.waitForSelector("input#file");
    await input!.uploadFile(file);
    await tab.waitForSelector("#status[data-state]", { timeout });
    return tab.evaluate(() => ({
      state: document.getElementById("status")!.dataset.state!,
      status: document.getElementById("status")!.textContent!,
      record: document.getElementById("record")!.textContent!,
    }));
  }

  it("parses the sample PDF into the same record as Node", async () => {
    const shown = await choose(SAMPLE);
    expect(shown.state, shown.status).toBe("done");
    const record = JSON.parse(shown.record);
    expect(record.kind).toBe("protokoll");
    expect(record.meeting.date).toBe("2025-03-12");
    expect(record.items.map((item: { paragraph: number }) => item.paragraph)).toEqual([23, 24, 25, 26, 27]);
    // pdf.js in the page and in Node read the same text items: the records agree field for field.
    expect(record).toEqual(JSON.parse(JSON.stringify(await parsePdf(await readFile(SAMPLE)))));
  });

  it("runs pdf.js in a module Worker when the page sets one (served over http)", async () => {
    const shown = await choose(SAMPLE, `${served}?worker=pdf.worker.min.mjs`);
    expect(shown.state, shown.status).toBe("done");
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/pdf\.worker\.min\.mjs$/)]);
    expect(JSON.parse(shown.record)).toEqual(JSON.parse(JSON.stringify(await parsePdf(await readFile(SAMPLE)))));
  });

  it("turns a worker that cannot start into PDFJS_FAILED, not pdf.js's own error", async () => {
    const shown = await choose(SAMPLE, `${served}?worker=missing.mjs`);
    expect(shown.state).toBe("failed");
    expect(shown.status).toMatch(/^PDFJS_FAILED: /);
  });

  it(
    "reads a scanned page by OCR with tesseract.js from the files beside the page (served over http)",
    async () => {
      const requests: string[] = [];
      page.on("request", (request) => void requests.push(request.url()));
      servedRequests.length = 0;
      const shown = await choose(scan, served, OCR_TIMEOUT);
      page.removeAllListeners("request");
      expect(shown.state, shown.status).toBe("done");
      expect(shown.status).toMatch(/1 page\(s\) read by OCR/);
      const record = JSON.parse(shown.record);
      expect(record.source.textSource).toBe("ocr");
      expect(record.diagnostics.filter((d: { code: string }) => d.code === "OCR_PAGE")).toHaveLength(1);
      // The § and its title as the fixture's text layer has them; the date from the page's head.
      const text = await parsePdf(await readFile(SCANNED_FROM));
      expect(record.items.map((item: { paragraph: number; title: string }) => [item.paragraph, item.title])).toEqual(
        text.items.map((item) => [item.paragraph, item.title]),
      );
      expect(record.items.map((item: { paragraph: number }) => item.paragraph)).toEqual([8]);
      expect(record.meeting.date).toBe(text.meeting.date);
      // Nothing left 127.0.0.1: tesseract.js's worker, one of its cores and the model were loaded from ocr/.
      const origin = new URL(served).origin;
      expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith("blob:") && !r.startsWith("data:"))).toEqual([]);
      expect(servedRequests).toEqual(expect.arrayContaining(["GET /ocr/worker.min.js", "GET /ocr/swe.traineddata.gz"]));
      expect(servedRequests.filter((r) => /^GET \/ocr\/tesseract-core-.*lstm\.wasm\.js$/.test(r))).toHaveLength(1);
    },
    OCR_TIMEOUT,
  );

  it(
    "draws the page into a DOM canvas where the browser has no OffscreenCanvas",
    async () => {
      const tab = await browser.newPage();
      try {
        // Gone before any script of the page runs: pdf.js and protokoll both fall back to DOM canvases.
        await tab.evaluateOnNewDocument(() => void delete (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas);
        const shown = await choose(scan, served, OCR_TIMEOUT, tab);
        expect(await tab.evaluate(() => typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas)).toBe("undefined");
        expect(shown.state, shown.status).toBe("done");
        const record = JSON.parse(shown.record);
        expect(record.source.textSource).toBe("ocr");
        expect(record.items.map((item: { paragraph: number }) => item.paragraph)).toEqual([8]);
      } finally {
        await tab.close();
      }
    },
    OCR_TIMEOUT,
  );

  it(
    "keeps one OCR engine for the scans read in a page, one after another or at once, until releaseOcr()",
    async () => {
      const tab = await browser.newPage();
      try {
        // Every Worker the page makes (only tesseract.js's: pdf.js runs in the page's thread here), to count them.
        await tab.evaluateOnNewDocument(() => {
          const made: Worker[] = [];
          Object.assign(globalThis, { madeWorkers: made });
          globalThis.Worker = class extends Worker {
            constructor(url: string | URL, options?: WorkerOptions) {
              super(url, options);
              made.push(this);
            }
          };
        });
        await tab.goto(served);
        const input = await tab.waitForSelector("input#file");
        const read = async (...files: string[]) => {
          await input!.uploadFile(...files);
          await tab.waitForSelector("#status[data-state]", { timeout: OCR_TIMEOUT });
          const shown = await tab.evaluate(() => ({
            state: document.getElementById("status")!.dataset.state!,
            status: document.getElementById("status")!.textContent!,
            record: document.getElementById("record")!.textContent!,
          }));
          expect(shown.state, shown.status).toBe("done");
          const records = [JSON.parse(shown.record)].flat() as { source: { textSource: string }; kind: string }[];
          expect(records.map((r) => r.source.textSource)).toEqual(files.map(() => "ocr"));
          return records;
        };
        const workersMade = () => tab.evaluate(() => (globalThis as unknown as { madeWorkers: Worker[] }).madeWorkers.length);
        const modelLoads = () => servedRequests.filter((r) => r === "GET /ocr/swe.traineddata.gz").length;
        servedRequests.length = 0;
        const kinds = [(await parsePdf(await readFile(SCANNED_FROM))).kind, (await parsePdf(await readFile(SECOND_SCANNED_FROM))).kind];

        // One after another: the second scan is read by the engine the first one started.
        expect((await read(scan)).map((r) => r.kind)).toEqual(kinds.slice(0, 1));
        expect((await read(secondScan)).map((r) => r.kind)).toEqual(kinds.slice(1));
        expect(await workersMade()).toBe(1);
        // At once: both documents' pages go through that engine, one at a time.
        expect((await read(scan, secondScan)).map((r) => r.kind)).toEqual(kinds);
        expect(await workersMade()).toBe(1);
        expect(modelLoads()).toBe(1);

        // Its worker dies while idle (simulated: stopped, and the error event a crashing worker fires):
        // the next scan starts a new engine and is read.
        await tab.evaluate(() => {
          const worker = (globalThis as unknown as { madeWorkers: Worker[] }).madeWorkers[0]!;
          worker.terminate();
          worker.dispatchEvent(new ErrorEvent("error", { message: "simulated crash" }));
        });
        await read(scan);
        expect(await workersMade()).toBe(2);

        // releaseOcr() (the page's button) closes it; the next scan starts another.
        await tab.click("#release-ocr");
        await tab.waitForSelector("#release-ocr[data-released='1']");
        await read(secondScan);
        expect(await workersMade()).toBe(3);
        expect(modelLoads()).toBe(3);
      } finally {
        await tab.close();
      }
    },
    OCR_TIMEOUT * 2,
  );

  it(
    "reads a scan by OCR with protokoll inside the app's own module Web Worker (no DOM there)",
    async () => {
      const shown = await choose(SAMPLE, `${served}?parse=worker`);
      expect(shown.state, shown.status).toBe("done");
      expect(JSON.parse(shown.record)).toEqual(JSON.parse(JSON.stringify(await parsePdf(await readFile(SAMPLE)))));
      const scanned = await choose(fineScan, `${served}?parse=worker`, OCR_TIMEOUT);
      expect(scanned.state, scanned.status).toBe("done");
      const record = JSON.parse(scanned.record);
      expect(record.source.textSource).toBe("ocr");
      const text = await parsePdf(await readFile(SCANNED_FROM));
      expect(record.items.map((item: { paragraph: number; title: string }) => [item.paragraph, item.title])).toEqual(
        text.items.map((item) => [item.paragraph, item.title]),
      );
      // The page's worker.js, and tesseract.js's worker started from inside it.
      expect(page.workers().map((worker) => worker.url())).toEqual(expect.arrayContaining([expect.stringMatching(/\/worker\.js$/)]));
    },
    OCR_TIMEOUT,
  );

  it("says what to do when OCR's files cannot be loaded (a scan opened from file://)", async () => {
    const shown = await choose(scan);
    expect(shown.state).toBe("failed");
    expect(shown.status).toMatch(/^OCR_UNAVAILABLE: /);
    expect(shown.status).toMatch(/file:\/\/.*serve the page over http/);
    expect(shown.status).toContain("ocrAssets");
  });

  it("shows a typed error for a file that is not a PDF", async () => {
    const shown = await choose("package.json");
    expect(shown.state).toBe("failed");
    expect(shown.status).toMatch(/^NOT_A_PDF: /);
  });
});

/** The built page's folder over http on 127.0.0.1 (module workers, and OCR's files, are refused on file:// pages). */
/** Every request the server answered, as "METHOD /path". */
const servedRequests: string[] = [];

async function serve(root: string): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript" };
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/+/, "");
    servedRequests.push(`${request.method} /${name}`);
    // The page's folder and its ocr/ subfolder, nothing above.
    if (name.split("/").some((part) => part === ".." || part === "") || name.split("/").length > 2) return void response.writeHead(404).end();
    try {
      const body = await readFile(join(root, name));
      response.writeHead(200, { "content-type": types[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
