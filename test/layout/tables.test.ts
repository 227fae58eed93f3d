/** The table finder on synthetic lines: header words, columns, wrapped cells, tables over a page break. */
import { describe, expect, it } from "vitest";
import { findTables, type PageSegment } from "../../src/layout/tables.js";
import type { Cell, PageLine } from "../../src/layout/types.js";

/** Helvetica 10 is about 5 pt a character: close enough for gaps and column edges. */
const CHAR = 5;
const SIZE = 10;
const PITCH = 12.8;

type Spec = [text: string, x: number];

function cell([text, x]: Spec): Cell {
  // Every word is its own text item, as many producers write them: the finder may cut a cell there.
  const breaks: Cell["breaks"] = [];
  let offset = 0;
  for (const word of text.split(" ")) {
    if (offset > 0) breaks.push({ x: x + offset * CHAR, at: offset, gap: CHAR });
    offset += word.length + 1;
  }
  return { text, x0: x, x1: x + text.length * CHAR, bold: false, italic: false, items: [], breaks };
}

function line(page: number, baseline: number, ...specs: Spec[]): PageLine {
  const cells = specs.map(cell);
  return { page, baseline, bbox: { x0: cells[0]!.x0, y0: baseline - 8, x1: cells[cells.length - 1]!.x1, y1: baseline + 2 }, fontSize: SIZE, cells };
}

/** Lines of one page from `top`, `gaps[i]` line pitches before line i (1 by default). */
function page(n: number, top: number, specs: Spec[][], gaps: number[] = []): PageLine[] {
  let y = top;
  return specs.map((cells, i) => {
    y += (gaps[i] ?? (i === 0 ? 0 : 1)) * PITCH;
    return line(n, y, ...cells);
  });
}

const view = (segments: PageSegment[]) =>
  segments.map((s) => (s.kind === "flow" ? ["flow", s.lines.map((l) => l.cells.map((c) => c.text).join(" | "))] : ["table", s.table, s.rows.map((r) => r.cells.map((c) => c.text))]));

const NR = 70;
const TITLE = 100;
const DNR = 290;
const WHO = 390;

