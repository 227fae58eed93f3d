import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

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
  },
  {
    // The parse worker is its own file: the CLI starts it with new URL("./cli-worker.js", import.meta.url).
    entry: { cli: "src/cli/main.ts", "cli-worker": "src/cli/worker.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    external: ["pdfjs-dist"],
    banner: { js: "#!/usr/bin/env node" },
    define: { __PROTOKOLL_VERSION__: JSON.stringify(version) },
  },
]);
