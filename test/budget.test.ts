/**
 * One time budget for the whole parse (src/budget.ts): the text stages poll it
 * between pages and stages, and parseText takes timeoutMs as parsePdf does. The
 * clock is stepped by hand here (Date.now), so no test depends on how fast this
 * machine is.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Deadline, type Budget } from "../src/budget.js";
import { BudgetExceededError, InvalidInputError, parseText } from "../src/index.js";
import { layoutPages, layoutText } from "../src/layout/index.js";
import { parseLines } from "../grammars/index.js";
import { buildDocument } from "../src/records/index.js";
import type { PdfText } from "../src/pdf/types.js";

const PROTOKOLL = "PROTOKOLL\nKommunstyrelsen\n\n§ 1 Val av justerare\nBeslut\nPer Holm utses.\f§ 2 Budget\nBeslut\nBifall.\f§ 3 Avslutning\nBeslut\nMötet avslutas.";

/** A budget that records where it was asked. */
function recorder(): Budget & { stages: string[] } {
  const stages: string[] = [];
  return { stages, check: (stage) => void stages.push(stage) };
}

afterEach(() => vi.restoreAllMocks());

describe("the stages poll the budget", () => {
  it("layoutText once per page and before furniture, parseLines before and after classifying, buildDocument per item", () => {
    const budget = recorder();
    const layout = layoutText(PROTOKOLL, budget);
    expect(budget.stages.filter((s) => s.startsWith("splitting page"))).toEqual(["splitting page 1 into lines", "splitting page 2 into lines", "splitting page 3 into lines"]);
    expect(budget.stages).toContain("finding page furniture");
    const parsed = parseLines(layout.lines, budget);
    expect(budget.stages).toContain("classifying lines");
    expect(budget.stages).toContain("parsing the line tokens");
    const document = buildDocument(layout, parsed, { pages: layout.pages, textSource: "text", sha256: null }, undefined, budget);
    expect(budget.stages.filter((s) => s === "building the items")).toHaveLength(document.items.length);
  });

  it("layoutPages once per page in each of its page loops", () => {
    const page = (n: number) => ({ page: n, width: 595, height: 842, items: [{ index: 0, text: `§ ${n} Rubrik`, x: 70, y: 100, width: 80, height: 11, fontSize: 11, fontName: "Helvetica", bold: false, italic: false, hasEOL: true }] });
    const pdf: PdfText = { pageCount: 2, pages: [page(1), page(2)], diagnostics: [], ocrPages: [] };
    const budget = recorder();
    layoutPages(pdf, budget);
    expect(budget.stages).toEqual(["making the lines of page 1", "making the lines of page 2", "reading page 1 in order", "reading page 2 in order"]);
  });
});

describe("parseText timeoutMs", () => {
  it("gives up with TIME_LIMIT_EXCEEDED once the clock passes the deadline, naming the stage", () => {
    let now = 1_000_000;
    // Each reading of the clock moves it on by a second: the second page is past a 1.5 s budget.
    vi.spyOn(Date, "now").mockImplementation(() => (now += 1_000));
    let error: unknown;
    try {
      parseText(PROTOKOLL, { timeoutMs: 1_500 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ code: "TIME_LIMIT_EXCEEDED" });
    expect((error as Error).message).toMatch(/1500 ms allowed \(option timeoutMs\); gave up while splitting page 2 into lines/);
  });

  it("parses within a budget that is not spent", () => {
    expect(parseText(PROTOKOLL, { timeoutMs: 60_000 }).items.map((i) => i.paragraph)).toEqual([1, 2, 3]);
  });

  it("refuses a budget that is not a number >= 0 as INVALID_INPUT", () => {
    for (const timeoutMs of [-1, Number.NaN, "10" as unknown as number]) {
      expect(() => parseText(PROTOKOLL, { timeoutMs })).toThrow(InvalidInputError);
    }
  });
});

describe("Deadline", () => {
  it("arms a timer for a budget beyond setTimeout's 2^31 - 1 ms by re-arming, not by firing at once", () => {
    vi.useFakeTimers();
    try {
      const fired = vi.fn();
      new Deadline(30 * 24 * 3600 * 1000).onExpiry(fired);
      vi.advanceTimersByTime(2 ** 31);
      expect(fired).not.toHaveBeenCalled();
      vi.advanceTimersByTime(30 * 24 * 3600 * 1000);
      expect(fired).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it("an infinite budget never fires", () => {
    vi.useFakeTimers();
    try {
      const fired = vi.fn();
      new Deadline(Infinity).onExpiry(fired);
      vi.advanceTimersByTime(2 ** 33);
      expect(fired).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