describe("findTables", () => {
  it("reads an agenda table: header words, a title wrapping in its cell, the text below left alone", () => {
    const lines = page(1, 100, [
      [["Kallelse till sammanträde med kommunstyrelsen", NR]],
      [["Nr", NR], ["Ärende", TITLE], ["Dnr", DNR], ["Föredragande", WHO]],
      [["1", NR], ["Budgetuppföljning för", TITLE], ["KS 2025/12", DNR], ["Anna Berg", WHO]],
      [["skolskjuts", TITLE]],
      [["2", NR], ["Taxa för vatten", TITLE], ["KS 2025/13", DNR]],
      [["Välkomna till sammanträdet i kommunhuset, sessionssalen, kl 13.", NR]],
    ], [0, 2, 1.3, 1, 1.3, 2.5]);
    const { tables, pages } = findTables([lines]);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.columns).toEqual(["number", "title", "caseNumber", "presenter"]);
    expect(view(pages[0]!)).toEqual([
      ["flow", ["Kallelse till sammanträde med kommunstyrelsen"]],
      ["table", 0, [["Nr", "Ärende", "Dnr", "Föredragande"], ["1", "Budgetuppföljning för skolskjuts", "KS 2025/12", "Anna Berg"], ["2", "Taxa för vatten", "KS 2025/13", ""]]],
      ["flow", ["Välkomna till sammanträdet i kommunhuset, sessionssalen, kl 13."]],
    ]);
  });

  it("cuts a header and a row where narrow columns run into one cell", () => {
    const header = line(1, 100, ["Nr Ärende", NR], ["Dnr", DNR]);
    // "1 Budget" as one cell: a word starts at the title column's x.
    const row: PageLine = line(1, 100 + 1.3 * PITCH, ["1", NR], ["Dnr", DNR]);
    row.cells[0] = { ...cell(["1 Budget", NR]), breaks: [{ x: TITLE, at: 2, gap: TITLE - NR - CHAR }] };
    header.cells[0] = { ...cell(["Nr Ärende", NR]), breaks: [{ x: TITLE, at: 3, gap: TITLE - NR - 2 * CHAR }] };
    row.cells[1] = cell(["KS 2025/1", DNR]);
    const { pages } = findTables([[header, row]]);
    expect(view(pages[0]!)).toEqual([["table", 0, [["Nr", "Ärende", "Dnr"], ["1", "Budget", "KS 2025/1"]]]]);
  });

  it("keeps one table over a page break, with a repeated header or without one", () => {
    const first = page(1, 600, [
      [["Nr", NR], ["Ärende", TITLE], ["Dnr", DNR]],
      [["1", NR], ["Budget 2026", TITLE], ["KS 2025/1", DNR]],
      [["2", NR], ["Svar på motion om", TITLE], ["KS 2025/2", DNR]],
    ]);
    const repeated = page(2, 60, [
      [["Nr", NR], ["Ärende", TITLE], ["Dnr", DNR]],
      [["3", NR], ["Taxa", TITLE], ["KS 2025/3", DNR]],
    ]);
    const bare = page(2, 60, [[["badplatser", TITLE]], [["3", NR], ["Taxa", TITLE], ["KS 2025/3", DNR]]]);
    for (const next of [repeated, bare]) {
      const { tables, pages } = findTables([first, next]);
      expect(tables).toHaveLength(1);
      expect(pages[1]!.every((s) => s.kind === "table" && s.table === 0)).toBe(true);
    }
    const { tables } = findTables([first, bare]);
    expect(tables[0]!.rows.map((r) => r.cells[1]!.text)).toEqual(["Ärende", "Budget 2026", "Svar på motion om badplatser", "Taxa"]);
  });

  it("ends a table at a heading set apart below it", () => {
    const lines = page(1, 100, [
      [["Ledamot", NR], ["Parti", DNR], ["Röst", WHO]],
      [["Anna Berg", NR], ["S", DNR], ["Ja", WHO]],
      [["Per Holm", NR], ["M", DNR], ["Nej", WHO]],
      [["Reservationer", NR]],
    ], [0, 1, 1, 1.7]);
    const { pages } = findTables([lines]);
    expect(view(pages[0]!)).toEqual([
      ["table", 0, [["Ledamot", "Parti", "Röst"], ["Anna Berg", "S", "Ja"], ["Per Holm", "M", "Nej"]]],
      ["flow", ["Reservationer"]],
    ]);
  });

  it("reads an agenda table on a page read by OCR, whose type sizes are guesses from each line's box", () => {
    // A scanned 10 pt agenda (header, then rows 17 and 16 pt apart): OCR makes the header 8.6 pt and the rows
    // 7.5 and 5.8 pt, a line of small letters lower than one with capitals. Row gaps are measured in the larger size.
    const sized = (size: number, l: PageLine): PageLine => ({ ...l, fontSize: size });
    const lines = [
      sized(8.6, line(1, 337, ["Punkt", NR], ["Ärende", TITLE], ["Föredragande", WHO - 70], ["Diarienummer", WHO + 50])),
      sized(7.5, line(1, 354, ["1.", NR], ["Uppföljning av Ekbackens förskola", TITLE], ["Maj Britt Bergqvist-Nord", WHO - 70])),
      sized(5.8, line(1, 370, ["2.", NR], ["Taxa för kulturskolan", TITLE], ["KS 2018/01617", WHO + 50])),
    ];
    const { pages } = findTables([lines]);
    expect(view(pages[0]!)).toEqual([
      [
        "table",
        0,
        [
          ["Punkt", "Ärende", "Föredragande", "Diarienummer"],
          ["1.", "Uppföljning av Ekbackens förskola", "Maj Britt Bergqvist-Nord", ""],
          ["2.", "Taxa för kulturskolan", "", "KS 2018/01617"],
        ],
      ],
    ]);
    // Without a header: the rows of an agenda, read from their columns.
    const bare = [
      sized(8.4, line(1, 354, ["1", NR], ["Val av justerare", TITLE], ["KS 2024/12", DNR], ["Anna Berg", WHO])),
      sized(5.8, line(1, 370, ["2", NR], ["Taxa för vatten", TITLE], ["KS 2024/13", DNR])),
      sized(7.5, line(1, 386, ["3", NR], ["Budgetuppföljning för skolskjuts", TITLE], ["Per Holm", WHO])),
    ];
    expect(view(findTables([bare]).pages[0]!)[0]![0]).toBe("table");
  });

  it("ends a table at a bold label row set below plain rows at about the row pitch", () => {
    const lines = page(1, 100, [
      [["Ersättare", NR], ["Parti", 270], ["Närvarande", 320]],
      [["Eva Lund", NR], ["S", 270], ["X", 330]],
      [["Per Holm", NR], ["M", 270], ["X", 330]],
      [["Övriga närvarande", NR], ["Anna Berg", 230]],
    ], [0, 1.3, 1.3, 1.5]);
    lines[3]!.cells[0]!.bold = true;
    const { pages } = findTables([lines]);
    expect(view(pages[0]!)).toEqual([
      ["table", 0, [["Ersättare", "Parti", "Närvarande"], ["Eva Lund", "S", "X"], ["Per Holm", "M", "X"]]],
      ["flow", ["Övriga närvarande | Anna Berg"]],
    ]);
  });

  it("reads § in an attendance table as the § limits, and marks by column", () => {
    const lines = page(1, 100, [
      [["Ledamöter", NR], ["Närvarande", 250], ["Frånvarande", 320], ["§", 400]],
      [["Anna Berg", NR], ["X", 260], ["§§ 3–4", 400]],
      [["Per Holm", NR], ["X", 330]],
    ]);
    const { tables } = findTables([lines]);
    expect(tables[0]!.columns).toEqual(["member", "present", "absent", "paragraphs"]);
    expect(tables[0]!.rows[2]!.cells.map((c) => c.text)).toEqual(["Per Holm", "", "X", ""]);
  });

  it("reads a närvarolista headed Namn | Funktion | Paragraf (Meetings+, Netpublicator): function and § columns", () => {
    const lines = page(1, 100, [
      [["Namn", NR], ["Funktion", 200], ["Paragraf", 350]],
      [["Anna Berg (S)", NR], ["Ordförande", 200], ["§§ 12-15", 350]],
      [["Eva Lund (V)", NR], ["Tjänstgörande ersättare", 200], ["§ 15", 350]],
    ]);
    const { tables } = findTables([lines]);
    expect(tables[0]!.columns).toEqual(["name", "role", "paragraphs"]);
    expect(tables[0]!.rows[2]!.cells.map((c) => c.text)).toEqual(["Eva Lund (V)", "Tjänstgörande ersättare", "§ 15"]);
  });

  it("starts a row at a substitute without a member beside, where the row above closed its § limits", () => {
    const lines = page(1, 100, [
      [["Ledamot", NR], ["Ersättare", 220], ["Närvarande §§", 370]],
      [["Eva Sund (V)", NR], ["Karin Sjö (V)", 220], ["15", 370]],
      [["Maria Ek (L)", 220], ["12-15", 370]],
      [["Per Holm (M)", NR], ["Lars Nord (M), tjänstgörande", 220], ["§§ 12-13,", 370]],
      [["ersättare", 220], ["15", 370]],
    ]);
    const { tables } = findTables([lines]);
    expect(tables[0]!.rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Eva Sund (V)", "Karin Sjö (V)", "15"],
      ["", "Maria Ek (L)", "12-15"],
      ["Per Holm (M)", "Lars Nord (M), tjänstgörande ersättare", "§§ 12-13, 15"],
    ]);
  });

  it("finds no table in a label/value front page or in rows of words that are no header", () => {
    const lines = page(1, 100, [
      [["Plats och tid", NR], ["Kommunhuset, kl. 13.00", 230]],
      [["Ledamöter", NR], ["Anna Berg (S), ordförande", 230]],
      [["Per Holm (M)", 230]],
      [["Tid", NR], ["Plats", 230]],
      [["Budget", NR], ["Kommunhuset", 230]],
    ]);
    expect(findTables([lines]).tables).toEqual([]);
  });

  it("leaves lists of people side by side alone: group headings with no column about a person are no header", () => {
    const lists = (...headings: Spec[]) =>
      page(1, 100, [headings, [["Anna Berg (S), ordförande", NR], ["Gun Nilsson (S) för Hans Ek (S)", 310]], [["Bo Ek (M)", NR], ["Ingrid Sjö (M) för Jan Berg (M)", 310]], [["Cecilia Holm (S)", NR]]]);
    expect(findTables([lists(["Beslutande ledamöter", NR], ["Tjänstgörande ersättare", 310])]).tables).toEqual([]);
    expect(findTables([lists(["Ledamöter", NR], ["Ersättare", 310])]).tables).toEqual([]);
    // A column about the person (party, presence) makes it a table whose row pairs a member with the substitute beside.
    const table = page(1, 100, [
      [["Ledamöter", NR], ["Parti", 200], ["Tjänstgörande ersättare", 310]],
      [["Karin Wahlgren", NR], ["M", 200], ["Ola Persson (M)", 310]],
    ]);
    expect(findTables([table]).tables[0]?.columns).toEqual(["member", "party", "servingSubstitute"]);
  });

  it("reads a header whose narrow cell wraps onto a second line ('Tjänstgörande' over 'ersättare')", () => {
    const lines = page(1, 100, [
      [["Ledamöter", NR], ["Tjänstgörande", 200], ["Närvarande", 290]],
      [["ersättare", 200]],
      [["Anna Berg (S)", NR], ["X", 300]],
      [["Per Holm (M)", NR], ["Eva Lund (M)", 200]],
    ], [0, 0.9, 1.4, 1.4]);
    const { tables, pages } = findTables([lines]);
    expect(tables[0]?.columns).toEqual(["member", "servingSubstitute", "present"]);
    expect(view(pages[0]!)).toEqual([
      ["table", 0, [["Ledamöter", "Tjänstgörande ersättare", "Närvarande"], ["Anna Berg (S)", "", "X"], ["Per Holm (M)", "Eva Lund (M)", ""]]],
    ]);
  });

  it("needs a row under a header: header words alone make no table", () => {
    const lines = page(1, 100, [[["Ja", NR], ["Nej", 200]], [["Kommunstyrelsen beslutar att bifalla förslaget i sin helhet och att", NR]]]);
    expect(findTables([lines]).tables).toEqual([]);
  });
});

