// npm run bench [-- --quick] [-- --no-build] [-- --fresh-corpus]
//
// Where the time goes, per document size: pdf.js getTextContent alone, our
// pdf + layout stages, grammar + build + validation, and parsePdf end to end;
// peak RSS per size (each size in a fresh child process); pdftotext as a
// reference where it is installed; the CLI on a folder with --jobs 1 / N; and OCR (bench/ocr.mjs):
// the text-layer check's cost and OCR pages/s per core beside the native tesseract.
// Prints a table and writes bench/results.json. See bench/README.md.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, platform, release, totalmem } from "node:os";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { bundleSizes, formatBundleSizes } from "./bundles.mjs";

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const root = new URL("../", import.meta.url).pathname;
const out = join(root, "bench/out");
const corpusDir = join(out, "corpus");
const devDir = join(root, "../shared/eval/dev");
const log = (...a) => console.error(...a);
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => {
    const i = (s.length - 1) * p;
    return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
  };
  return { median: q(0.5), min: s[0], max: s[s.length - 1], q1: q(0.25), q3: q(0.75), n: s.length };
};

// --- Machine state: other processes and how much parallelism the cores give right now -------------
// A shared or throttled 2-core VM can give far less than 2x; the --jobs figures mean little without this.
const SPIN = "let x=0;for(let i=0;i<2e8;i++)x+=i%7;";
async function spin(n) {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, () => new Promise((done) => spawn(process.execPath, ["-e", SPIN]).on("exit", done))));
  return performance.now() - t0;
}
let loadBefore = null;
try {
  loadBefore = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
} catch {}
const spinOne = stats([await spin(1), await spin(1), await spin(1)]).median;
const spinPar = stats([await spin(2), await spin(2), await spin(2)]).median;
const machineSpeedup2 = (2 * spinOne) / spinPar;
log(`load average ${loadBefore?.join(" ") ?? "?"}; 2 CPU-bound processes run ${machineSpeedup2.toFixed(2)}x as fast as 1`);
if (loadBefore && loadBefore[0] > 0.5) log("warning: the machine is busy (load average > 0.5): timings will be noisy and --jobs speed-ups low");

