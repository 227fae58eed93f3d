// npm run fuzz -- [--runs N] [--seed S] [--jobs J] [--budget MS] [--wall MS] [--max-size N]
//                 [--dist DIR] [--failures DIR] [--json FILE] [--only I] [--replay FILE ...]
//
// Mutates the fixture PDFs (and ../shared/eval/dev/*.pdf where present) and
// generates random and pathological texts; parses each input with the built
// package (dist/, or --dist) in a child process under a hard wall clock, and
// prints counts per outcome and the slowest inputs. Failing inputs (crash,
// exception that is not a ProtokollError, schema-invalid record, hang) are
// written to --failures (fuzz-failures/) with the command that regenerates
// them; the exit status is 1 when there is any. Input i of seed S is the same
// input whatever --runs is: `--seed S --only I` replays it.
import { fork } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { mutatePdf, toLatin1 } from "./fuzz/pdf.mjs";
import { inputSeed, random } from "./fuzz/random.mjs";
import { generateText } from "./fuzz/text.mjs";

const root = new URL("../", import.meta.url).pathname;
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: "string", default: "1000" },
    seed: { type: "string" },
    jobs: { type: "string", default: String(Math.min(4, availableParallelism())) },
    budget: { type: "string", default: "5000" },
    wall: { type: "string" },
    "max-size": { type: "string" },
    "pdf-share": { type: "string", default: "0.75" },
    dist: { type: "string", default: join(root, "dist") },
    failures: { type: "string", default: join(root, "fuzz-failures") },
    json: { type: "string" },
    only: { type: "string" },
    replay: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});
const seed = args.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(args.seed);
const runs = Number(args.runs);
const jobs = Math.max(1, Number(args.jobs));
const budgetMs = Number(args.budget);
/** Past this an input counts as a hang: the parser's own budget plus time for a child to load and answer. */
const wallMs = args.wall === undefined ? budgetMs + 5000 : Number(args.wall);
const maxSize = args["max-size"] === undefined ? Infinity : Number(args["max-size"]);
const dist = resolve(args.dist);
const log = (...a) => args.quiet || console.error(...a);
if (!existsSync(join(dist, "index.js"))) {
  console.error(`${dist}/index.js not found: run npm run build first (npm run fuzz does), or pass --dist`);
  process.exit(2);
}

// --- Inputs -----------------------------------------------------------------------------------
const files = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);
const pdfSources = [...files(join(root, "fixtures"), ".pdf"), ...files(join(root, "../shared/eval/dev"), ".pdf")].map((path) => ({
  name: path.slice(path.lastIndexOf("/") + 1),
  text: toLatin1(readFileSync(path)),
}));
const textSources = [...files(join(root, "fixtures"), ".txt"), ...files(join(root, "../shared/seeds"), ".txt")].map((path) => readFileSync(path, "utf8"));

/** Input `index` of this run, made afresh from its own seed. */
function makeInput(index) {
  const r = random(inputSeed(seed, index), maxSize);
  if (r.chance(Number(args["pdf-share"]))) {
    const { bytes, description } = mutatePdf(pdfSources, r);
    return { index, kind: "pdf", data: bytes, description };
  }
  const { text, description } = generateText(r, textSources);
  return { index, kind: "text", data: text, description };
}

function replayInput(path, index) {
  const bytes = readFileSync(path);
  const pdf = path.endsWith(".pdf") || bytes.subarray(0, 5).toString("latin1") === "%PDF-";
  return { index, kind: pdf ? "pdf" : "text", data: pdf ? new Uint8Array(bytes) : bytes.toString("utf8"), description: path };
}

const indexes = args.only !== undefined ? args.only.split(",").map(Number) : args.replay ? positionals.map((_, i) => i) : Array.from({ length: runs }, (_, i) => i);
const inputAt = (index) => (args.replay ? replayInput(positionals[index], index) : makeInput(index));

// --- Children: each parses many inputs; one that hangs or dies is replaced ---------------------
const FAILING = new Set(["exception", "schema-invalid", "hang", "crash"]);
const results = [];
let next = 0;

