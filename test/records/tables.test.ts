/**
 * Table rows from the layout, read by their columns: attendance marks (X, ✓,
 * [X] / [ ]), ballots by a mark or a word, agenda rows, side headings. Lines
 * are built by hand so marks that the test renderer's fonts cannot draw (✓)
 * are covered too.
 */
import { describe, expect, it } from "vitest";
import { parseLines } from "../../grammars/index.js";
import type { ColumnMeaning } from "../../grammars/vocabulary.js";
import type { Line } from "../../src/layout/types.js";
import { buildDocument } from "../../src/records/index.js";

let tables = 0;

function line(text: string, extra: Partial<Line> = {}): Line {
  return { page: 1, text, bbox: null, fontSize: null, bold: false, italic: false, indent: 0, label: null, continuesLabel: null, breakBefore: false, joinsNext: false, sourceItems: [], ...extra };
}

/** A table as lines: the header row, then one line per row with its cells by column. */
function table(columns: (ColumnMeaning | null)[], headers: string[], rows: string[][]): Line[] {
  const id = tables++;
  const make = (cells: string[], row: number, header: boolean) =>
    line(cells.filter(Boolean).join(" "), { cells: cells.filter(Boolean), table: { table: id, row, header, columns, cells } });
  return [make(headers, 0, true), ...rows.map((cells, i) => make(cells, i + 1, false))];
}

function build(lines: Line[]) {
  return buildDocument({ lines, furniture: [], pages: 1, diagnostics: [] }, parseLines(lines), { pages: 1, textSource: "pdf", sha256: null });
}

