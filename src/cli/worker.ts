/**
 * Worker thread entry (built to dist/cli-worker.js). Parses one file per
 * message and replies with the serialised document or an error record, so the
 * main thread never holds a pdf.js instance and a crash here costs one file.
 */
import { parentPort } from "node:worker_threads";
import { parseFile, isProtokollError } from "../node.js";
import type { ParseTask, WorkerReply } from "./protocol.js";

if (!parentPort) throw new Error("cli-worker must run in a worker thread");
const port = parentPort;

port.on("message", (task: ParseTask) => {
  void handle(task).then((reply) => port.postMessage(reply));
});

async function handle(task: ParseTask): Promise<WorkerReply> {
  try {
    const doc = await parseFile(task.file, task.options);
    // Serialised here, in parallel, rather than on the main thread; fixed key order and
    // indentation keep the output byte-identical whatever the number of jobs.
    const text = task.format === "json" ? JSON.stringify(doc, null, 2) + "\n" : JSON.stringify(doc) + "\n";
    return { id: task.id, ok: true, text, pages: doc.source.pages };
  } catch (error) {
    if (isProtokollError(error)) return { id: task.id, ok: false, code: error.code, message: error.message };
    // The library promises ProtokollErrors only; anything else is a bug in it, kept as a record.
    const message = error instanceof Error ? error.message : String(error);
    return { id: task.id, ok: false, code: "INTERNAL_ERROR", message };
  }
}