/** CPU time a process has used so far, in ms (Linux /proc; null elsewhere): tells a hang from a busy machine. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function runChild() {
  return new Promise((done) => {
    let current = null;
    let previous = [];
    let timer;
    let stderr = "";
    const child = fork(join(root, "scripts/fuzz/child.mjs"), [dist], {
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      execArgv: ["--max-old-space-size=2048"],
    });
    child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    const record = (input, result) => {
      results.push({ index: input.index, kind: input.kind, description: input.description, size: input.data.length, ...result });
      if (FAILING.has(result.outcome)) saveFailure(input, result, previous);
      previous = [...previous, { index: input.index, description: input.description }].slice(-3);
    };
    const dispatch = () => {
      if (next >= indexes.length) {
        current = null;
        child.kill();
        return;
      }
      current = inputAt(indexes[next++]);
      const input = current;
      const cpuBefore = cpuMs(child.pid);
      timer = setTimeout(() => {
        const cpu = cpuBefore === null ? null : cpuMs(child.pid) - cpuBefore;
        record(input, { outcome: "hang", ms: wallMs, detail: `no answer in ${wallMs} ms (wall clock; ${cpu === null ? "?" : Math.round(cpu)} ms of CPU)` });
        current = null;
        child.kill("SIGKILL");
      }, wallMs);
      child.send({ id: input.index, kind: input.kind, data: input.data, budgetMs });
    };
    child.on("message", (message) => {
      if (message.ready) return dispatch();
      if (!current || message.id !== current.index) return;
      clearTimeout(timer);
      const { id: _, ...result } = message;
      record(current, result);
      dispatch();
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (current) record(current, { outcome: "crash", ms: 0, detail: `child exited (${signal ?? code})\n${stderr}` });
      done(next < indexes.length);
    });
  });
}

function saveFailure(input, result, previous) {
  mkdirSync(args.failures, { recursive: true });
  const name = args.replay ? `replay-${input.index}` : `${seed}-${input.index}`;
  writeFileSync(join(args.failures, `${name}.${input.kind === "pdf" ? "pdf" : "txt"}`), input.data);
  const replay = args.replay ? `node scripts/fuzz.mjs --replay ${positionals[input.index]}` : `node scripts/fuzz.mjs --seed ${seed} --only ${input.index}`;
  // A crash can depend on what the child parsed before: the inputs before this one are listed.
  writeFileSync(join(args.failures, `${name}.json`), `${JSON.stringify({ seed, ...input, data: undefined, ...result, previous, replay }, null, 2)}\n`);
}

// --- Run and report ----------------------------------------------------------------------------
log(`fuzz: seed ${seed}, ${indexes.length} inputs, ${jobs} children, budget ${budgetMs} ms, wall clock ${wallMs} ms`);
const started = performance.now();
const progress = setInterval(() => log(`  ${results.length}/${indexes.length} ...`), 30_000);
await Promise.all(
  Array.from({ length: Math.min(jobs, indexes.length) }, async () => {
    while (await runChild());
  }),
);
clearInterval(progress);
const seconds = (performance.now() - started) / 1000;

const counts = {};
for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
const kinds = { pdf: results.filter((r) => r.kind === "pdf").length, text: results.filter((r) => r.kind === "text").length };
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 10);
const failing = results.filter((r) => FAILING.has(r.outcome));
const late = results.filter((r) => !FAILING.has(r.outcome) && r.ms > budgetMs + 1000).length;

console.log(`seed ${seed}: ${results.length} inputs (${kinds.pdf} PDFs, ${kinds.text} texts) in ${seconds.toFixed(1)} s`);
for (const [outcome, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${outcome}${FAILING.has(outcome) ? "  <- failing" : ""}`);
console.log(`  answers later than budget + 1 s: ${late}`);
console.log("slowest:");
for (const r of slowest) console.log(`  ${(r.ms / 1000).toFixed(2).padStart(7)} s  #${r.index}  ${r.outcome}  ${r.description}`);
if (failing.length > 0) {
  console.log(`${failing.length} failing input(s), written to ${args.failures}:`);
  for (const r of failing.slice(0, 20)) console.log(`  #${r.index} ${r.outcome}: ${r.description}\n    ${r.detail.split("\n")[0]}`);
}
if (args.json) {
  writeFileSync(args.json, `${JSON.stringify({ seed, inputs: results.length, kinds, seconds, counts, late, slowest, failing }, null, 2)}\n`);
}
process.exit(failing.length > 0 ? 1 : 0);
