/**
 * Messages between the batch scheduler (main thread) and a parse worker.
 * Type-only, so the worker bundle and the CLI bundle share no runtime code.
 */
import type { ParseFileOptions } from "../input.js";
import type { ParseStatus, SeverityCounts } from "./manifest.js";

/** How the worker serialises the document: pretty (`json`) or one line (`jsonl`). */
export type OutputFormat = "json" | "jsonl";

export interface ParseTask {
  id: number;
  /** The input's bytes, read once by the main thread (stdin and pipes cannot be read twice). */
  bytes: Uint8Array;
  /** Recorded as the document's `source.file`; null for stdin. */
  file: string | null;
  /** How text and PDF are told apart when the bytes do not start with `%PDF-`. */
  detect: "extension" | "sniff";
  options: ParseFileOptions;
  format: OutputFormat;
  /** `one`: a document per input, every meeting in it; `split`: a jsonl line per meeting the input holds. */
  meetings: MeetingsMode;
}

/** What a file that holds several meetings becomes (`--meetings`). */
export type MeetingsMode = "one" | "split";

/** What a task ends as; `code` is a ProtokollError code or one of the CLI's worker codes. */
export type TaskResult =
  | { ok: true; text: string; pages: number; ocrPages: number; parseStatus: ParseStatus; diagnostics: SeverityCounts }
  | { ok: false; code: string; message: string };

/**
 * The worker's answer to a task, or a heartbeat while it works: a worker whose event loop
 * still runs is waiting on OCR or pdf.js (whose time the library's own budget bounds), not
 * stuck in a loop.
 */
export type WorkerReply = (TaskResult & { id: number }) | { id: number; alive: true };

/** How often a busy worker says it is alive. */
export const HEARTBEAT_MS = 2_000;
