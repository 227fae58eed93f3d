/** Tables in text input: columns set with runs of spaces, tabs or "|", read by the PDF path's table finder. */
import { describe, expect, it } from "vitest";
import { layoutText } from "../../src/layout/index.js";
import { parseText } from "../../src/index.js";

const rows = (text: string) => layoutText(text).lines.filter((l) => l.table).map((l) => [l.table!.header, l.table!.cells]);

describe("layoutText: tables", () => {
  it("reads a table set with spaces, a wrapped title staying in its cell", () => {
    const text = [
      "Nr    Ärende                          Dnr           Föredragande",
      "1     Val av justerare",
      "2     Budgetuppföljning för           KS 2024/12    Anna Berg",
      "      skolskjuts",
      "3     Taxa för vatten                 KS 2024/13",
      "",
      "Välkomna!",
    ].join("\n");
    expect(rows(text)).toEqual([
      [true, ["Nr", "Ärende", "Dnr", "Föredragande"]],
      [false, ["1", "Val av justerare", "", ""]],
      [false, ["2", "Budgetuppföljning för skolskjuts", "KS 2024/12", "Anna Berg"]],
      [false, ["3", "Taxa för vatten", "KS 2024/13", ""]],
    ]);
    expect(layoutText(text).lines.at(-1)!.text).toBe("Välkomna!");
  });

  it("reads tab-separated and '|'-separated tables, a ruling in characters left out", () => {
    expect(rows("Nr\tÄrende\tDnr\n1\tVal av justerare\tKS 2024/1\n2\tBudget 2025\tKS 2024/2")).toEqual([
      [true, ["Nr", "Ärende", "Dnr"]],
      [false, ["1", "Val av justerare", "KS 2024/1"]],
      [false, ["2", "Budget 2025", "KS 2024/2"]],
    ]);
    const piped = layoutText("| Nr | Ärende | Dnr |\n|----|--------|-----|\n| 1 | Val av justerare | KS 2024/1 |\n| 2 | Budget | KS 2024/2 |");
    expect(piped.lines.map((l) => [l.text, l.table?.cells ?? null])).toEqual([
      ["Nr Ärende Dnr", ["Nr", "Ärende", "Dnr"]],
      ["1 Val av justerare KS 2024/1", ["1", "Val av justerare", "KS 2024/1"]],
      ["2 Budget KS 2024/2", ["2", "Budget", "KS 2024/2"]],
    ]);
  });

  it("reads an agenda without a header row from its aligned columns", () => {
    const text = ["1     Val av justerare        KS 2024/12    Anna Berg", "2     Budget 2025             KS 2024/13", "3     Taxa för vatten                       Per Holm"].join("\n");
    expect(layoutText(text).tables!.map((t) => t.columns)).toEqual([["number", "title", "caseNumber", "presenter"]]);
  });

  it("leaves label/value rows and a label under a table out of it", () => {
    const text = [
      "Sammanträdesdatum     2024-03-12",
      "Plats                 Kommunhuset",
      "",
      "Ledamöter                    Parti    Närvarande",
      "Anna Berg                    S        X",
      "Per Holm                     M",
      "Övriga närvarande     Eva Lind, sekreterare",
    ].join("\n");
    expect(rows(text)).toEqual([
      [true, ["Ledamöter", "Parti", "Närvarande"]],
      [false, ["Anna Berg", "S", "X"]],
      [false, ["Per Holm", "M", ""]],
    ]);
  });

  // pdftotext packs a run of words with one space each: a party beside a long name comes out a few
  // characters short of its column, glued to the name (found by the narvarolista text property).
  it("gives a party squeezed onto the end of a long name back to the party column", () => {
    const text = [
      "Ledamöter                                   Parti        Närvarande    Frånvarande",
      "Johan Kivelä (ordförande)                   c            X",
      "Amira Wåhlin (Kommunförbundet Jämtland mp                X",
      "Härjedalen)",
      "Gunnel Ahlqvist                                                        X",
    ].join("\n");
    expect(rows(text)).toEqual([
      [true, ["Ledamöter", "Parti", "Närvarande", "Frånvarande"]],
      [false, ["Johan Kivelä (ordförande)", "c", "X", ""]],
      [false, ["Amira Wåhlin (Kommunförbundet Jämtland Härjedalen)", "mp", "X", ""]],
      [false, ["Gunnel Ahlqvist", "", "", "X"]],
    ]);
    // A last word that is no party's letters stays in the name.
    expect(rows(text.replace("Jämtland mp", "Jämtland och"))[2]).toEqual([false, ["Amira Wåhlin (Kommunförbundet Jämtland och Härjedalen)", "", "X", ""]]);
  });

  it("gives a squeezed party back to its column in a table without a header, where the column's cells are parties", () => {
    const text = [
      "Ledamöter",
      "Bo-Göran Ek-Lindqvist (ordförande)              sd          [X]",
      "Per Berg (1:e vice ordförande) (Region JH) c                [X]",
      "Åke Hjemgaard-Svensson                          mp          [X]",
      "Anna-Karin Ekström Berg                                     []",
    ].join("\n");
    expect(rows(text)).toEqual([
      [true, ["Ledamöter", "", ""]],
      [false, ["Bo-Göran Ek-Lindqvist (ordförande)", "sd", "[X]"]],
      [false, ["Per Berg (1:e vice ordförande) (Region JH)", "c", "[X]"]],
      [false, ["Åke Hjemgaard-Svensson", "mp", "[X]"]],
      [false, ["Anna-Karin Ekström Berg", "", "[]"]],
    ]);
  });

  it("keeps someone marked absent in a text attendance table out of the participants", () => {
    const doc = parseText(
      ["PROTOKOLL", "Kommunstyrelsen", "Sammanträdesdatum     2024-03-12", "", "Ledamöter               Parti    Närvarande    Frånvarande", "Anna Berg               S        X", "Per Holm                M                      X", "", "§ 1 Val av justerare", "Beslut", "Anna Berg utses."].join("\n"),
    );
    expect(doc.participants.map((p) => [p.name, p.party, p.group])).toEqual([["Anna Berg", "S", "member"]]);
    expect(doc.diagnostics.some((d) => d.message.includes("absent") && d.message.endsWith("Per Holm"))).toBe(true);
  });
});

