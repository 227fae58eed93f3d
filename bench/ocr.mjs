// OCR figures, in their own process. Started by bench/run.mjs; prints one JSON object on stdout.
//   node bench/ocr.mjs <ocrPages> <text.pdf>...
// (1) The text-layer quality check's cost beside text extraction: extractText (ocr "off") on each
//     text PDF, and assessTextLayers on the same pages' text, timed apart; the check runs inside
//     extractText, so its share of the extraction is check / extraction.
// (2) OCR throughput on one core: <ocrPages> page images of the first PDF (as src/ocr renders them),
//     read by tesseract.js (one worker: one thread) and, where installed, by the native `tesseract`
//     (Debian tesseract-ocr-swe, OMP_THREAD_LIMIT=1) on the same images.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const [pagesArg, ...files] = process.argv.slice(2);
const root = new URL("../", import.meta.url);
const stages = await import(new URL("bench/out/stages.mjs", root).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// (1) Quality check vs extraction.
const quality = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  await stages.extractText(bytes, { ocr: "off" }); // warm-up
  const extractMs = [];
  const checkMs = [];
  let texts = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const pdf = await stages.extractText(bytes, { ocr: "off" });
    extractMs.push(performance.now() - t0);
    texts = pdf.pages.map((p) => p.items.map((i) => i.text).join(" "));
    const t1 = performance.now();
    for (let k = 0; k < 20; k++) stages.assessTextLayers(texts);
    checkMs.push((performance.now() - t1) / 20);
  }
  quality.push({ file: file.split("/").pop(), pages: texts.length, extractMs: median(extractMs), checkMs: median(checkMs), share: median(checkMs) / median(extractMs) });
}

// (2) OCR throughput.
const images = await stages.ocrImages(new Uint8Array(readFileSync(files[0])), Number(pagesArg));
const engine = await stages.startOcrEngine(["swe"]);
await engine.recognize(images[0]); // warm-up: the model is loaded, the wasm compiled
const t0 = performance.now();
for (const image of images) await engine.recognize(image);
const tesseractJsMs = (performance.now() - t0) / images.length;
await engine.close();

let native = null;
const version = spawnSync("tesseract", ["--version"], { encoding: "utf8" });
const langs = version.error ? "" : spawnSync("tesseract", ["--list-langs"], { encoding: "utf8" }).stdout;
if (!version.error && /\bswe\b/.test(langs)) {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-ocr-"));
  try {
    const paths = images.map((image, i) => {
      const path = join(dir, `page-${i}.pgm`);
      writeFileSync(path, image);
      return path;
    });
    const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
    execFileSync("tesseract", [paths[0], "-", "-l", "swe"], { env, stdio: "ignore" });
    const t1 = performance.now();
    for (const path of paths) execFileSync("tesseract", [path, "-", "-l", "swe", "--psm", "3"], { env, stdio: "ignore" });
    native = { version: (version.stdout || version.stderr).split("\n")[0].trim(), msPerPage: (performance.now() - t1) / paths.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(JSON.stringify({ quality, ocr: { pages: images.length, tesseractJsMsPerPage: tesseractJsMs, native } }));
