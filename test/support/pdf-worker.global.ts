/**
 * vitest globalSetup: tests run the library from source (.ts), where there is no
 * built pdf-worker.js beside src/pdf/isolated.ts. Build src/pdf/worker.ts once
 * with esbuild (tsup's own bundler) into node_modules/.cache, where pdfjs-dist
 * still resolves, and hand its URL to every test file (see pdf-worker.setup.ts).
 */
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";
import { sharedNotice } from "./shared.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    pdfWorkerUrl: string;
    crashingPdfWorkerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const notice = sharedNotice();
  if (notice !== null) console.warn(`protokoll tests: ${notice}`);
  const dir = `${ROOT}node_modules/.cache/protokoll-pdf-worker`;
  mkdirSync(dir, { recursive: true });
  // One file per run: two runs at once in one checkout do not overwrite each other's worker.
  const bundle = async (entry: string, name: string): Promise<string> => {
    const outfile = `${dir}/${name}-${process.pid}.mjs`;
    // ignoreAnnotations: the package's "sideEffects": false would drop the crashing worker's bare import of the real one.
    await build({ entryPoints: [`${ROOT}${entry}`], outfile, bundle: true, platform: "node", format: "esm", target: "node20", external: ["pdfjs-dist", "tesseract.js", "@tesseract.js-data/*", "@napi-rs/canvas"], ignoreAnnotations: true, logLevel: "warning" });
    return outfile;
  };
  const worker = await bundle("src/pdf/worker.ts", "pdf-worker");
  // The real worker plus an unhandled rejection on request (test/pdf/isolated.test.ts).
  const crashing = await bundle("test/pdf/crashing-worker.ts", "crashing-pdf-worker");
  project.provide("pdfWorkerUrl", pathToFileURL(worker).href);
  project.provide("crashingPdfWorkerUrl", pathToFileURL(crashing).href);
  return () => {
    rmSync(worker, { force: true });
    rmSync(crashing, { force: true });
  };
}