describe("layoutText: a närvarolista with a Funktion column", () => {
  it("reads each person's group, role and § limits, and leaves the § heading at the top of the next page out of the table", () => {
    const doc = parseText(
      [
        "SOCIALNÄMNDEN               SAMMANTRÄDESPROTOKOLL",
        "                            Sammanträdesdatum",
        "                            2025-11-12",
        "",
        "Närvarolista",
        "Namn                 Funktion                  Paragraf",
        "Anna Lindqvist (S)   Ordförande                §§ 12-13",
        "Olof Nilsson (C)     Ledamot                   § 12",
        "Karin Sjögren (V)    Tjänstgörande ersättare   § 13",
        "Maria Ek (L)         Ersättare                 §§ 12-13",
        "Jonas Berg           Sekreterare               §§ 12-13",
        "\f§ 12     Dnr SN 2025/40",
        "",
        "Val av justerare",
        "Beslut",
        "Socialnämnden utser Olof Nilsson att justera.",
        "",
        "§ 13     Dnr SN 2025/41",
        "",
        "Verksamhetsplan 2026",
        "Beslut",
        "Socialnämnden godkänner verksamhetsplanen.",
      ].join("\n"),
    );
    expect(doc.participants.map((p) => [p.name, p.party, p.group, p.roles, p.paragraphs])).toEqual([
      ["Anna Lindqvist", "S", "member", ["chair"], [12, 13]],
      ["Olof Nilsson", "C", "member", [], [12]],
      ["Karin Sjögren", "V", "servingSubstitute", [], [13]],
      ["Maria Ek", "L", "substitute", [], [12, 13]],
      ["Jonas Berg", null, "other", ["secretary"], [12, 13]],
    ]);
    expect(doc.items.map((item) => [item.paragraph, item.title])).toEqual([
      [12, "Val av justerare"],
      [13, "Verksamhetsplan 2026"],
    ]);
  });
});

