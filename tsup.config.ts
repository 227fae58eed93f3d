import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    // pdf.js is large and ships its own worker and data files: use the installed copy.
    external: ["pdfjs-dist"],
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    external: ["pdfjs-dist"],
    banner: { js: "#!/usr/bin/env node" },
  },
]);
