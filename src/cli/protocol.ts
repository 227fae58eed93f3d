/**
 * Messages between the batch scheduler (main thread) and a parse worker.
 * Type-only, so the worker bundle and the CLI bundle share no runtime code.
 */
import type { ParseOptions } from "../parse.js";

/** How the worker serialises the document: pretty (`json`) or one line (`jsonl`). */
export type OutputFormat = "json" | "jsonl";

export interface ParseTask {
  id: number;
  file: string;
  options: ParseOptions;
  format: OutputFormat;
}

/** What a task ends as; `code` is a ProtokollError code or one of the CLI's worker codes. */
export type TaskResult =
  | { ok: true; text: string; pages: number }
  | { ok: false; code: string; message: string };

export type WorkerReply = TaskResult & { id: number };
