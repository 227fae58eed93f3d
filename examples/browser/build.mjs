// Builds the example page into a folder (default examples/browser/dist/): index.html and
// one classic script, app.js, with protokoll, zod and pdf.js (its worker code included)
// inside. Open its index.html straight from disk: no server, nothing fetched.
// For OCR (scans, garbled text layers) it copies tesseract.js's worker and wasm core and
// the Swedish model into ocr/, where protokoll looks by default (the ocrAssets option);
// those a page only loads when served over http(s), not from file://.
//
//   npm run build && node examples/browser/build.mjs
//
// "protokoll" resolves to the built package, as in an app. The browser test builds it
// from src/ instead (fromSource), so that it needs no `npm run build` first.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = new URL("./", import.meta.url);
const require = createRequire(import.meta.url);
const defaultOut = fileURLToPath(new URL("dist", here));

export async function buildExample({ outDir = defaultOut, fromSource = false } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "linked",
    logLevel: "warning",
    ...(fromSource && { alias: { protokoll: fileURLToPath(new URL("../../src/index.ts", here)) } }),
  };
  await build({
    ...common,
    entryPoints: [fileURLToPath(new URL("main.js", here))],
    outfile: `${outDir}/app.js`,
    // A classic script: a file:// page may not load modules (nor module workers).
    format: "iife",
    // protokoll's Node-only branch (finding pdf.js's data files on disk) reads import.meta.url,
    // which an iife has not; it never runs in a browser.
    logOverride: { "empty-import-meta": "silent" },
  });
  // The module worker of ?parse=worker: protokoll (and pdf.js) in one ES module, no chunks.
  await build({ ...common, entryPoints: [fileURLToPath(new URL("worker.js", here))], outfile: `${outDir}/worker.js`, format: "esm" });
  copyFileSync(fileURLToPath(new URL("index.html", here)), `${outDir}/index.html`);
  // For ?worker=pdf.worker.min.mjs when the folder is served: the worker of the pdfjs-dist bundled above.
  copyFileSync(require.resolve("pdfjs-dist/legacy/build/pdf.worker.min.mjs"), `${outDir}/pdf.worker.min.mjs`);
  copyOcrAssets(`${outDir}/ocr`);
  return `${outDir}/index.html`;
}

/**
 * What OCR needs in a browser, from the installed packages: tesseract.js's worker script, the
 * LSTM-only wasm cores of the tesseract.js-core it depends on (it picks one by the browser's
 * SIMD support; protokoll runs the LSTM engine only), and the integer Swedish model.
 */
export function copyOcrAssets(dir, languages = ["swe"]) {
  mkdirSync(dir, { recursive: true });
  const tesseract = dirname(require.resolve("tesseract.js/package.json"));
  copyFileSync(join(tesseract, "dist/worker.min.js"), join(dir, "worker.min.js"));
  const core = dirname(createRequire(join(tesseract, "package.json")).resolve("tesseract.js-core/package.json"));
  for (const file of ["tesseract-core-relaxedsimd-lstm.wasm.js", "tesseract-core-simd-lstm.wasm.js", "tesseract-core-lstm.wasm.js"]) {
    copyFileSync(join(core, file), join(dir, file));
  }
  for (const language of languages) {
    const model = join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), "4.0.0_best_int", `${language}.traineddata.gz`);
    copyFileSync(model, join(dir, `${language}.traineddata.gz`));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`built ${await buildExample()}`);
}
