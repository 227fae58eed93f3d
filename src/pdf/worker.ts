/**
 * Extraction worker (built to dist/pdf-worker.js and dist/pdf-worker.cjs):
 * runs {@link extractText} for the pool in src/pdf/isolated.ts, one PDF at a
 * time. pdf.js can fail outside any promise the caller awaits (unhandled
 * rejections from its parser on damaged files); here that costs the PDF in
 * hand a typed error and this thread its life, never the caller's process.
 */
import { parentPort } from "node:worker_threads";
import { isProtokollError } from "../errors.js";
import { extractText } from "./index.js";
import type { ErrorRecord, ExtractReply, ExtractRequest } from "./protocol.js";
import { errorRecord } from "./protocol.js";

if (!parentPort) throw new Error("pdf-worker must run in a worker thread");
const port = parentPort;
/** The request in hand: what an unhandled failure is charged to. */
let current: number | null = null;

port.on("message", (request: ExtractRequest) => {
  current = request.id;
  void answer(request).then((reply) => {
    current = null;
    port.postMessage(reply);
  });
});

async function answer({ id, bytes, options }: ExtractRequest): Promise<ExtractReply> {
  try {
    const extend = (ms: number) => port.postMessage({ id, extendMs: ms } satisfies ExtractReply);
    return { id, ok: true, pdf: await extractText(bytes, options, { extend }) };
  } catch (error) {
    return { id, ok: false, error: isProtokollError(error) ? errorRecord(error) : crashed(error) };
  }
}

function crashed(error: unknown): ErrorRecord {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: "EXTRACTION_CRASHED", message: `pdf.js failed on this PDF and could not recover (${what}); the PDF is probably damaged.`, page: null };
}

/** pdf.js's state in this thread can no longer be trusted: answer for the PDF in hand and end the thread. */
function die(error: unknown): void {
  if (current !== null) port.postMessage({ id: current, ok: false, error: crashed(error) } satisfies ExtractReply);
  process.exit(1);
}

process.on("unhandledRejection", die);
process.on("uncaughtException", die);
