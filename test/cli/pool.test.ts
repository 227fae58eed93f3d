import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool } from "../../src/cli/pool.js";

const workerUrl = new URL("./fixtures/test-worker.mjs", import.meta.url);
const options = { strict: false };
let pool: WorkerPool | null = null;

function open(size: number, timeoutMs = 5_000, untilSilent = false): WorkerPool {
  pool = new WorkerPool({ workerUrl, size, timeoutMs, memoryMb: 64, untilSilent });
  return pool;
}
const task = (file: string) => ({ bytes: new Uint8Array(0), file, detect: "extension" as const, options, format: "json" as const, meetings: "one" as const });

afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("WorkerPool", () => {
  it("runs tasks and returns their results", async () => {
    const p = open(2);
    const results = await Promise.all(["a", "b", "c"].map((f) => p.run(task(f))));
    expect(results).toEqual(["a", "b", "c"].map((f) => ({ ok: true, text: `${f}\n`, pages: 1 })));
  });

  it("kills a worker past the time limit, fails that file with TIMEOUT and goes on", async () => {
    const p = open(1, 300);
    const [hung, next] = await Promise.all([p.run(task("hang")), p.run(task("after"))]);
    expect(hung).toMatchObject({ ok: false, code: "TIMEOUT" });
    expect(next).toEqual({ ok: true, text: "after\n", pages: 1 });
  });

  it("with a fixed limit, kills a worker past it even while it says it is alive", async () => {
    const p = open(1, 300);
    expect(await p.run(task("slow"))).toMatchObject({ ok: false, code: "TIMEOUT" });
  });

  it("until silent (the default budget that grows with OCR), lets a worker that says it is alive run past the limit, and kills one that stops answering", async () => {
    const p = open(1, 300, true);
    const [slow, hung, next] = await Promise.all([p.run(task("slow")), p.run(task("hang")), p.run(task("after"))]);
    expect(slow).toEqual({ ok: true, text: "slow\n", pages: 1 });
    expect(hung).toMatchObject({ ok: false, code: "TIMEOUT", message: expect.stringContaining("without a sign of life") });
    expect(next).toEqual({ ok: true, text: "after\n", pages: 1 });
  });

  it("fails a file whose worker throws or exits with WORKER_CRASHED, not the batch", async () => {
    const p = open(1);
    const results = await Promise.all(["crash", "exit", "fine"].map((f) => p.run(task(f))));
    expect(results[0]).toMatchObject({ ok: false, code: "WORKER_CRASHED" });
    expect(results[0]).toHaveProperty("message", expect.stringContaining("boom"));
    expect(results[1]).toMatchObject({ ok: false, code: "WORKER_CRASHED" });
    expect(results[2]).toEqual({ ok: true, text: "fine\n", pages: 1 });
  });

  it("fails a file that exhausts the worker heap with WORKER_OUT_OF_MEMORY", async () => {
    const p = open(1, 20_000);
    const [oom, next] = await Promise.all([p.run(task("oom")), p.run(task("after"))]);
    expect(oom).toMatchObject({ ok: false, code: "WORKER_OUT_OF_MEMORY" });
    expect(next).toMatchObject({ ok: true });
  });
});
