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

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    pdfWorkerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = `${ROOT}node_modules/.cache/protokoll-pdf-worker`;
  mkdirSync(dir, { recursive: true });
  // One file per run: two runs at once in one checkout do not overwrite each other's worker.
  const outfile = `${dir}/pdf-worker-${process.pid}.mjs`;
  await build({
    entryPoints: [`${ROOT}src/pdf/worker.ts`],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["pdfjs-dist"],
    logLevel: "warning",
  });
  project.provide("pdfWorkerUrl", pathToFileURL(outfile).href);
  return () => rmSync(outfile, { force: true });
}
