/** Reading order within a page: two-column bands read column by column, everything else keeps its place. */
import { describe, expect, it } from "vitest";
import { readingOrder, type Flow } from "../../src/layout/reading.js";
import type { PageLine } from "../../src/layout/types.js";

/** Helvetica 11 is about 5.5 pt a character: close enough for gaps and column edges. */
const CHAR = 5.5;
const SIZE = 11;
const PITCH = 14;

function line(baseline: number, ...cells: [text: string, x: number][]): PageLine {
  const built = cells.map(([text, x]) => ({ text, x0: x, x1: x + text.length * CHAR, bold: false, italic: false, items: [], breaks: [] }));
  return {
    page: 1,
    baseline,
    bbox: { x0: built[0]!.x0, y0: baseline - 9, x1: built[built.length - 1]!.x1, y1: baseline + 2 },
    fontSize: SIZE,
    cells: built,
  };
}

/** Lines top-down at line pitch from `top`, each a row of [text, x] cells; null leaves a blank row. */
function rows(top: number, ...specs: ([string, number][] | null)[]): PageLine[] {
  return specs.flatMap((cells, i) => (cells === null ? [] : [line(top + i * PITCH, ...cells)]));
}

const view = (flows: Flow[]) => flows.map((f) => [f.column, f.lines.map((l) => l.cells.map((c) => c.text).join(" | "))]);

const LEFT = 70;
const RIGHT = 310;
/** A full-width line, so the text block spans the page as body pages do. */
const WIDE = "Kommunstyrelsen godkänner förslaget till budget för år 2026 och planen för 2027–2028.";

describe("reading order", () => {
  it("leaves a one-column page as it is", () => {
    const lines = rows(100, [["§ 1 Budget 2026", LEFT]], [[WIDE, LEFT]], [["Beslut", LEFT]], [["Kommunstyrelsen godkänner.", LEFT]]);
    expect(readingOrder(lines)).toEqual([{ column: "full", lines }]);
  });

  it("reads a two-column band left column first, with the lines above and below in place", () => {
    const prose: [string, string][] = [
      ["Kommunstyrelsen har tagit fram ett", "Ekonomiavdelningen bedömer att"],
      ["förslag till budget för 2026 som", "resultatet blir två procent av"],
      ["bygger på de ekonomiska ramar", "skatteintäkterna, vilket uppfyller"],
      ["som fullmäktige beslutade om i juni.", "det finansiella målet."],
    ];
    const lines = [
      ...rows(100, [["§ 1 Budget 2026", LEFT]], [[WIDE, LEFT]], [["Ärendebeskrivning", LEFT]]),
      ...rows(142, ...prose.map(([l, r]): [string, number][] => [[l, LEFT], [r, RIGHT]])),
      ...rows(142 + 5 * PITCH + PITCH, [["Beslut", LEFT]], [[WIDE, LEFT]]),
    ];
    expect(view(readingOrder(lines))).toEqual([
      ["full", ["§ 1 Budget 2026", WIDE]],
      // The heading right above the left column reads with it: the order is the same either way.
      ["left", ["Ärendebeskrivning", ...prose.map(([l]) => l)]],
      ["right", prose.map(([, r]) => r)],
      ["full", ["Beslut", WIDE]],
    ]);
  });

  it("keeps a longer left column's lines below the right column's end in the left column", () => {
    const lines = [
      ...rows(
        100,
        [["Beslutande ledamöter", LEFT], ["Tjänstgörande ersättare", RIGHT]],
        [["Anna Berg (S), ordförande", LEFT], ["Gun Nilsson (S) för Hans Ek (S)", RIGHT]],
        [["Bo Ek (M), vice ordförande", LEFT], ["Ingrid Sjö (M) för Jan Berg (M)", RIGHT]],
        [["Cecilia Holm (S)", LEFT], ["Karl Holm (L)", RIGHT]],
        [["David Lind (SD)", LEFT]],
        [["Eva Ström (C)", LEFT]],
        null,
        [["Justerare Bo Ek", LEFT]],
      ),
      line(300, [WIDE, LEFT]),
    ];
    expect(view(readingOrder(lines))).toEqual([
      ["left", ["Beslutande ledamöter", "Anna Berg (S), ordförande", "Bo Ek (M), vice ordförande", "Cecilia Holm (S)", "David Lind (SD)", "Eva Ström (C)"]],
      ["right", ["Tjänstgörande ersättare", "Gun Nilsson (S) för Hans Ek (S)", "Ingrid Sjö (M) för Jan Berg (M)", "Karl Holm (L)"]],
      ["full", ["Justerare Bo Ek", WIDE]],
    ]);
  });

  it("reads columns whose baselines do not line up", () => {
    const left = ["Nämnden har under året arbetat", "med att ta fram en ny plan för", "hur verksamheten ska utvecklas", "under de kommande fyra åren."];
    const right = ["Planen har stämts av med de", "fackliga organisationerna och", "med brukarråden i kommunen", "under hösten och vintern."];
    const lines = [line(80, [WIDE, LEFT]), ...left.flatMap((l, i) => [line(100 + i * PITCH, [l, LEFT]), line(106 + i * PITCH, [right[i]!, RIGHT])])];
    expect(view(readingOrder(lines))).toEqual([
      ["full", [WIDE]],
      ["left", left],
      ["right", right],
    ]);
  });

  it("does not split a roll-call table, an agenda with presenters, right-aligned times or a label/value table", () => {
    const page = (...lines: PageLine[]) => [line(80, [WIDE, LEFT]), ...lines];
    const rollCall = page(
      ...rows(100, ...["Tove Persson Westin", "Kjell Engström", "Märta Hjemgaard-Svensson", "Anna Berg"].map((name, i): [string, number][] => [
        [name, LEFT],
        [["L", "S", "SD", "M"][i]!, RIGHT],
        [["Ja", "Avstår", "Ja", "Nej"][i]!, 390],
      ])),
    );
    const presenters = page(
      ...rows(100, ...["Val av justerare", "Information från kommundirektören", "Årsredovisning 2024", "Budgetuppföljning mars"].map((title, i): [string, number][] => [
        [`${i + 1}. ${title}`, LEFT],
        [["Anna Bergström", "Kommundirektören", "Ekonomichefen", "Controller Bo Ek"][i]!, RIGHT],
      ])),
    );
    const times = page(
      ...rows(100, ...["Information från kommundirektören om läget", "Årsredovisning 2024", "Remiss om regional utvecklingsstrategi", "Övriga frågor"].map((title, i): [string, number][] => [
        [title, LEFT],
        [`0${8 + i}.20`, 500],
      ])),
    );
    const labelValue = page(
      ...rows(100, [["Plats och tid", LEFT], ["Kommunhuset, sammanträdesrummet Storsjön", 196]], [["Beslutande", LEFT], ["Anna Berg (S), ordförande", 196]], [["Bo Ek (M)", 196]], [["Cecilia Holm (S)", 196]], [["Justerare", LEFT], ["Bo Ek (M)", 196]]),
    );
    for (const lines of [rollCall, presenters, times, labelValue]) {
      expect(readingOrder(lines)).toEqual([{ column: "full", lines }]);
    }
  });

  it("leaves two signers side by side as one row", () => {
    const lines = [line(80, [WIDE, LEFT]), ...rows(200, [["Peter Sundén", LEFT], ["Rebecka Holst", RIGHT]], [["Ordförande", LEFT], ["Sekreterare", RIGHT]])];
    expect(readingOrder(lines)).toEqual([{ column: "full", lines }]);
  });
});
