// Builds the example page into a folder (default examples/browser/dist/): index.html and
// one classic script, app.js, with protokoll, zod and pdf.js (its worker code included)
// inside. Open its index.html straight from disk: no server, nothing fetched.
//
//   npm run build && node examples/browser/build.mjs
//
// "protokoll" resolves to the built package, as in an app. The browser test builds it
// from src/ instead (fromSource), so that it needs no `npm run build` first.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = new URL("./", import.meta.url);
const require = createRequire(import.meta.url);
const defaultOut = fileURLToPath(new URL("dist", here));

export async function buildExample({ outDir = defaultOut, fromSource = false } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [fileURLToPath(new URL("main.js", here))],
    outfile: `${outDir}/app.js`,
    bundle: true,
    // A classic script: a file:// page may not load modules (nor module workers).
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "linked",
    logLevel: "warning",
    // protokoll's Node-only branch (finding pdf.js's data files on disk) reads import.meta.url,
    // which an iife has not; it never runs in a browser.
    logOverride: { "empty-import-meta": "silent" },
    ...(fromSource && { alias: { protokoll: fileURLToPath(new URL("../../src/index.ts", here)) } }),
  });
  copyFileSync(fileURLToPath(new URL("index.html", here)), `${outDir}/index.html`);
  // For ?worker=pdf.worker.min.mjs when the folder is served: the worker of the pdfjs-dist bundled above.
  copyFileSync(require.resolve("pdfjs-dist/legacy/build/pdf.worker.min.mjs"), `${outDir}/pdf.worker.min.mjs`);
  return `${outDir}/index.html`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`built ${await buildExample()}`);
}
