import { readFileSync } from "node:fs";
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

/**
 * protokoll/node re-exports the main entry: its "./index.js" import stays an import of the
 * built dist/index.js (or dist/index.cjs), so the CommonJS build has one copy of the library
 * rather than one per entry (tsup's code splitting is ESM-only: for CommonJS it turns pdf.js's
 * lazy import() into a require() of an ES module).
 */
const nodeEntrySharesIndex: Plugin = {
  name: "node-entry-shares-index",
  setup(build) {
    const index = build.initialOptions.format === "cjs" ? "./index.cjs" : "./index.js";
    build.onResolve({ filter: /^\.\/index\.js$/ }, (args) =>
      args.importer.endsWith("src/node.ts") ? { path: index, external: true } : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    // Not `clean`: both builds run at once into dist/, and one cleaning it would truncate the other's files.
    // The build script empties dist/ before tsup starts.
    target: "node20",
    // pdf.js is large and ships its own worker and data files: use the installed copy.
    external: ["pdfjs-dist"],
    noExternal: BUNDLED,
    // Which package files went into the bundle: scripts/write-licences.mjs collects their licences.
    metafile: true,
    esbuildPlugins: [nodeEntrySharesIndex],
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
    external: ["pdfjs-dist"],
    noExternal: BUNDLED,
    banner: { js: "#!/usr/bin/env node" },
    define: { __PROTOKOLL_VERSION__: JSON.stringify(version) },
  },
]);
