/**
 * Meeting-system templates probed for issue 11 (Platina, Meetings+, Word
 * label tables): a label that ends in a colon is whole, a § alone at the top
 * of a page opens the items even right after an attendance list, and an
 * utskott's "föreslår ... besluta" right under "Beslut" words the decision.
 */
import { describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { parsePdf, parseText } from "../../src/index.js";

const front = (rows: string) =>
  `MARKARYDS KOMMUN\nSAMMANTRÄDESPROTOKOLL\nKommunstyrelsens arbetsutskott\n\n` +
  `PLATS OCH TID:             Kommunhuset, tisdag 4 mars 2025 kl. 09:00–12:15\n` +
  `SEKRETERARE:               Lina Gustavsson\n${rows}\n` +
  `LEDAMÖTER:                 Bengt Sunesson (C), ordförande\n` +
  `                           Ahmad Rezai (S)\n`;

describe("meeting-system templates", () => {
  it("does not join a label that ends in a colon to the label line under it", () => {
    const document = parseText(
      front(
        `JUSTERARE:                 Sven-Erik Holmqvist (S)\nJUSTERINGENS\n                           Kommunkansliet 2025-03-06\nPLATS OCH TID:`,
      ) + `\n§ 23 Upprop\nBeslut\nArbetsutskottet godkänner uppropet.\n`,
    );
    expect(document.adjusters).toEqual(["Sven-Erik Holmqvist"]);
    expect(document.participants.find((p) => p.name === "Sven-Erik Holmqvist")?.roles).toContain("adjuster");
  });

  it("opens the items with a bare '§ 23' at the top of the page after an attendance list", () => {
    const document = parseText(
      front("JUSTERARE:                 Ahmad Rezai (S)") +
        `ÖVRIGA NÄRVARANDE:         Thomas Berg, kommunchef\n` +
        `                           Elin Sjö, ekonomichef\n\f§ 23\nUpprop och val av justerare\nBeslut\nArbetsutskottet utser Ahmad Rezai att justera.\n\n§ 24\nMeddelanden\nBeslut\nMeddelandena läggs till handlingarna.\n`,
    );
    expect(document.items.map((item) => [item.paragraph, item.title])).toEqual([
      [23, "Upprop och val av justerare"],
      [24, "Meddelanden"],
    ]);
    expect(document.participants.map((p) => p.name)).not.toContain("§ 23");
  });

  it("reads 'Arbetsutskottet föreslår kommunstyrelsen besluta' right under 'Beslut' as the decision", () => {
    const document = parseText(
      front("JUSTERARE:                 Ahmad Rezai (S)") +
        `\n§ 24\nMånadsrapport februari 2025\nFörslag till beslut\nArbetsutskottet föreslår kommunstyrelsen att godkänna rapporten.\n\n` +
        `Beslut\nArbetsutskottet föreslår kommunstyrelsen besluta\n\natt godkänna månadsrapporten, samt\natt uppdra åt kommunchefen att återkomma.\n`,
    );
    const [item] = document.items;
    expect(item?.proposal).toBe("Arbetsutskottet föreslår kommunstyrelsen att godkänna rapporten.");
    expect(item?.decision).toMatch(/^Arbetsutskottet föreslår kommunstyrelsen besluta\s+att godkänna månadsrapporten, samt\s+att uppdra/);
  });

  it("reads a närvarolista whose 'Tjänstgörande ersättare' column names who stands in for an absent member", () => {
    const document = parseText(
      front("JUSTERARE:                 Ahmad Rezai (S)") +
        `\nNärvarolista\n` +
        `Ledamöter                  Parti   Närvarande   Tjänstgörande ersättare\n` +
        `Bengt Sunesson             C       X\n` +
        `Karin Wahlgren             M                    Ola Persson (M)\n` +
        `Ahmad Rezai                S       X\n` +
        `\n§ 23 Upprop\nBeslut\nArbetsutskottet godkänner uppropet.\n`,
    );
    const ola = document.participants.find((p) => p.name === "Ola Persson");
    expect(ola).toMatchObject({ group: "servingSubstitute", party: "M", replaces: "Karin Wahlgren" });
    expect(document.participants.map((p) => p.name)).not.toContain("Karin Wahlgren");
    expect(document.participants.find((p) => p.name === "Bengt Sunesson")).toMatchObject({ group: "member", party: "C" });
  });

  it("reads everyone under a 'Tjänstgörande ersättare' column as serving", () => {
    const document = parseText(
      front("JUSTERARE:                 Ahmad Rezai (S)") +
        `\nLedamöter                  Parti   Närvarande\n` +
        `Bengt Sunesson             C       X\n` +
        `Ahmad Rezai                S       X\n` +
        `\nTjänstgörande ersättare    Parti   Närvarande\n` +
        `Ola Persson                M       X\n` +
        `\n§ 23 Upprop\nBeslut\nArbetsutskottet godkänner uppropet.\n`,
    );
    expect(document.participants.find((p) => p.name === "Ola Persson")).toMatchObject({ group: "servingSubstitute", party: "M" });
  });

  it("reads the longest label that starts a line: the ANSLAG/BEVIS box's 'Datum då anslaget sätts upp', 'Beslutande organ'", () => {
    const document = parseText(
      front("JUSTERARE:                 Ahmad Rezai (S)") +
        `\nANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag.\n` +
        `Beslutande organ               Kommunstyrelsens arbetsutskott\n` +
        `Sammanträdesdatum              2025-03-04\n` +
        `Datum då anslaget sätts upp    2025-03-07\n` +
        `Datum då anslaget tas ned      2025-03-31\n` +
        `Tid och plats för justering    Kommunkansliet 2025-03-06\n` +
        `\n§ 23 Upprop\nBeslut\nArbetsutskottet godkänner uppropet.\n`,
    );
    expect(document.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    expect(document.meeting).toMatchObject({ date: "2025-03-04", place: "Kommunhuset" });
    expect(document.diagnostics.map((d) => d.text)).toEqual(expect.arrayContaining(["2025-03-07", "2025-03-31", "Kommunkansliet 2025-03-06"]));
    expect(document.parseStatus).toBe("complete");
  });

  it("reads a header grid of labels over their values (Platina)", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const row = (y: number, cells: [number, string][]) => cells.forEach(([x, text]) => page.drawText(text, { x, y, size: 10, font }));
    row(790, [[60, "Ljungby kommun"], [450, "PROTOKOLL"]]);
    row(776, [[60, "Socialnämnden"]]);
    row(740, [[60, "Sammanträdesdatum"], [180, "Justerare"], [320, "Justeringsdatum"], [440, "Paragrafer"]]);
    row(727, [[60, "2024-11-20"], [180, "Gunnel Ohlsson (S)"], [320, "2024-11-25"], [440, "§§ 112-113"]]);
    row(690, [[60, "Beslutande"], [180, "Anders Ryd (C), ordförande"]]);
    row(677, [[180, "Gunnel Ohlsson (S)"]]);
    row(664, [[180, "Per Berg (M)"]]);
    const body = ["§ 112 Dnr 2024/000341", "Val av justerare", "Beslut", "Gunnel Ohlsson utses att justera.", "", "§ 113 Dnr 2024/000287", "Delegationsbeslut", "Beslut", "Redovisningen läggs till handlingarna."];
    body.forEach((text, i) => text && row(620 - 14 * i, [[60, text]]));
    const document = await parsePdf(await pdf.save());
    expect(document.meeting.date).toBe("2024-11-20");
    expect(document.paragraphsCovered).toEqual([112, 113]);
    expect(document.adjusters).toEqual(["Gunnel Ohlsson"]);
    expect(document.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    expect(document.diagnostics.find((d) => d.code === "SECTION_WITHOUT_FIELD")?.text).toBe("2024-11-25");
  });

  it("reads the same header grid in text input, where the first label reads as a label with the others as its value", () => {
    const document = parseText(
      [
        "Socialnämnden                                     PROTOKOLL",
        "",
        "Sammanträdesdatum      Justerare          Justeringsdatum      Paragrafer",
        "2024-11-20             Gunnel Ohlsson     2024-11-25           §§ 112-113",
        "",
        "Plats och tid          Kommunhuset, kl. 09.00-11.30",
        "",
        "Beslutande             Anders Ryd (C), ordförande",
        "                       Gunnel Ohlsson (S)",
        "                       Per Berg (M)",
        "",
        "§ 112 Val av justerare",
        "Beslut",
        "Gunnel Ohlsson utses att justera.",
        "",
        "§ 113 Delegationsbeslut",
        "Beslut",
        "Redovisningen läggs till handlingarna.",
      ].join("\n"),
    );
    expect(document.meeting.date).toBe("2024-11-20");
    expect(document.paragraphsCovered).toEqual([112, 113]);
    expect(document.adjusters).toEqual(["Gunnel Ohlsson"]);
    expect(document.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
  });
});