describe("tables in the record", () => {
  it("reads attendance by marks: a tick or [X] is present, [ ] or a mark under Frånvarande is absent", () => {
    const document = build([
      line("PROTOKOLL"),
      line("Kommunstyrelsen"),
      ...table(["member", "party", "present", "absent", "paragraphs"], ["Ledamöter", "Parti", "Närvarande", "Frånvarande", "§"], [
        ["Anna Berg, ordförande", "S", "✓", "", ""],
        ["Per Holm", "M", "", "X", ""],
        ["Eva Lund", "V", "[X]", "", "§§ 2–3"],
        ["Kim Ek", "C", "[ ]", "", ""],
      ]),
      ...table(["substitute", "party", "present", "replaces"], ["Ersättare", "Parti", "Närvarande", "Tjänstgör för"], [
        ["Lars Nord", "M", "x", "Per Holm"],
        ["Maria Sjö", "S", "X", ""],
        ["Ulla Fält", "KD", "", ""],
      ]),
      line("§ 2 Budget"),
      line("Beslut"),
      line("Budgeten godkänns."),
    ]);
    expect(document.participants.map((p) => [p.name, p.party, p.group, p.roles, p.paragraphs, p.replaces])).toEqual([
      ["Anna Berg", "S", "member", ["chair"], null, null],
      ["Eva Lund", "V", "member", [], [2, 3], null],
      ["Lars Nord", "M", "servingSubstitute", [], null, "Per Holm"],
      ["Maria Sjö", "S", "substitute", [], null, null],
    ]);
    const absent = document.diagnostics.filter((d) => d.message.startsWith("Listed as absent")).map((d) => d.message);
    expect(absent).toEqual(["Listed as absent, not as participants: Per Holm", "Listed as absent, not as participants: Kim Ek", "Listed as absent, not as participants: Ulla Fält"]);
  });

  it("reads everyone in a table under a label that names the absent as absent, whatever the marks; a word says present or absent too", () => {
    const document = build([
      line("PROTOKOLL"),
      ...table(["member", "party", "absent"], ["Ledamöter", "", ""], [
        ["Anna Berg", "S", ""],
        ["Per Holm", "M", "anmält förhinder"],
      ]),
      line("Anmält förhinder"),
      ...table(["name", "party", "present"], ["", "", ""], [
        ["Eva Lund", "V", "X"],
        ["Kim Ek", "C", ""],
      ]).slice(1),
      line("Ersättare"),
      ...table(["substitute", "present"], ["", ""], [["Lars Nord", "närvarande"]]).slice(1),
      line("§ 2 Budget"),
    ]);
    expect(document.participants.map((p) => [p.name, p.group])).toEqual([
      ["Anna Berg", "member"],
      ["Lars Nord", "substitute"],
    ]);
    const absent = document.diagnostics.filter((d) => d.message.startsWith("Listed as absent")).map((d) => d.message);
    expect(absent).toEqual(["Listed as absent, not as participants: Per Holm", "Listed as absent, not as participants: Eva Lund", "Listed as absent, not as participants: Kim Ek"]);
  });

  it("reads a row of a member and the substitute beside: the substitute serves when the member is absent", () => {
    const document = build([
      line("PROTOKOLL"),
      ...table(["member", "party", "substitute", "absent"], ["Ledamöter", "Parti", "Ersättare", "Frånvarande"], [
        ["Anna Berg", "S", "Lena Ek", ""],
        ["Per Holm", "M", "Kim Nord", "X"],
      ]),
      line("§ 2 Budget"),
    ]);
    expect(document.participants.map((p) => [p.name, p.party, p.group, p.replaces])).toEqual([
      ["Anna Berg", "S", "member", null],
      ["Lena Ek", null, "substitute", null],
      ["Kim Nord", null, "servingSubstitute", "Per Holm"],
    ]);
  });

  it("reads a Funktion column (Meetings+, Netpublicator närvarolistor): the group, role, title and whom a substitute serves for", () => {
    const document = build([
      line("PROTOKOLL"),
      ...table(["name", "party", "role", "paragraphs"], ["Namn", "Parti", "Funktion", "§"], [
        ["Anna Berg", "S", "Ordförande", "12-15"],
        ["Per Holm", "M", "2:e vice ordförande", "12-15"],
        ["Eva Lund", "V", "Ledamot", "12-14"],
        ["Lars Nord", "V", "Tjänstgörande ersättare för Eva Lund (V)", "15"],
        ["Maria Sjö", "L", "Ersättare", "12-15"],
        ["Jonas Ek", "", "Sekreterare", "12-15"],
        ["Lena Ås", "", "Förvaltningschef", "13"],
        ["Kim Vik", "KD", "Kommunalråd", ""],
      ]),
      line("§ 12 Budget"),
      line("Beslut"),
      line("Budgeten godkänns."),
    ]);
    expect(document.participants.map((p) => [p.name, p.party, p.group, p.roles, p.title, p.paragraphs, p.replaces])).toEqual([
      ["Anna Berg", "S", "member", ["chair"], null, [12, 13, 14, 15], null],
      ["Per Holm", "M", "member", ["secondViceChair"], null, [12, 13, 14, 15], null],
      ["Eva Lund", "V", "member", [], null, [12, 13, 14], null],
      ["Lars Nord", "V", "servingSubstitute", [], null, [15], "Eva Lund"],
      ["Maria Sjö", "L", "substitute", [], null, [12, 13, 14, 15], null],
      ["Jonas Ek", null, "other", ["secretary"], null, [12, 13, 14, 15], null],
      ["Lena Ås", null, "other", [], "Förvaltningschef", [13], null],
      ["Kim Vik", "KD", "member", [], null, null, null],
    ]);
    // A function the vocabulary does not know is kept, not dropped.
    expect(document.diagnostics.some((d) => d.text === "Kommunalråd")).toBe(true);
  });

  it("reads a närvarolista printed after the last § as attendance, not as the last item's text", () => {
    const document = build([
      line("PROTOKOLL"),
      line("Beslutande"),
      line("Se närvarolista"),
      line("§ 12 Budget"),
      line("Beslut"),
      line("Budgeten godkänns."),
      line("Närvarolista"),
      ...table(["name", "role", "paragraphs"], ["Namn", "Funktion", "Paragraf"], [
        ["Anna Berg (S)", "Ordförande", "§ 12"],
        ["Lars Nord (V)", "Ersättare", "§ 12"],
      ]),
    ]);
    expect(document.items.map((item) => item.decision)).toEqual(["Budgeten godkänns."]);
    // "Beslutande: Se närvarolista" points to the table: no attendee, nothing to warn of.
    expect(document.diagnostics.filter((d) => d.code === "UNRECOGNISED_ATTENDEE")).toEqual([]);
    expect(document.participants.map((p) => [p.name, p.group, p.roles, p.paragraphs])).toEqual([
      ["Anna Berg", "member", ["chair"], [12]],
      ["Lars Nord", "substitute", [], [12]],
    ]);
  });

  it("leaves a table of those elected in the last § in the item: it says nothing of presence or §§", () => {
    const document = build([
      line("PROTOKOLL"),
      line("§ 12 Val av ombud"),
      line("Beslut"),
      line("Till ombud väljs:"),
      ...table(["name", "party", "role"], ["Namn", "Parti", "Funktion"], [["Anna Berg", "S", "Ledamot"]]),
    ]);
    expect(document.participants).toEqual([]);
    expect(document.items[0]!.decision).toContain("Anna Berg");
  });

  it("reads an entry set in columns beside its label as one entry, its title a title", () => {
    const document = build([
      line("PROTOKOLL"),
      line("Övriga närvarande Anna Berg Ekonomichef", { label: "Övriga närvarande", cells: ["Övriga närvarande", "Anna Berg", "Ekonomichef"] }),
      line("Per Holm förvaltningschef", { continuesLabel: "Övriga närvarande", cells: ["Per Holm", "förvaltningschef"] }),
      line("§ 2 Budget"),
    ]);
    expect(document.participants.map((p) => [p.name, p.title, p.affiliation])).toEqual([
      ["Anna Berg", "Ekonomichef", null],
      ["Per Holm", "förvaltningschef", null],
    ]);
  });

  it("reads ballots by the mark under Ja / Nej / Avstår, or by the word in a Röst column", () => {
    const document = build([
      line("PROTOKOLL"),
      line("§ 4 Taxa"),
      line("Omröstning"),
      line("Med 1 ja-röst mot 1 nej-röst och 1 som avstår beslutar nämnden enligt förslaget."),
      line("Omröstningslista"),
      ...table(["name", "party", "yes", "no", "abstain"], ["Namn", "Parti", "Ja", "Nej", "Avstår"], [
        ["Anna Berg", "S", "X", "", ""],
        ["Per Holm", "M", "", "✓", ""],
        ["Eva Lund", "V", "", "", "x"],
      ]),
    ]);
    expect(document.items[0]!.vote?.ballots).toEqual([
      { name: "Anna Berg", party: "S", vote: "yes" },
      { name: "Per Holm", party: "M", vote: "no" },
      { name: "Eva Lund", party: "V", vote: "abstain" },
    ]);
  });

  it("makes an agenda row an item, whatever the order of its columns; a contents row none", () => {
    const document = build([
      line("KALLELSE"),
      line("Kommunstyrelsen"),
      ...table(["number", "title", "page"], ["§", "Ärende", "Sida"], [["§ 7", "Budget 2026", "3"]]),
      ...table(["time", "number", "title", "presenter", "caseNumber", "decidingBody"], ["Tid", "Nr", "Ärende", "Föredragande", "Dnr", "Beslutsinstans"], [
        ["13:00", "1", "Budget 2026", "Anna Berg, Per Holm", "KS 2025/12", "KF"],
        ["", "2", "Taxa för vatten", "", "", "KS"],
      ]),
    ]);
    expect(document.items.map((i) => [i.number, i.title, i.time, i.presenters, i.caseNumbers])).toEqual([
      [1, "Budget 2026", "13:00", ["Anna Berg", "Per Holm"], ["KS 2025/12"]],
      [2, "Taxa för vatten", null, [], []],
    ]);
    // "Beslutsinstans" has no field: kept in a diagnostic. The contents row lists a § the body lacks.
    expect(document.diagnostics.filter((d) => d.text === "KF")).toHaveLength(1);
    expect(document.diagnostics.map((d) => d.code)).toContain("CONTENTS_ITEM_NOT_FOUND");
  });

  it("starts a section at a side heading, its text beside it on the same line", () => {
    const document = build([
      line("PROTOKOLL"),
      line("§ 3 Rapport"),
      line("Ärendebeskrivning Förvaltningen redovisar rapporten.", { label: "Ärendebeskrivning" }),
      line("Förvaltningens förslag till beslut Nämnden godkänner rapporten.", { label: "Förvaltningens förslag till beslut" }),
      line("Beslut Nämnden godkänner rapporten.", { label: "Beslut" }),
      line("Rapporten läggs till handlingarna.", { continuesLabel: "Beslut" }),
    ]);
    const item = document.items[0]!;
    expect([item.description, item.proposal, item.decision]).toEqual([
      "Förvaltningen redovisar rapporten.",
      "Nämnden godkänner rapporten.",
      "Nämnden godkänner rapporten. Rapporten läggs till handlingarna.",
    ]);
  });
});
