// npm run eval: parse the shared dev PDFs, seed texts and real PDFs with hand gold with the built CLI,
// one documents/NAME.json per input, and score them with the shared scorer.
// Usage: npm run eval [-- --verbose]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { scoreFamilies } from "./families.mjs";

const shared = new URL("../../shared/", import.meta.url).pathname;
const out = new URL("../.eval/", import.meta.url).pathname;
const extra = process.argv.slice(2);

const sets = [
  { name: "seeds (text input)", inputs: join(shared, "seeds"), ext: ".txt", gold: join(shared, "eval/gold") },
  { name: "dev (PDF input)", inputs: join(shared, "eval/dev"), ext: ".pdf", gold: join(shared, "eval/dev") },
  // Real documents with hand gold; only the PDFs that have a gold file are parsed (the others are for realcheck.mjs).
  { name: "real (PDF input, hand gold)", inputs: join(shared, "eval/real"), ext: ".pdf", gold: join(shared, "eval/real"), goldOnly: true, dir: "real" },
];

for (const set of sets) {
  const pred = join(out, set.dir ?? set.ext.slice(1));
  rmSync(pred, { recursive: true, force: true });
  mkdirSync(pred, { recursive: true });
  const files = readdirSync(set.inputs)
    .filter((f) => f.endsWith(set.ext) && !/^README/i.test(f))
    .filter((f) => !set.goldOnly || existsSync(join(set.gold, f.slice(0, -set.ext.length) + ".json")))
    .map((f) => join(set.inputs, f));
  try {
    execFileSync(process.execPath, ["dist/cli.js", "parse", "--out", pred, ...files], { stdio: ["ignore", "ignore", "inherit"] });
  } catch {
    // Exit code 1 means some inputs failed; the scorer counts them as missing.
  }
  console.log(`\n== ${set.name}`);
  // The CLI writes each input's document to DIR/documents/NAME.json (named files: their base name).
  execFileSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", set.gold, "--pred", join(pred, "documents"), ...extra], { stdio: "inherit" });
}

// Renderer families: one score per template of the test renderer (scripts/families.mjs).
await scoreFamilies({ extra });
