/**
 * Worker thread entry (built to dist/cli-worker.js). Parses one input's bytes
 * per message and replies with the serialised document or an error record, so
 * the main thread never holds a pdf.js instance and a crash here costs one file.
 */
import { parentPort } from "node:worker_threads";
import { isProtokollError } from "../errors.js";
import { parseInputBytes, parseInputMeetings } from "../input.js";
import type { SeverityCounts } from "./manifest.js";
import { HEARTBEAT_MS, type ParseTask, type WorkerReply } from "./protocol.js";
import { serialise } from "./serialise.js";

if (!parentPort) throw new Error("cli-worker must run in a worker thread");
const port = parentPort;

port.on("message", (task: ParseTask) => {
  const heartbeat = setInterval(() => port.postMessage({ id: task.id, alive: true } satisfies WorkerReply), HEARTBEAT_MS);
  void handle(task).then((reply) => {
    clearInterval(heartbeat);
    port.postMessage(reply);
  });
});

async function handle(task: ParseTask): Promise<WorkerReply> {
  try {
    const name = { file: task.file, detect: task.detect };
    // `--meetings split` (jsonl only): a line per meeting, in the file's order.
    const docs = task.meetings === "split" ? await parseInputMeetings(task.bytes, name, task.options) : [await parseInputBytes(task.bytes, name, task.options)];
    // Serialised here, in parallel, rather than on the main thread; fixed key order and
    // indentation keep the output byte-identical whatever the number of jobs.
    const text = docs.map((doc) => serialise(doc, task.format)).join("");
    const diagnostics: SeverityCounts = { error: 0, warning: 0, info: 0 };
    for (const d of docs.flatMap((doc) => doc.diagnostics)) diagnostics[d.severity]++;
    // The library reports each page it read by OCR with one OCR_PAGE diagnostic.
    const ocrPages = docs.flatMap((doc) => doc.diagnostics).filter((d) => d.code === "OCR_PAGE").length;
    const statuses = docs.map((doc) => doc.parseStatus ?? "complete");
    const parseStatus = statuses.includes("failed") ? "failed" : statuses.includes("partial") ? "partial" : "complete";
    return { id: task.id, ok: true, text, pages: docs[0]!.source.pages, ocrPages, parseStatus, diagnostics };
  } catch (error) {
    if (isProtokollError(error)) return { id: task.id, ok: false, code: error.code, message: error.message };
    // The library promises ProtokollErrors only; anything else is a bug in it, kept as a record.
    const message = error instanceof Error ? error.message : String(error);
    return { id: task.id, ok: false, code: "INTERNAL_ERROR", message };
  }
}
