// Where parsePdf's time goes on one file: node bench/profile.mjs FILE.pdf [RUNS] [--top N] [--stage pdfjs|e2e]
// Runs parsePdf RUNS times (after warm-up) under the V8 CPU profiler (node:inspector,
// the same profile as `node --cpu-prof`), writes bench/out/profile.cpuprofile and prints
// the top self-time functions and the self time per source area (pdf.js, src/pdf, src/layout, ...).
// Needs a build (npm run build, or npm run bench once).
import { Session } from "node:inspector/promises";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const argv = process.argv.slice(2);
const file = argv[0];
const runs = Number(argv[1] ?? 10);
const top = argv.includes("--top") ? Number(argv[argv.indexOf("--top") + 1]) : 25;
const stage = argv.includes("--stage") ? argv[argv.indexOf("--stage") + 1] : "e2e";
const root = new URL("../", import.meta.url);
const { parsePdf } = await import(new URL("dist/index.js", root).href);
const stages = await import(new URL("bench/out/stages.mjs", root).href);
const bytes = new Uint8Array(readFileSync(file));
const work = stage === "pdfjs" ? () => stages.pdfjsTextOnly(bytes) : () => parsePdf(bytes);
for (let i = 0; i < 3; i++) await work();

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const t0 = performance.now();
for (let i = 0; i < runs; i++) await work();
const elapsed = performance.now() - t0;
const { profile } = await session.post("Profiler.stop");
mkdirSync(new URL("bench/out/", root), { recursive: true });
writeFileSync(new URL("bench/out/profile.cpuprofile", root), JSON.stringify(profile));

// Self time per node = samples hitting it x interval.
const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const byFn = new Map();
const byArea = new Map();
const area = (url) =>
  url === "" ? "(native/gc/idle)" :
  /pdfjs-dist/.test(url) ? "pdf.js" :
  /chevrotain/.test(url) ? "chevrotain" :
  /zod/.test(url) ? "zod" :
  /node_modules/.test(url) ? url.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, "$1") :
  /^node:/.test(url) ? "node internals" : "protokoll (dist)";
for (const node of profile.nodes) {
  const ms = (hits.get(node.id) ?? 0) * dt;
  if (!ms) continue;
  const cf = node.callFrame;
  const key = `${cf.functionName || "(anonymous)"}  ${cf.url.replace(/.*\//, "")}:${cf.lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + ms);
  const a = area(cf.url);
  byArea.set(a, (byArea.get(a) ?? 0) + ms);
}
const total = [...byFn.values()].reduce((a, b) => a + b, 0);
console.log(`${file}: ${runs} runs of ${stage}, ${(elapsed / runs).toFixed(1)} ms/run; profile ${total.toFixed(0)} ms self time`);
console.log("\nself time by area:");
for (const [k, v] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(`  ${(v / runs).toFixed(2).padStart(8)} ms/run  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(v / runs).toFixed(2).padStart(8)} ms/run  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
