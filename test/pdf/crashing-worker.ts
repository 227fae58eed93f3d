/**
 * The real extraction worker (src/pdf/worker.ts) with one thing added: a request
 * whose options ask for it (maxPages 13) also leaves a rejected promise nobody
 * handles, while pdf.js reads, as pdf.js itself does on some damaged files.
 * Built by test/support/pdf-worker.global.ts beside the real worker.
 */
import { parentPort } from "node:worker_threads";
import "../../src/pdf/worker.js";
import type { ExtractRequest } from "../../src/pdf/protocol.js";

parentPort!.on("message", (request: ExtractRequest) => {
  if (request.options.maxPages === 13) void Promise.reject(new Error("XRefEntryException: Bad (uncompressed) XRef entry"));
});
