import { describe, expect, it } from "vitest";
import { formatDuration, formatSummary, renderProgress } from "../../src/cli/progress.js";

describe("progress", () => {
  it("renders files done/total, pages/s, failures and ETA within the width", () => {
    const line = renderProgress({ done: 5, total: 10, failed: 1, pages: 40, ocrPages: 0, elapsedMs: 10_000 }, 80);
    expect(line).toBe("[###############---------------] 5/10 files | 4.0 pages/s | 1 failed | ETA 0:10");
    expect(line.length).toBeLessThan(80);
    expect(renderProgress({ done: 5, total: 10, failed: 1, pages: 40, ocrPages: 0, elapsedMs: 10_000 }, 40).length).toBeLessThan(40);
  });

  it("counts the pages read by OCR once there are any", () => {
    const line = renderProgress({ done: 5, total: 10, failed: 1, pages: 40, ocrPages: 3, elapsedMs: 10_000 }, 100);
    expect(line).toBe("[###############---------------] 5/10 files | 4.0 pages/s | 3 OCR | 1 failed | ETA 0:10");
  });

  it("formats the summary line and durations", () => {
    const parseStatus = { complete: 3, partial: 1, failed: 1 };
    expect(formatSummary({ ok: 3, failed: 1, skipped: 2, pages: 17, ocrPages: 0, parseStatus, elapsedMs: 1234 })).toBe(
      "3 parsed, 2 skipped, 1 failed; documents: 3 complete, 1 partial, 1 failed; 17 pages, 1.2 s",
    );
    expect(formatSummary({ ok: 3, failed: 1, skipped: 2, pages: 17, ocrPages: 2, parseStatus, elapsedMs: 1234 })).toBe(
      "3 parsed, 2 skipped, 1 failed; documents: 3 complete, 1 partial, 1 failed; 17 pages (2 by OCR), 1.2 s",
    );
    expect(formatDuration(65_000)).toBe("1:05");
    expect(formatDuration(3_725_000)).toBe("1:02:05");
  });
});