describe("findTables: tables without a header row", () => {
  const NAME = 70;
  const PARTY = 270;
  const MARK = 330;

  it("reads an agenda without a header from its columns: numbers counting up, titles, diarienummer, presenters", () => {
    const lines = page(1, 100, [
      [["1", NR], ["Val av justerare", TITLE], ["KS 2024/12", DNR], ["Anna Berg", WHO]],
      [["2", NR], ["Budgetuppföljning för", TITLE], ["KS 2024/13", DNR]],
      [["skolskjuts", TITLE]],
      [["3", NR], ["Taxa för vatten", TITLE], ["Per Holm", WHO]],
    ]);
    const { tables, pages } = findTables([lines]);
    expect(tables.map((t) => t.columns)).toEqual([["number", "title", "caseNumber", "presenter"]]);
    expect(view(pages[0]!)).toEqual([
      ["table", 0, [["1", "Val av justerare", "KS 2024/12", "Anna Berg"], ["2", "Budgetuppföljning för skolskjuts", "KS 2024/13", ""], ["3", "Taxa för vatten", "", "Per Holm"]]],
    ]);
  });

  it("reads a list of people with marks under a group word, an absent person by an empty box", () => {
    const lines = page(1, 100, [
      [["Ersättare", NAME]],
      [["Anna Berg", NAME], ["S", PARTY], ["[X]", MARK]],
      [["Per Holm (Region JH)", NAME], ["M", PARTY], ["[ ]", MARK]],
    ]);
    const { tables, pages } = findTables([lines]);
    expect(tables.map((t) => t.columns)).toEqual([["substitute", "party", "present"]]);
    expect(view(pages[0]!)).toEqual([["table", 0, [["Ersättare", "", ""], ["Anna Berg", "S", "[X]"], ["Per Holm (Region JH)", "M", "[ ]"]]]]);
  });

  it("reads the one column of marks as the absent where a legend under the rows says so, and takes the legend in", () => {
    const lines = page(1, 100, [
      [["Ledamöter", NAME]],
      [["Anna Berg", NAME], ["S", PARTY]],
      [["Per Holm", NAME], ["M", PARTY], ["X", MARK]],
      [["Eva Lind", NAME]],
      [["X = frånvarande", NAME]],
      [["Övriga närvarande", NAME]],
    ]);
    const { tables, pages } = findTables([lines]);
    expect(tables.map((t) => t.columns)).toEqual([["member", "party", "absent"]]);
    expect(view(pages[0]!)).toEqual([
      ["table", 0, [["Ledamöter", "", ""], ["Anna Berg", "S", ""], ["Per Holm", "M", "X"], ["Eva Lind", "", ""], ["", "", "X = frånvarande"]]],
      ["flow", ["Övriga närvarande"]],
    ]);
    // Without the legend the marks are the present's, as before.
    expect(findTables([lines.filter((l) => l.cells[0]!.text !== "X = frånvarande")]).tables.map((t) => t.columns)).toEqual([["member", "party", "present"]]);
  });

  it("takes a legend from the label or from elsewhere on the page, and reads a column of words as what they say", () => {
    const list = (label: string, marks: [string, string]): Spec[][] => [[[label, NAME]], [["Anna Berg", NAME], ["S", PARTY]], [["Per Holm", NAME], ["M", PARTY], [marks[0], MARK]], [["Eva Lind", NAME], ["C", PARTY], [marks[1], MARK]]];
    const columns = (specs: Spec[][], gaps: number[] = []) => findTables([page(1, 100, specs, gaps)]).tables.map((t) => t.columns);
    expect(columns(list("Ledamöter (X = frånvarande)", ["X", ""]))).toEqual([["member", "party", "absent"]]);
    expect(columns(list("Ersättare: [X] närvarande", ["[X]", "[ ]"]))).toEqual([["substitute", "party", "present"]]);
    expect(columns([...list("Ledamöter", ["X", ""]), ...list("Ersättare", ["X", ""]), [["Frånvarande markeras med X.", NAME]]], [0, 1, 1, 1, 3, 1, 1, 1, 3])).toEqual([
      ["member", "party", "absent"],
      ["substitute", "party", "absent"],
    ]);
    expect(columns(list("Ledamöter", ["anmält förhinder", "frånv."]))).toEqual([["member", "party", "absent"]]);
    expect(columns(list("Ledamöter", ["närvarande", "närvarande"]))).toEqual([["member", "party", "present"]]);
  });

  const noTables = (specs: Spec[][]) => {
    const { tables, pages } = findTables([page(1, 100, specs)]);
    expect(tables).toEqual([]);
    expect(pages[0]!.every((s) => s.kind === "flow")).toBe(true);
  };

  it("leaves two columns of running text alone", () =>
    noTables([
      [["Nämnden beslutar att godkänna", NAME], ["Förvaltningen har sett över", 320]],
      [["rapporten och lägga den till", NAME], ["kostnaderna för lokalerna och", 320]],
      [["handlingarna för kännedom.", NAME], ["föreslår att ramen behålls.", 320]],
      [["Beslutet skickas till ekonomi.", NAME], ["Ärendet har beretts av KSAU.", 320]],
    ]));

  it("leaves side headings alone: a label column beside the section's text", () =>
    noTables([
      [["§ 12", NAME], ["Budgetuppföljning 2025", 170]],
      [["Beslut", NAME], ["Nämnden godkänner rapporten.", 170]],
      [["Sammanfattning", NAME], ["Förvaltningen redovisar utfallet.", 170]],
      [["Förslag", NAME], ["Nämnden föreslås godkänna rapporten.", 170]],
    ]));

  it("leaves signature blocks alone: names over roles, side by side", () =>
    noTables([
      [["Anna Berg", NAME], ["Per Holm", 320]],
      [["Ordförande", NAME], ["Justerare", 320]],
      [["Eva Lind", NAME], ["Karl Nord", 320]],
      [["Sekreterare", NAME], ["Justerare", 320]],
    ]));

  it("leaves a list of names beside parties alone when no column holds marks or answers", () =>
    noTables([
      [["Anna Berg", NAME], ["S", PARTY]],
      [["Per Holm", NAME], ["M", PARTY]],
      [["Eva Lind", NAME], ["C", PARTY]],
    ]));

  it("leaves a numbered list alone: numbers and text, no third column that says what it holds", () =>
    noTables([
      [["1.", NAME], ["Förvaltningen genomför ramarna för nästa år.", NAME + 20]],
      [["2.", NAME], ["Samverkansrådet konstaterar ramarna.", NAME + 20]],
      [["3.", NAME], ["Nämnden analyserar resultatet för perioden.", NAME + 20]],
    ]));

  it("needs numbers that count up: a column of amounts is no agenda", () =>
    noTables([
      [["12", NAME], ["Lokalkostnader", TITLE], ["2024/12", DNR]],
      [["40", NAME], ["Personal", TITLE], ["2024/13", DNR]],
      [["7", NAME], ["Övrigt", TITLE], ["2024/14", DNR]],
    ]));
});