// --- 1. Build: the package (dist/) and the bench's own entries (bench/out/*.mjs) ---------------
if (!args.has("--no-build")) {
  log("building the package (npm run build) ...");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
const esbuild = await import("esbuild"); // tsup's own bundler, already installed with it
mkdirSync(out, { recursive: true });
for (const name of ["stages", "corpus"]) {
  await esbuild.build({
    entryPoints: [join(root, `bench/${name}.ts`)],
    outfile: join(out, `${name}.mjs`),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

// --- 2. Corpus: dev PDFs + rendered documents of exactly N pages (cached in bench/out/corpus) ---
const SIZES = QUICK ? [1, 10, 40] : [1, 10, 40, 50, 400];
const ALL_SIZES = [1, 10, 40, 50, 400];
const rendered = (n) => join(corpusDir, `rendered-${n}p.pdf`);
if (args.has("--fresh-corpus")) rmSync(corpusDir, { recursive: true, force: true });
if (!ALL_SIZES.every((n) => existsSync(rendered(n)))) {
  log("rendering the corpus (test/support/render, fixed seeds) ...");
  mkdirSync(corpusDir, { recursive: true });
  const { renderLong, firstPages } = await import(join(out, "corpus.mjs"));
  const long = await renderLong(Math.max(...ALL_SIZES));
  for (const n of ALL_SIZES) writeFileSync(rendered(n), await firstPages(long.bytes, n));
}
const devFiles = existsSync(devDir)
  ? readdirSync(devDir).filter((f) => f.endsWith(".pdf")).sort().map((f) => join(devDir, f))
  : [];
const sha = (file) => createHash("sha256").update(readFileSync(file)).digest("hex");
const corpus = [
  ...(devFiles.length ? [{ name: `dev (${devFiles.length} files)`, files: devFiles }] : []),
  ...SIZES.map((n) => ({ name: `rendered ${n} p`, files: [rendered(n)], pages: n })),
];
const runsFor = (pages) => (QUICK ? 3 : pages >= 200 ? 3 : 5);

// --- 3. Per size: timings and RSS, each in a fresh child process ---------------------------------
function child(argv) {
  const r = spawnSync(process.execPath, ["--expose-gc", join(root, "bench/measure.mjs"), ...argv], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`measure.mjs ${argv[0]} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const pdftotext = (() => {
  const r = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  return r.error ? null : (r.stderr || r.stdout).split("\n")[0].trim();
})();

const STAGES = ["pdfjs", "pdfLayout", "grammarBuild", "endToEnd"];
const rows = [];
for (const entry of corpus) {
  const runs = runsFor(entry.pages ?? 0);
  log(`measuring ${entry.name}: ${runs} runs ...`);
  const timing = child(["timing", String(runs), rendered(10), ...entry.files]);
  const rss = child(["rss", ...entry.files]);
  const pages = timing.samples[0].pages;
  const row = { name: entry.name, files: entry.files.map((f) => ({ file: basename(f), sha256: sha(f) })), pages, runs };
  for (const stage of STAGES) {
    const ms = stats(timing.samples.map((s) => s[stage]));
    row[stage] = { ms, msPerPage: ms.median / pages, pagesPerSecond: (pages * 1000) / ms.median };
  }
  row.pdfLayoutOverPdfjsTime = row.pdfLayout.ms.median / row.pdfjs.ms.median;
  row.e2eOverPdfjsTime = row.endToEnd.ms.median / row.pdfjs.ms.median;
  row.e2eThroughputVsPdfjs = row.pdfjs.ms.median / row.endToEnd.ms.median;
  row.peakRssMb = rss.peakRssMb;
  row.peakRssMbAllStages = timing.peakRssMb;
  if (pdftotext) {
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      for (const f of entry.files) execFileSync("pdftotext", [f, "-"], { stdio: ["ignore", "ignore", "ignore"], maxBuffer: 256 << 20 });
      times.push(performance.now() - t0);
    }
    const ms = stats(times);
    row.pdftotext = { ms, msPerPage: ms.median / pages, pagesPerSecond: (pages * 1000) / ms.median };
  }
  rows.push(row);
}

// --- 3b. What the extraction worker costs (src/pdf/isolated.ts) ------------------------------------
log(`extraction worker: cold start, warm extraction vs in-thread, transfer of the text items ...`);
const workerRaw = child(["worker", String(QUICK ? 3 : 5), rendered(1), ...SIZES.map(rendered)]);
const worker = {
  coldFirstAnswerMs: stats(workerRaw.cold),
  warmAnswerMs: stats(workerRaw.warm),
  sizes: workerRaw.perFile.map((f) => ({
    name: `rendered ${f.pages} p`,
    pages: f.pages,
    items: f.items,
    inThreadMs: stats(f.inThread),
    inWorkerMs: stats(f.inWorker),
    cloneMs: stats(f.clone),
  })),
};
worker.startMs = worker.coldFirstAnswerMs.median - worker.warmAnswerMs.median;

// --- 4. The CLI on a folder: --jobs 1 vs --jobs N ----------------------------------------------
const batchDir = join(out, "batch");
rmSync(batchDir, { recursive: true, force: true });
mkdirSync(batchDir, { recursive: true });
const batchSources = [...devFiles, rendered(10)];
const copies = QUICK ? 2 : 4;
for (let c = 0; c < copies; c++) {
  for (const f of batchSources) copyFileSync(f, join(batchDir, `${c}-${basename(f)}`));
}
const batchFiles = readdirSync(batchDir).length;
const N = Math.max(2, availableParallelism());
const jobsList = [...new Set([1, 2, N])];
const batchRuns = QUICK ? 2 : 3;
const batch = { files: batchFiles, pages: copies * (devFiles.length ? rows[0].pages : 0) + copies * 10, runs: batchRuns, jobs: {} };
for (const jobs of jobsList) {
  log(`CLI batch, --jobs ${jobs}: ${batchRuns} runs ...`);
  const times = [];
  for (let r = 0; r < batchRuns; r++) {
    const dest = join(out, `batch-out-${jobs}`);
    rmSync(dest, { recursive: true, force: true });
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [join(root, "dist/cli.js"), "parse", batchDir, "--out", dest, "--jobs", String(jobs)], { encoding: "utf8" });
    times.push(performance.now() - t0);
    if (res.status !== 0) throw new Error(`CLI --jobs ${jobs} exited ${res.status}: ${res.stderr}`);
  }
  batch.jobs[jobs] = stats(times);
}
batch.speedup = Object.fromEntries(jobsList.filter((j) => j > 1).map((j) => [j, batch.jobs[1].median / batch.jobs[j].median]));

// --- 4b. OCR: the text-layer check's cost on text PDFs, OCR pages/s per core beside native tesseract ---
log("OCR: quality-check cost and OCR throughput ...");
const ocrRun = spawnSync(process.execPath, [join(root, "bench/ocr.mjs"), String(QUICK ? 2 : 5), rendered(10), ...devFiles], { encoding: "utf8", maxBuffer: 64 << 20 });
if (ocrRun.status !== 0) throw new Error(`ocr.mjs failed:\n${ocrRun.stderr}`);
const ocr = JSON.parse(ocrRun.stdout.trim().split("\n").pop());
const checkShare = Math.max(...ocr.quality.map((q) => q.share));
ocr.pagesPerSecondPerCore = 1000 / ocr.ocr.tesseractJsMsPerPage;
ocr.nativePagesPerSecondPerCore = ocr.ocr.native ? 1000 / ocr.ocr.native.msPerPage : null;

// --- 5. Targets -------------------------------------------------------------------------------
const bySize = (n) => rows.find((r) => r.name === `rendered ${n} p`);
const targets = [];
const worstRatio = Math.min(...rows.map((r) => r.e2eThroughputVsPdfjs));
targets.push({
  target: "end to end >= 0.85x pdf.js-alone throughput (every size)",
  value: `worst ${worstRatio.toFixed(2)}x (${rows.find((r) => r.e2eThroughputVsPdfjs === worstRatio).name})`,
  pass: worstRatio >= 0.85,
});
const worstStage = Math.max(...rows.map((r) => r.pdfLayoutOverPdfjsTime));
targets.push({
  target: "pdf+layout <= 1.15x pdf.js-alone time (every size)",
  value: `worst ${worstStage.toFixed(2)}x (${rows.find((r) => r.pdfLayoutOverPdfjsTime === worstStage).name})`,
  pass: worstStage <= 1.15,
});
if (bySize(400) && bySize(40)) {
  const k = bySize(400).endToEnd.ms.median / bySize(40).endToEnd.ms.median;
  targets.push({ target: "linear: 400-page time <= 10.5x 40-page time", value: `${k.toFixed(2)}x`, pass: k <= 10.5 });
  targets.push({ target: "peak RSS <= 250 MB on 400 pages (parsePdf)", value: `${bySize(400).peakRssMb.toFixed(0)} MB`, pass: bySize(400).peakRssMb <= 250 });
}
targets.push({
  target: "--jobs 2 >= 1.6x --jobs 1 on a batch",
  value: `${batch.speedup[2].toFixed(2)}x (the machine itself: ${machineSpeedup2.toFixed(2)}x for 2 CPU-bound processes)`,
  pass: batch.speedup[2] >= 1.6,
});

targets.push({
  target: "text-layer quality check <= 2 % of text extraction (every text PDF)",
  value: `worst ${(100 * checkShare).toFixed(2)} % (${ocr.quality.find((q) => q.share === checkShare).file})`,
  pass: checkShare <= 0.02,
});
if (ocr.nativePagesPerSecondPerCore !== null) {
  const k = ocr.pagesPerSecondPerCore / ocr.nativePagesPerSecondPerCore;
  targets.push({ target: "OCR >= 0.5x native tesseract's pages/s per core", value: `${k.toFixed(2)}x`, pass: k >= 0.5 });
}

// --- 6. Report ------------------------------------------------------------------------------------
const f1 = (x) => x.toFixed(1);
const spread = (s) => `${f1(s.ms.median)} (${f1(s.ms.min)}–${f1(s.ms.max)})`;
const label = { pdfjs: "pdf.js alone", pdfLayout: "pdf+layout", grammarBuild: "grammar+build", endToEnd: "end to end", pdftotext: "pdftotext" };
const lines = [];
lines.push(`protokoll bench — ${new Date().toISOString()} — ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores, Node ${process.versions.node}${QUICK ? " — QUICK" : ""}`);
lines.push(`load average at start ${loadBefore?.join(" ") ?? "?"}; 2 CPU-bound processes ran ${machineSpeedup2.toFixed(2)}x as fast as 1 (the ceiling for --jobs 2)`);
lines.push("ms = median (min–max) of the runs, for the whole size (summed over its files)");
lines.push("");
const header = ["size", "pages", "runs", "stage", "ms", "ms/page", "pages/s"];
const table = [];
for (const r of rows) {
  for (const stage of [...STAGES, ...(r.pdftotext ? ["pdftotext"] : [])]) {
    const s = r[stage];
    table.push([stage === "pdfjs" ? r.name : "", stage === "pdfjs" ? String(r.pages) : "", stage === "pdfjs" ? String(r.runs) : "", label[stage], spread(s), s.msPerPage.toFixed(2), s.pagesPerSecond.toFixed(0)]);
  }
  table.push(["", "", "", "stage/pdf.js", `pdf+layout time ${r.pdfLayoutOverPdfjsTime.toFixed(2)}x`, "", ""]);
  table.push(["", "", "", "e2e/pdf.js", `time ${r.e2eOverPdfjsTime.toFixed(2)}x, throughput ${r.e2eThroughputVsPdfjs.toFixed(2)}x`, "", ""]);
  table.push(["", "", "", "peak RSS", `${r.peakRssMb.toFixed(0)} MB parsePdf only (${r.peakRssMbAllStages.toFixed(0)} MB all stages)`, "", ""]);
}
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const fmt = (cols) => cols.map((c, i) => (i >= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
lines.push(fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...table.map(fmt));
if (!pdftotext) lines.push("(pdftotext not installed: no reference row)");
lines.push("");
lines.push(`Extraction worker (pdf.js in a worker thread, src/pdf/isolated.ts): a cold worker's first answer on 1 page ${f1(worker.coldFirstAnswerMs.median)} ms, a warm one's ${f1(worker.warmAnswerMs.median)} ms: start-up ~${f1(worker.startMs)} ms`);
for (const w of worker.sizes) {
  lines.push(
    `  ${w.name.padEnd(16)} in-thread ${f1(w.inThreadMs.median).padStart(7)} ms  in worker ${f1(w.inWorkerMs.median).padStart(7)} ms (${(w.inWorkerMs.median / w.inThreadMs.median).toFixed(2)}x)  clone of ${w.items} items ${f1(w.cloneMs.median)} ms`,
  );
}
lines.push("");
lines.push(`CLI batch: ${batch.files} files, ${batch.pages} pages (${copies}x: ${batchSources.map((f) => basename(f)).join(", ")})`);
for (const j of jobsList) {
  lines.push(`  --jobs ${j}: ${f1(batch.jobs[j].median)} ms (${f1(batch.jobs[j].min)}–${f1(batch.jobs[j].max)})${j > 1 ? `  speed-up ${batch.speedup[j].toFixed(2)}x` : ""}`);
}
lines.push("");
lines.push(`OCR (${ocr.ocr.pages} page images at 200 dpi, one core): tesseract.js ${ocr.pagesPerSecondPerCore.toFixed(2)} pages/s (${f1(ocr.ocr.tesseractJsMsPerPage)} ms/page)` +
  (ocr.ocr.native ? `; native ${ocr.ocr.native.version} ${ocr.nativePagesPerSecondPerCore.toFixed(2)} pages/s (${f1(ocr.ocr.native.msPerPage)} ms/page)` : "; native tesseract (swe) not installed"));
for (const q of ocr.quality) lines.push(`  quality check on ${q.file} (${q.pages} p): ${q.checkMs.toFixed(2)} ms of ${f1(q.extractMs)} ms extraction = ${(100 * q.share).toFixed(2)} %`);
lines.push("");
lines.push("Targets:");
for (const t of targets) lines.push(`  ${t.pass ? "PASS" : "MISS"}  ${t.target}: ${t.value}`);
console.log(lines.join("\n"));
const bundles = await bundleSizes();
console.log("\n" + formatBundleSizes(bundles));

let commit = null;
try {
  commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
} catch {}
const results = {
  date: new Date().toISOString(),
  quick: QUICK,
  commit,
  machine: {
    cpu: cpus()[0]?.model ?? null,
    cores: availableParallelism(),
    memoryMb: Math.round(totalmem() / 2 ** 20),
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    pdfjs: JSON.parse(readFileSync(join(root, "node_modules/pdfjs-dist/package.json"), "utf8")).version,
    pdftotext,
    loadAverageAtStart: loadBefore,
    twoProcessSpeedup: machineSpeedup2,
  },
  sizes: rows,
  worker,
  batch,
  ocr,
  targets,
  bundles,
};
const file = args.has("--out") ? process.argv[process.argv.indexOf("--out") + 1] : join(root, QUICK ? "bench/out/results.quick.json" : "bench/results.json");
writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
log(`results written to ${file}`);
