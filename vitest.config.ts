import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    // pdf.js runs in a worker (src/pdf/isolated.ts); from source its script is built first.
    globalSetup: ["test/support/pdf-worker.global.ts"],
    setupFiles: ["test/support/pdf-worker.setup.ts"],
  },
});
