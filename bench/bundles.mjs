// What a browser app pays, in bundled bytes, for each way of importing protokoll: esbuild
// bundles a one-line app per case from the built package (dist/, so run `npm run build`
// first) for the browser, minified, and its metafile says how many bytes came from where.
// pdf.js and its worker code are lazy chunks: counted apart, they load with the first PDF;
// tesseract.js's API (OCR) is another, loaded only when a page needs OCR (its worker, wasm
// core and model are files the app ships beside itself, never in the bundle).
//
//   node bench/bundles.mjs          # prints a table; npm run bench adds the figures to results.json
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = new URL("../", import.meta.url).pathname;

export const CASES = {
  "parsePdf (protokoll)": 'import { parsePdf } from "protokoll"; globalThis.run = parsePdf;',
  "errors only (protokoll/errors)": 'import { ProtokollError, isProtokollError } from "protokoll/errors"; globalThis.run = [ProtokollError, isProtokollError];',
  "schema only (protokoll/schema)": 'import { DocumentSchema } from "protokoll/schema"; globalThis.run = DocumentSchema;',
  "errors from the main entry (protokoll)": 'import { isProtokollError } from "protokoll"; globalThis.run = isProtokollError;',
};

/** Bytes of the app's own file(s) and of pdf.js's lazily loaded chunks, and the biggest inputs. */
export async function bundleSizes() {
  // Inside the repository: "protokoll" resolves to the package itself (its exports), as an app's would.
  mkdirSync(join(root, "bench/out"), { recursive: true });
  const dir = mkdtempSync(join(root, "bench/out/bundles-"));
  try {
    const results = {};
    for (const [name, code] of Object.entries(CASES)) {
      const entry = join(dir, "app.mjs");
      writeFileSync(entry, code);
      const { metafile } = await build({
        entryPoints: [entry],
        outdir: join(dir, "out"),
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "browser",
        minify: true,
        metafile: true,
        write: false,
        logLevel: "silent",
      });
      const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith(".js"));
      // Lazy import()s are entry points of their own in esbuild's metafile: the app is the one from app.mjs.
      const entryOut = outputs.find(([, o]) => o.entryPoint?.endsWith("/app.mjs"));
      const lazyOutputs = outputs.filter((output) => output !== entryOut);
      const lazy = lazyOutputs.reduce((sum, [, o]) => sum + o.bytes, 0);
      // A lazy chunk is OCR's when any of its input comes from the OCR stack.
      const ocrLazy = lazyOutputs
        .filter(([, o]) => Object.keys(o.inputs).some((input) => OCR_PACKAGES.includes(origin(input))))
        .reduce((sum, [, o]) => sum + o.bytes, 0);
      const byPackage = {};
      for (const [input, { bytesInOutput }] of Object.entries(entryOut[1].inputs)) {
        const key = origin(input);
        byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
      }
      results[name] = { bytes: entryOut[1].bytes, lazyChunkBytes: lazy, ocrLazyChunkBytes: ocrLazy, byPackage };
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const OCR_PACKAGES = ["tesseract.js", "tesseract.js-core", "regenerator-runtime", "wasm-feature-detect", "is-url", "bmp-js", "zlibjs"];

/** "zod", "@scope/name", "protokoll (dist)" or "app" for a metafile input path. */
function origin(input) {
  if (input.endsWith("/app.mjs")) return "app";
  const inPackage = input.split("node_modules/")[1];
  if (inPackage !== undefined) return inPackage.split("/").slice(0, inPackage.startsWith("@") ? 2 : 1).join("/");
  return "protokoll (dist)";
}

export function formatBundleSizes(results) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    "Browser bundle (esbuild, minified, ESM with splitting), per import:",
    ...Object.entries(results).map(([name, r]) => {
      const parts = Object.entries(r.byPackage).sort((a, b) => b[1] - a[1]).filter(([, b]) => b > 1024).map(([p, b]) => `${p} ${kb(b)}`);
      const lazy = r.lazyChunkBytes
        ? ` + ${kb(r.lazyChunkBytes)} lazy (pdf.js and its worker code ${kb(r.lazyChunkBytes - r.ocrLazyChunkBytes)}, OCR ${kb(r.ocrLazyChunkBytes)})`
        : "";
      return `  ${name.padEnd(40)} ${kb(r.bytes).padStart(9)}${lazy}${parts.length ? `  [${parts.join(", ")}]` : ""}`;
    }),
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(formatBundleSizes(await bundleSizes()));
}