describe("layoutText: a section heading alone on its line, the type unknown", () => {
  const doc = () =>
    parseText(
      [
        "PROTOKOLL",
        "Socialnämnden",
        "Sammanträdesdatum     2025-11-12",
        "",
        "§ 21     Dnr SN 2025/50",
        "",
        "Riktlinjer för färdtjänst",
        "",
        "Ärendebeskrivning",
        "Förvaltningen har tagit fram förslag till nya riktlinjer för färdtjänst.",
        "Bordläggning",
        "Anna Lindqvist (S) yrkar att ärendet bordläggs till nästa sammanträde.",
        "Jäv",
        "Olof Nilsson (C) anmäler jäv och deltar inte i handläggningen.",
        "Beslut",
        "Socialnämnden beslutar",
        "Att bordlägga ärendet till nästa sammanträde.",
        "Protokollsanteckning",
        "Karin Sjögren (V) lämnar en protokollsanteckning.",
        "Beslutet skickas till",
        "Sökanden",
        "Färdtjänstenheten",
      ].join("\n"),
    );

  it("starts a section at a heading the vocabulary does not know, not glued to the text above", () => {
    const [item] = doc().items;
    expect(item!.description).toBe("Förvaltningen har tagit fram förslag till nya riktlinjer för färdtjänst.");
    expect(item!.otherSections).toEqual([{ heading: "Bordläggning", text: "Anna Lindqvist (S) yrkar att ärendet bordläggs till nästa sammanträde." }]);
  });

  it("gives known headings their fields, and leaves an att-clause, a wrapped sentence and a list of recipients alone", () => {
    const [item] = doc().items;
    expect(item!.conflicts).toEqual(["Olof Nilsson"]);
    expect(item!.decision).toBe("Socialnämnden beslutar Att bordlägga ärendet till nästa sammanträde.");
    expect(item!.notes).toEqual(["Karin Sjögren (V) lämnar en protokollsanteckning."]);
    expect(item!.distribution).toEqual(["Sökanden", "Färdtjänstenheten"]);
  });
});

describe("layoutText: short fields side by side across a wide gap", () => {
  it("gives a row of short fields its cells, as a PDF line has them, and running text none", () => {
    const lines = layoutText(
      [
        "SOCIALNÄMNDEN                    SAMMANTRÄDESPROTOKOLL",
        "Nämnden  godkänner  rapporten   och lägger den till handlingarna.",
        "Ordförande                       Justerare",
        "Anna Lindqvist                   Olof Nilsson",
      ].join("\n"),
    ).lines;
    expect(lines.map((l) => l.cells ?? null)).toEqual([
      ["SOCIALNÄMNDEN", "SAMMANTRÄDESPROTOKOLL"],
      null,
      ["Ordförande", "Justerare"],
      ["Anna Lindqvist", "Olof Nilsson"],
    ]);
  });

  it("reads signers' names under their captions side by side, each with the caption above it", () => {
    const doc = parseText(
      [
        "PROTOKOLL",
        "Socialnämnden",
        "Sammanträdesdatum     2025-11-12",
        "Beslutande            Anna Lindqvist (S)",
        "                      Olof Nilsson (C)",
        "",
        "§ 12     Val av justerare",
        "Beslut",
        "Socialnämnden utser Olof Nilsson att justera protokollet.",
        "",
        "Sekreterare",
        "Jonas Berg",
        "",
        "Ordförande                               Justerare",
        "",
        "Anna Lindqvist                           Olof Nilsson",
      ].join("\n"),
    );
    expect(doc.kind).toBe("protokoll");
    expect(doc.participants.map((p) => [p.name, p.roles])).toEqual([
      ["Anna Lindqvist", ["chair"]],
      ["Olof Nilsson", ["adjuster"]],
      ["Jonas Berg", ["secretary"]],
    ]);
    expect(doc.adjusters).toEqual(["Olof Nilsson"]);
  });
});

