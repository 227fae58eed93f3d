import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

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

/**
 * The package's entry points, by source file. protokoll/errors and protokoll/schema are small
 * entries of their own (a browser app that imports only them gets a few KB, not the parser);
 * protokoll/node re-exports the main entry.
 */
const ENTRIES = { index: "src/index.ts", node: "src/node.ts", errors: "src/errors.ts", schema: "src/schema/index.ts" };

/**
 * One copy of each entry's code in dist/: an import of another entry's source file stays an
 * import of that entry's built file (dist/errors.js, or dist/errors.cjs in CommonJS), so the
 * CommonJS build, which tsup cannot code-split (it turns pdf.js's lazy import() into a require()
 * of an ES module), has one ProtokollError class and one library, not one per entry.
 */
const entriesShareCode: Plugin = {
  name: "entries-share-code",
  setup(build) {
    const extension = build.initialOptions.format === "cjs" ? ".cjs" : ".js";
    const byFile = new Map(Object.entries(ENTRIES).map(([name, file]) => [resolve(file), name]));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const entry = byFile.get(resolve(dirname(args.importer), args.path.replace(/\.js$/, ".ts")));
      return entry === undefined ? undefined : { path: `./${entry}${extension}`, external: true };
    });
  },
};

export default defineConfig([
  {
    entry: ENTRIES,
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
    esbuildPlugins: [entriesShareCode],
    // The entries import each other (above); ESM code splitting would only add a chunk of
    // esbuild's helpers, imported bare, which app bundlers warn about under "sideEffects": false.
    splitting: false,
    // import.meta.url in the CommonJS build: tsup defines it from __filename there (src/pdf/pdfjs.ts
    // finds pdf.js's data files from it). The ESM build gets nothing: the source names no __dirname.
    shims: true,
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
  {
    // The extraction worker (src/pdf/isolated.ts starts it): beside index.js as pdf-worker.js, beside
    // index.cjs as pdf-worker.cjs, and beside cli-worker.js for the CLI's own workers.
    entry: { "pdf-worker": "src/pdf/worker.ts" },
    format: ["esm", "cjs"],
    sourcemap: true,
    target: "node20",
    // OCR runs here too: the OCR stack stays the installed packages, loaded when a page needs it.
    external: EXTERNAL,
    // As above: import.meta.url in pdf-worker.cjs, where the worker finds pdf.js's data files.
    shims: true,
  },
]);
