/**
 * OCR's browser seam, in Node: where the ocrAssets option points tesseract.js, what is
 * checked before its worker starts, and the canvas OCR draws into. fetch and the page's
 * globals are stand-ins here; test/browser runs the same code in Chromium for real.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { browserCanvasFactory, browserOcrPaths, domlessCanvasFactory, OCR_CORE_FILES, plainOcrAssets } from "../../src/ocr/browser.js";

const PAGE = "https://example.org/app/index.html";

/** A static server that has exactly these URLs; every request is recorded. */
function serveOnly(present: string[]): string[] {
  const asked: string[] = [];
  vi.stubGlobal("fetch", async (url: string, init?: { method?: string }) => {
    asked.push(`${init?.method ?? "GET"} ${url}`);
    return { ok: present.includes(url), status: present.includes(url) ? 200 : 404 };
  });
  return asked;
}

const folderFiles = (folder: string) => [`${folder}worker.min.js`, ...OCR_CORE_FILES.map((f) => `${folder}${f}`), `${folder}swe.traineddata.gz`];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ocrAssets: where tesseract.js's files are in a browser", () => {
  it("defaults to ocr/ beside the page and hands tesseract.js absolute URLs", async () => {
    vi.stubGlobal("document", { baseURI: PAGE });
    const asked = serveOnly(folderFiles("https://example.org/app/ocr/"));
    expect(await browserOcrPaths(["swe"], undefined)).toEqual({
      workerPath: "https://example.org/app/ocr/worker.min.js",
      corePath: "https://example.org/app/ocr",
      langPath: "https://example.org/app/ocr",
    });
    // HEAD requests only: the files themselves are loaded once, by the worker.
    expect(asked.every((line) => line.startsWith("HEAD "))).toBe(true);
    expect(asked).toHaveLength(5);
  });

  it("takes a folder URL, or each path on its own, relative to the page", async () => {
    vi.stubGlobal("document", { baseURI: PAGE });
    serveOnly([...folderFiles("https://cdn.invalid/x/"), "https://example.org/w.js", ...OCR_CORE_FILES.map((f) => `https://example.org/core/${f}`), "https://example.org/app/models/swe.traineddata.gz"]);
    expect((await browserOcrPaths(["swe"], new URL("https://cdn.invalid/x"))).corePath).toBe("https://cdn.invalid/x");
    expect(await browserOcrPaths(["swe"], { workerPath: "/w.js", corePath: "/core/", langPath: "models" })).toEqual({
      workerPath: "https://example.org/w.js",
      corePath: "https://example.org/core",
      langPath: "https://example.org/app/models",
    });
  });

  it("fails OCR_UNAVAILABLE naming the missing files and the option to set", async () => {
    vi.stubGlobal("document", { baseURI: PAGE });
    serveOnly(folderFiles("https://example.org/app/ocr/").filter((url) => !url.endsWith("simd-lstm.wasm.js")));
    const error = await browserOcrPaths(["swe"], undefined).catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: "OCR_UNAVAILABLE" });
    expect((error as Error).message).toContain("https://example.org/app/ocr/tesseract-core-simd-lstm.wasm.js");
    expect((error as Error).message).toContain("set the ocrAssets option");
    expect((error as Error).message).not.toContain("npm install");
  });

  it("tells a page opened from file:// to serve itself", async () => {
    vi.stubGlobal("document", { baseURI: "file:///home/me/page/index.html" });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const error = await browserOcrPaths(["swe"], undefined).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/opened from file:\/\/ .*serve the page over http/);
  });

  it("names a missing model's language, and refuses what is not a language code", async () => {
    vi.stubGlobal("document", { baseURI: PAGE });
    serveOnly(folderFiles("https://example.org/app/ocr/"));
    const missing = await browserOcrPaths(["swe", "fin"], undefined).catch((e: Error) => e);
    expect((missing as Error).message).toContain("https://example.org/app/ocr/fin.traineddata.gz");
    const odd = await browserOcrPaths(["../x"], undefined).catch((e: Error & { code: string }) => e);
    expect(odd).toMatchObject({ code: "OCR_UNAVAILABLE" });
  });

  it("keeps the option cloneable for Node's extraction worker, and refuses a malformed one", () => {
    expect(plainOcrAssets(new URL("https://example.org/ocr/"))).toBe("https://example.org/ocr/");
    expect(structuredClone(plainOcrAssets({ workerPath: new URL("https://a/w.js"), corePath: "c", langPath: "l" }))).toEqual({
      workerPath: "https://a/w.js",
      corePath: "c",
      langPath: "l",
    });
    expect(() => plainOcrAssets({ workerPath: "w.js" } as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
});

describe("the canvas OCR draws a page into, in a browser", () => {
  class FakeOffscreenCanvas {
    constructor(
      public width: number,
      public height: number,
    ) {}
    getContext(kind: string, options: unknown) {
      return { kind, options };
    }
  }

  it("is an OffscreenCanvas, read back from the CPU, and gives its memory back when destroyed", () => {
    vi.stubGlobal("OffscreenCanvas", FakeOffscreenCanvas);
    const factory = browserCanvasFactory()!;
    const made = factory.create(1654, 2339);
    expect(made.canvas).toBeInstanceOf(FakeOffscreenCanvas);
    expect(made.canvas).toMatchObject({ width: 1654, height: 2339 });
    expect(made.context).toEqual({ kind: "2d", options: { willReadFrequently: true } });
    factory.destroy(made);
    expect(made.canvas).toMatchObject({ width: 0, height: 0 });
  });

  it("is a DOM canvas where OffscreenCanvas is missing, and none without either", () => {
    vi.stubGlobal("OffscreenCanvas", undefined);
    vi.stubGlobal("document", { createElement: (tag: string) => ({ tag, width: 300, height: 150, getContext: () => ({ dom: true }) }) });
    const made = browserCanvasFactory()!.create(10, 20);
    expect(made.canvas).toMatchObject({ tag: "canvas", width: 10, height: 20 });
    vi.stubGlobal("document", undefined);
    expect(browserCanvasFactory()).toBeUndefined();
  });

  it("gives pdf.js OffscreenCanvases for its scratch canvases where there is no document (a Web Worker), else its own default", () => {
    vi.stubGlobal("OffscreenCanvas", FakeOffscreenCanvas);
    vi.stubGlobal("document", undefined);
    const Factory = domlessCanvasFactory()!;
    const factory = new Factory({ enableHWA: false });
    const made = factory.create(300, 200);
    expect(made.canvas).toBeInstanceOf(FakeOffscreenCanvas);
    expect(made.context).toEqual({ kind: "2d", options: { willReadFrequently: true } });
    factory.reset(made, 40, 50);
    expect(made.canvas).toMatchObject({ width: 40, height: 50 });
    expect(() => factory.create(0, 10)).toThrow(/Invalid canvas size/);
    const canvas = made.canvas;
    factory.destroy(made);
    expect(canvas).toMatchObject({ width: 0, height: 0 });
    expect(made).toEqual({ canvas: null, context: null });
    // A page (it has a document) and Node (no OffscreenCanvas) keep pdf.js's default.
    vi.stubGlobal("document", { createElement: () => ({}) });
    expect(domlessCanvasFactory()).toBeUndefined();
    vi.stubGlobal("document", undefined);
    vi.stubGlobal("OffscreenCanvas", undefined);
    expect(domlessCanvasFactory()).toBeUndefined();
  });
});

describe("an OCR engine still starting when the time budget ends", () => {
  afterEach(() => {
    vi.doUnmock("../../src/ocr/engine.js");
    vi.resetModules();
  });

  it("is not waited for (a browser has no thread to terminate), and is closed once it is up", async () => {
    let up: (engine: { recognize(): never; close(): Promise<void> }) => void = () => undefined;
    const close = vi.fn(async () => undefined);
    vi.resetModules();
    vi.doMock("../../src/ocr/engine.js", () => ({ startOcrEngine: () => new Promise((resolve) => (up = resolve)) }));
    const { OcrReader } = await import("../../src/ocr/index.js");
    const reader = new OcrReader({ mode: "auto", languages: ["swe"] });
    const page = { page: 1, width: 595, height: 842, items: [] };
    const reading = reader.recognisePages({ getPage: () => new Promise(() => undefined) }, [page], { pages: [1], diagnostics: [] }, [], () => undefined);
    reading.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await reader.close();
    expect(close).not.toHaveBeenCalled();
    up({ recognize: () => { throw new Error("not used"); }, close });
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
  });
});
