/** vitest setupFiles: every test file's shared extraction pool uses the worker that globalSetup built. */
import { inject } from "vitest";
import { configureExtraction } from "../../src/pdf/isolated.js";

await configureExtraction({ workerUrl: new URL(inject("pdfWorkerUrl")) });
