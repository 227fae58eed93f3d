// Score per renderer family: render a seeded sample of PDFs per template (test/support/families.ts,
// bundled with esbuild), parse them with the built CLI and score them against the records they
// were rendered from. Called by scripts/eval.mjs; `node scripts/families.mjs [--count N] [--verbose]`.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = new URL("../", import.meta.url).pathname;
const shared = new URL("../../shared/", import.meta.url).pathname;
const out = join(root, ".eval/families");
// Table and side-heading families that are also scored as text, extracted from the same PDFs with `pdftotext -layout` (poppler-utils).
const TEXT_FAMILIES = ["dagordningstabell", "narvarolista", "omrostningslista", "sidorubriker", "innehall"];

export async function scoreFamilies({ count = 12, extra = [] } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bundle = join(out, "families.bundle.mjs");
  await build({ entryPoints: [join(root, "test/support/families.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: bundle, logLevel: "error" });
  const { FAMILIES, renderFamily } = await import(pathToFileURL(bundle).href);
  const scores = [];
  for (const family of FAMILIES) {
    const dir = join(out, family.template);
    const [inputs, gold, pred] = ["pdf", "gold", "pred"].map((d) => join(dir, d));
    for (const d of [inputs, gold, pred]) mkdirSync(d, { recursive: true });
    const cases = await renderFamily(family, count);
    for (const c of cases) {
      writeFileSync(join(inputs, `${c.name}.pdf`), c.pdf);
      writeFileSync(join(gold, `${c.name}.json`), JSON.stringify(c.gold, null, 2));
    }
    try {
      execFileSync(process.execPath, [join(root, "dist/cli.js"), "parse", "--out", pred, ...cases.map((c) => join(inputs, `${c.name}.pdf`))], { stdio: "ignore" });
    } catch {
      // Exit code 1 means some inputs failed; the scorer counts them as missing.
    }
    const report = execFileSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", gold, "--pred", join(pred, "documents"), ...extra], { encoding: "utf8" });
    if (extra.includes("--verbose")) console.log(report);
    scores.push(`${family.template.padEnd(20)} ${report.trim().split("\n").pop()}`);
    if (TEXT_FAMILIES.includes(family.template)) scores.push(`${`${family.template} (text)`.padEnd(20)} ${scoreAsText(dir, cases, extra)}`);
  }
  console.log(`\n== renderer families (${count} PDFs each)`);
  for (const line of scores) console.log(line);
}

/** The family's PDFs as `pdftotext -layout` extracts them, parsed as text and scored against the same records. */
function scoreAsText(dir, cases, extra) {
  const [inputs, gold, pred] = ["txt", "gold-text", "pred-text"].map((d) => join(dir, d));
  for (const d of [inputs, gold, pred]) mkdirSync(d, { recursive: true });
  for (const c of cases) {
    writeFileSync(join(inputs, `${c.name}.txt`), execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: c.pdf }));
    writeFileSync(join(gold, `${c.name}.json`), JSON.stringify({ ...c.gold, source: { ...c.gold.source, textSource: "text", sha256: null } }, null, 2));
  }
  try {
    execFileSync(process.execPath, [join(root, "dist/cli.js"), "parse", "--out", pred, ...cases.map((c) => join(inputs, `${c.name}.txt`))], { stdio: "ignore" });
  } catch {
    // As for the PDFs: failed inputs count as missing.
  }
  const report = execFileSync(process.execPath, [join(shared, "eval/score.mjs"), "--gold", gold, "--pred", join(pred, "documents"), ...extra], { encoding: "utf8" });
  if (extra.includes("--verbose")) console.log(report);
  return report.trim().split("\n").pop();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--count");
  const count = at >= 0 ? Number(args[at + 1]) : 12;
  await scoreFamilies({ count, extra: args.filter((a, i) => a.startsWith("--") && a !== "--count" && args[i - 1] !== "--count") });
}