describe("layoutText: side headings", () => {
  const item = [
    "PROTOKOLL",
    "Kommunstyrelsen",
    "Sammanträdesdatum          2024-03-12",
    "",
    "§ 12                       Rapport om skolskjuts",
    "",
    "Sammanfattning             Förvaltningen har följt upp skolskjutsarna under",
    "                           våren och redovisar kostnaderna.",
    "",
    "Förvaltningens förslag     Nämnden godkänner rapporten och lägger den",
    "till beslut                till handlingarna.",
    "",
    "Beslut                     Nämnden godkänner rapporten.",
    "",
    "Beslutet skickas till      Barn- och utbildningsförvaltningen",
  ].join("\n");

  it("reads a section heading in a left column, its text beginning beside it, as a label and its value", () => {
    const lines = layoutText(item).lines;
    const decision = lines.find((l) => l.text.startsWith("Beslut "))!;
    expect([decision.label, decision.text]).toEqual(["Beslut", "Beslut Nämnden godkänner rapporten."]);
    // A label over two lines in its column is one label; the value's lines run on under it.
    const proposal = lines.findIndex((l) => l.label === "Förvaltningens förslag till beslut");
    expect(lines[proposal]!.text).toBe("Förvaltningens förslag till beslut Nämnden godkänner rapporten och lägger den");
    expect([lines[proposal + 1]!.text, lines[proposal + 1]!.continuesLabel]).toEqual(["till handlingarna.", "Förvaltningens förslag till beslut"]);
    expect(lines.find((l) => l.text.startsWith("våren"))!.continuesLabel).toBe("Sammanfattning");
  });

  it("fills the item's sections from side headings, as from a PDF", () => {
    const [only] = parseText(item).items;
    expect(only!.title).toBe("Rapport om skolskjuts");
    expect(only!.description).toBe("Förvaltningen har följt upp skolskjutsarna under våren och redovisar kostnaderna.");
    expect(only!.proposal).toBe("Nämnden godkänner rapporten och lägger den till handlingarna.");
    expect(only!.decision).toBe("Nämnden godkänner rapporten.");
    expect(only!.distribution).toEqual(["Barn- och utbildningsförvaltningen"]);
  });

  it("leaves running text with a wide space in it whole: no column that many lines start at", () => {
    const text = "§ 3 Budget\nNämnden beslutar  att anta budgeten för\nnästa år och att ge förvaltningen\ni uppdrag att följa upp den.";
    expect(layoutText(text).lines.map((l) => [l.text, l.label])).toEqual([
      ["§ 3 Budget", null],
      ["Nämnden beslutar att anta budgeten för", null],
      ["nästa år och att ge förvaltningen", null],
      ["i uppdrag att följa upp den.", null],
    ]);
  });

  it("does not carry a ballot table at the foot of a page on into a side heading at the top of the next", () => {
    const text = [
      "§ 4                        Budget",
      "",
      "Omröstning                 Omröstning begärs.",
      "",
      "Ledamot                        Parti        Röst",
      "Anna Berg                      S            Ja",
      "Per Holm                       M            Nej",
      "Eva Lind                       C            Ja",
      "\fBeslut                     Nämnden antar budgeten för nästa år",
      "                           och ger förvaltningen i uppdrag.",
      "",
      "Ordförande                 Anna Berg",
    ].join("\n");
    const lines = layoutText(text).lines;
    expect(lines.filter((l) => l.table).map((l) => l.text)).toEqual(["Ledamot Parti Röst", "Anna Berg S Ja", "Per Holm M Nej", "Eva Lind C Ja"]);
    expect(lines.find((l) => l.page === 2)!.label).toBe("Beslut");
  });
});
