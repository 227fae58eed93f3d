// A stand-in for src/pdf/worker.ts in the pool's unit tests: it speaks the same
// protocol, and the request's bytes (as text) say how it behaves, so that every
// way a worker can end is reproducible. A real answer names the thread that gave
// it (pageCount = threadId), so a test can tell a reused worker from a new one.
import { parentPort, threadId } from "node:worker_threads";

parentPort.on("message", ({ id, bytes }) => {
  const script = new TextDecoder().decode(bytes);
  if (script === "hang") for (;;);
  if (script === "exit") process.exit(3);
  // No handler: Node raises it in this thread as an uncaught error, as pdf.js's do.
  if (script === "unhandled") void Promise.reject(new Error("XRefEntryException: Bad (uncompressed) XRef entry"));
  else if (script === "throw") setTimeout(() => { throw new RangeError("Maximum call stack size exceeded"); });
  else if (script.startsWith("error:")) parentPort.postMessage({ id, ok: false, error: { code: script.slice(6), message: script, page: null } });
  else parentPort.postMessage({ id, ok: true, pdf: { pageCount: threadId, pages: [], diagnostics: [] } });
});
