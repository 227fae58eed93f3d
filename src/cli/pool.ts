/**
 * A fixed-size pool of parse workers. Each file runs under a wall-clock limit
 * and a V8 heap limit; a worker that times out, runs out of memory or dies is
 * thrown away (its file fails with a code) and a fresh one takes the next file,
 * so one bad PDF never takes the batch down.
 */
import { Worker } from "node:worker_threads";
import type { ParseTask, TaskResult, WorkerReply } from "./protocol.js";

/** Codes of failures that happen around the library rather than inside it. */
export type WorkerFailureCode = "TIMEOUT" | "WORKER_OUT_OF_MEMORY" | "WORKER_CRASHED";

export interface PoolOptions {
  /** The worker script (dist/cli-worker.js in the built CLI). */
  workerUrl: URL;
  size: number;
  /** Hard wall-clock limit per file; the worker is terminated when it passes. */
  timeoutMs: number;
  /**
   * Re-arm the limit at each heartbeat: the file's own budget is not fixed (it grows with the
   * pages read by OCR and the library enforces it), so only a worker that stops answering for
   * `timeoutMs` is terminated.
   */
  untilSilent?: boolean;
  /** V8 old-generation heap limit per worker (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb: number;
}

interface Pending {
  task: ParseTask;
  resolve: (result: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Set once the slot is being thrown away, so its exit events are ignored. */
  dead: boolean;
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly options: PoolOptions) {}

  /** Queue a file; resolves with its result, never rejects. */
  run(task: Omit<ParseTask, "id">): Promise<TaskResult> {
    return new Promise((resolve) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.slots].map((slot) => {
      slot.dead = true;
      return slot.worker.terminate();
    });
    this.slots.clear();
    await Promise.all(workers);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot();
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.current = pending;
      this.arm(slot);
      slot.worker.postMessage(pending.task);
    }
  }

  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    const { timeoutMs, untilSilent } = this.options;
    slot.timer = setTimeout(() => {
      this.fail(slot, "TIMEOUT", `gave up after ${timeoutMs} ms${untilSilent ? " without a sign of life" : ""}; the worker was terminated`);
    }, timeoutMs);
  }

  private idleSlot(): Slot | null {
    for (const slot of this.slots) if (!slot.current) return slot;
    return this.slots.size < this.options.size ? this.spawn() : null;
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // The parse log belongs to the file's result, not to the terminal.
      stdout: true,
      stderr: true,
    });
    const slot: Slot = { worker, current: null, timer: null, dead: false };
    this.slots.add(slot);
    worker.on("message", (reply: WorkerReply) => {
      if (slot.dead || !slot.current || reply.id !== slot.current.task.id) return;
      if ("alive" in reply) {
        if (this.options.untilSilent) this.arm(slot);
        return;
      }
      const { id: _id, ...result } = reply;
      this.settle(slot, result);
      this.dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        this.fail(slot, "WORKER_OUT_OF_MEMORY", `exceeded the worker heap limit of ${this.options.memoryMb} MB`);
      } else {
        this.fail(slot, "WORKER_CRASHED", `the worker crashed: ${error.message}`);
      }
    });
    worker.on("exit", (code) => this.fail(slot, "WORKER_CRASHED", `the worker exited with code ${code}`));
    // Drain the worker's console so a chatty dependency cannot block it on a full pipe.
    worker.stdout.resume();
    worker.stderr.resume();
    return slot;
  }

  private settle(slot: Slot, result: TaskResult): void {
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    slot.current = null;
    slot.timer = null;
    pending?.resolve(result);
  }

  /** Fail the slot's file (if any), throw the worker away and let the queue go on. */
  private fail(slot: Slot, code: WorkerFailureCode, message: string): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    this.settle(slot, { ok: false, code, message });
    void slot.worker.terminate();
    this.dispatch();
  }
}
