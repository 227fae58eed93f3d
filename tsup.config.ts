import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/**
 * Bundled into dist/ (tree-shaken, one file to load) rather than imported at run time:
 * chevrotain's package entry loads some 600 modules of lodash-es (about 300 ms at start-up,
 * paid again by every CLI worker), date-fns's about 250. Neither shows in the public types.
 * zod stays external: its schemas are part of the public API and must be the caller's zod.
 */
const BUNDLED = ["chevrotain", "date-fns"];
/** Installed copies, loaded at run time: pdf.js (large, ships its own worker and data files) and the OCR stack (optional, loaded lazily). */
const EXTERNAL = ["pdfjs-dist", "tesseract.js", "@tesseract.js-data/swe", "@napi-rs/canvas"];

export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    // Not `clean`: both builds run at once into dist/, and one cleaning it would truncate the other's files.
    // The build script empties dist/ before tsup starts.
    target: "node20",
    external: EXTERNAL,
    noExternal: BUNDLED,
    // Which package files went into the bundle: scripts/write-licences.mjs collects their licences.
    metafile: true,
  },
  {
    // The parse worker is its own file: the CLI starts it with new URL("./cli-worker.js", import.meta.url).
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    external: EXTERNAL,
    noExternal: BUNDLED,
    banner: { js: "#!/usr/bin/env node" },
    define: { __PROTOKOLL_VERSION__: JSON.stringify(version) },
  },
]);
