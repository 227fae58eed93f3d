// One size of the bench corpus, in its own process (so peak RSS is this size's own).
// Started by bench/run.mjs; prints one JSON object on stdout.
//   node bench/measure.mjs timing <runs> <warmup.pdf> <file.pdf>...
//     each run: (a) pdf.js getTextContent alone, (b) extractText + layoutPages,
//     (c) parseLines + buildDocument on (b)'s layout, (d) parsePdf; the four
//     are interleaved so drift hits them alike. Times are per run, summed over the files.
//   node bench/measure.mjs rss <file.pdf>...
//     parsePdf once per file, nothing else: peak RSS of the end-to-end path.
//   node bench/measure.mjs worker <runs> <warmup.pdf> <file.pdf>...
//     what extraction in a worker thread costs (src/pdf/isolated.ts with dist/pdf-worker.js):
//     a cold worker's first answer on warmup.pdf against a warm one's; per file, extractText
//     in this thread against the warm pool, and structuredClone of the text items (the
//     serialise + deserialise that postMessage does between the threads).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const [mode, ...rest] = process.argv.slice(2);
const root = new URL("../", import.meta.url);
const { parsePdf } = await import(new URL("dist/index.js", root).href);
const rssMb = () => process.resourceUsage().maxRSS / 1024;

if (mode === "rss") {
  const before = rssMb();
  let pages = 0;
  for (const file of rest) pages += (await parsePdf(new Uint8Array(readFileSync(file)))).source.pages;
  console.log(JSON.stringify({ pages, baselineRssMb: before, peakRssMb: rssMb() }));
} else if (mode === "timing") {
  const [runsArg, warmup, ...files] = rest;
  const runs = Number(runsArg);
  const stages = await import(new URL("bench/out/stages.mjs", root).href);
  const inputs = files.map((f) => new Uint8Array(readFileSync(f)));

  // Each stage starts on a collected heap, so no stage pays for the garbage of the one before.
  const gc = globalThis.gc ?? (() => {});
  const once = async (bytes) => {
    gc();
    const t0 = performance.now();
    await stages.pdfjsTextOnly(bytes);
    const t1a = performance.now();
    gc();
    const t1 = performance.now();
    const layout = await stages.pdfAndLayout(bytes);
    const t2a = performance.now();
    gc();
    const t2 = performance.now();
    stages.grammarAndBuild(layout, layout.pages);
    const t3a = performance.now();
    gc();
    const t3 = performance.now();
    const doc = await parsePdf(bytes);
    const t4 = performance.now();
    return { pdfjs: t1a - t0, pdfLayout: t2a - t1, grammarBuild: t3a - t2, endToEnd: t4 - t3, pages: doc.source.pages };
  };

  // Warm-up: compile the hot paths (and build the grammar) on a small file, then once on the inputs themselves
  // when they are short enough (a 400-page warm-up would double the run).
  for (let i = 0; i < 3; i++) await once(new Uint8Array(readFileSync(warmup)));
  const totalBytes = inputs.reduce((n, b) => n + b.length, 0);
  if (totalBytes < 1_000_000) for (const bytes of inputs) await once(bytes);
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const sum = { pdfjs: 0, pdfLayout: 0, grammarBuild: 0, endToEnd: 0, pages: 0 };
    for (const bytes of inputs) {
      const t = await once(bytes);
      for (const key of Object.keys(sum)) sum[key] += t[key];
    }
    samples.push(sum);
  }
  console.log(JSON.stringify({ samples, peakRssMb: rssMb() }));
} else if (mode === "worker") {
  const [runsArg, warmup, ...files] = rest;
  const runs = Number(runsArg);
  const stages = await import(new URL("bench/out/stages.mjs", root).href);
  const { Worker } = await import("node:worker_threads");
  const workerUrl = new URL("dist/pdf-worker.js", root);
  const pool = (size = 1) => new stages.ExtractionPool(Worker, { workerUrl, size, idleMs: 60_000 });
  const budget = () => ({ maxPages: 100_000, deadline: new stages.Deadline(600_000) });
  const small = new Uint8Array(readFileSync(warmup));
  // Cold: a new worker (thread start, module load, pdf.js load) and its first PDF. Warm: the same PDF again.
  const cold = [];
  const warm = [];
  for (let r = 0; r < runs; r++) {
    const p = pool();
    let t0 = performance.now();
    await p.extract(small, budget());
    cold.push(performance.now() - t0);
    t0 = performance.now();
    await p.extract(small, budget());
    warm.push(performance.now() - t0);
    await p.close();
  }
  const warmPool = pool();
  for (let i = 0; i < 3; i++) {
    await warmPool.extract(small, budget());
    await stages.extractText(small);
  }
  const perFile = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const inThread = [];
    const inWorker = [];
    const clone = [];
    let pdf = null;
    for (let r = 0; r < runs; r++) {
      globalThis.gc?.();
      let t0 = performance.now();
      pdf = await stages.extractText(bytes);
      inThread.push(performance.now() - t0);
      globalThis.gc?.();
      t0 = performance.now();
      await warmPool.extract(bytes, budget());
      inWorker.push(performance.now() - t0);
      t0 = performance.now();
      structuredClone(pdf);
      clone.push(performance.now() - t0);
    }
    const items = pdf.pages.reduce((n, page) => n + page.items.length, 0);
    perFile.push({ file, pages: pdf.pageCount, items, inThread, inWorker, clone });
  }
  await warmPool.close();
  console.log(JSON.stringify({ cold, warm, perFile }));
} else {
  console.error("usage: measure.mjs timing|rss|worker ...");
  process.exit(2);
}
