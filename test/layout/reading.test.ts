/** Reading order within a page: two-column bands read column by column, everything else keeps its place. */
import { describe, expect, it } from "vitest";
import { readingOrder, type Flow } from "../../src/layout/reading.js";
import type { Cell, PageLine } from "../../src/layout/types.js";

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

/** One cell of words set at the given x, as lines.ts builds it when no gap is column-wide: breaks where each word starts. */
function run(baseline: number, ...words: [text: string, x: number][]): PageLine {
  let text = "";
  let end = words[0]![1];
  const breaks: Cell["breaks"] = [];
  for (const [word, x] of words) {
    if (text !== "") {
      text += " ";
      breaks.push({ x, at: text.length, gap: x - end });
    }
    text += word;
    end = x + word.length * CHAR;
  }
  const cell: Cell = { text, x0: words[0]![1], x1: end, bold: false, italic: false, items: [], breaks };
  return { page: 1, baseline, bbox: { x0: cell.x0, y0: baseline - 9, x1: end, y1: baseline + 2 }, fontSize: SIZE, cells: [cell] };
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

  it("does not part a label/value table whose values run on below their labels, even where its value column looks like a right column", () => {
    const extent = { left: 57, right: 420 };
    const at = 207;
    const table = rows(
      100,
      [["Sammanträdesdatum", 57], ["2025-11-12", at]],
      [["Plats och tid", 57], ["Kommunhuset, kl. 13-15", at]],
      [["Beslutande", 57], ["Anna Lindqvist (S)", at]],
      [["Olof Nilsson (C)", at]],
      [["Per Holmberg (M)", at]],
      [["Övriga närvarande", 57], ["Jonas Berg, sekreterare", at]],
    );
    expect(readingOrder(table, extent)).toEqual([{ column: "full", lines: table }]);
  });

  it("parts paragraphs set side by side even where each right paragraph runs longer than its left one", () => {
    const sv = [["Arbetsgivaren bör känna till sin", "personalstruktur och personalens."], ["Arbetsinsats, kompetens och", "utvecklingsbehov följs upp."]];
    const fi = [["Kunnallisen työnantajan tulee", "tuntea organisaationsa rakenne", "ja henkilöstön työpanos."], ["Kehittymistarpeet seurataan", "vuosittain henkilöstön kanssa", "yhteisesti sovitulla tavalla."]];
    const lines = [line(80, [WIDE, LEFT])];
    let y = 100;
    sv.forEach((paragraph, p) => {
      fi[p]!.forEach((right, i) => {
        lines.push(paragraph[i] ? line(y, [paragraph[i]!, LEFT], [right, RIGHT]) : line(y, [right, RIGHT]));
        y += PITCH;
      });
    });
    expect(view(readingOrder(lines)).map(([column]) => column)).toEqual(["full", "left", "right"]);
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

  // Bilingual reports read by OCR: Swedish left, Finnish right, a gutter of about one em.
  const SV = ["Arbetsgivaren bör känna till sin", "personalstruktur och personalens", "arbetsinsats, kompetens, arbetshälsa och", "utvecklingsbehov för att klara av", "att ge god kommunal service."];
  const FI = ["Kunnallisen työnantajan tulee", "tuntea organisaationsa rakenne", "ja henkilöstön työpanos sekä", "kehittymistarpeet, jotta se voi", "tarjota hyvää palvelua."];

  it("reads a line whose columns OCR joined across the gutter through a speck (\"=\") in the two columns", () => {
    const words = (text: string, x: number): [string, number][] => {
      const out: [string, number][] = [];
      for (const word of text.split(" ")) {
        out.push([word, x]);
        x += (word.length + 1) * CHAR;
      }
      return out;
    };
    const lines = [
      line(80, [WIDE, LEFT]),
      ...SV.map((sv, i) =>
        i === 2
          ? // The Swedish line ends at 290, "=" stands in the gutter, the Finnish line starts at RIGHT: word gaps, one cell.
            run(100 + i * PITCH, ...words(sv, LEFT), ["=", 296], ...words(FI[i]!, RIGHT))
          : line(100 + i * PITCH, [sv, LEFT], [FI[i]!, RIGHT]),
      ),
    ];
    expect(view(readingOrder(lines))).toEqual([
      ["full", [WIDE]],
      ["left", SV],
      ["right", FI],
    ]);
  });

  it("reads two columns whose right one starts a little left of the document's middle when the band's gutter lies in the band's middle", () => {
    // The cover page's signatures stand further out than the text: the document's text is wider than this page's.
    const extent = { left: 20, right: 640 };
    const at = 70 + 40 * CHAR + 12;
    const lines = rows(100, ...SV.map((sv, i): [string, number][] => [[sv, 70], [FI[i]!, at]]));
    expect((at - extent.left) / (extent.right - extent.left)).toBeLessThan(0.5);
    expect(view(readingOrder(lines, extent))).toEqual([
      ["left", SV],
      ["right", FI],
    ]);
    // A label/value table with its values there is no pair of columns: its labels are much narrower than its values.
    const labelValue = rows(
      100,
      [["Sammanträdesplats", 70], ["Kommunhuset, sammanträdesrummet Storsjön", at]],
      [["Beslutande ledamöter", 70], ["Anna Berg (S), ordförande och mötets leda", at]],
      [["Tjänstgörande ersättare", 70], ["Cecilia Holm (S) för David Lind (SD) i § 4", at]],
      [["Övriga närvarande", 70], ["Eva Ström, kommundirektör, föredragande", at]],
    );
    expect(readingOrder(labelValue, extent)).toEqual([{ column: "full", lines: labelValue }]);
  });

  it("parts a band of two or three lines at the gutter of a longer band on the same page", () => {
    const shortSv = ["Tabellen nedan beskriver personalens", "avgångsomsättning under åren 2016–2022."];
    const shortFi = ["Alla oleva taulukko kertoo henkilöstön", "lähtövaihtuvuuden vuosina 2016–2022."];
    const short = rows(300, ...shortSv.map((sv, i): [string, number][] => [[sv, LEFT], [shortFi[i]!, RIGHT]]));
    const lines = [...rows(100, ...SV.map((sv, i): [string, number][] => [[sv, LEFT], [FI[i]!, RIGHT]])), line(200, [WIDE, LEFT]), ...short];
    expect(view(readingOrder(lines))).toEqual([
      ["left", SV],
      ["right", FI],
      ["full", [WIDE]],
      ["left", shortSv],
      ["right", shortFi],
    ]);
    // Alone on its page, a band that short is no proof of a gutter.
    const alone = [line(200, [WIDE, LEFT]), ...short];
    expect(readingOrder(alone)).toEqual([{ column: "full", lines: alone }]);
  });
});
