/**
 * Word-era and kungörelse leftovers of issue 11 item 7: a signature block that
 * names its § range on its own first line ("Underskrifter   Paragrafer 112–127"),
 * and an "Ärenden" line over a kungörelse's numbered list. Each is read into its
 * field (or known as a title) and nothing of either lands in the text of an item
 * or in an UNRECOGNISED diagnostic.
 */
import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { parsePdf, parseText } from "../../src/index.js";
import { documentArb } from "../support/arbitraries.js";
import { normaliseForComparison } from "../support/normalise.js";
import { renderPdf, renderText } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "../properties/settings.js";

const protokoll = (closing: string) =>
  parseText(
    `SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2007-03-14\n\nBeslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\n\n` +
      `112 § Budget 2008\nBeslut:\nKommunstyrelsen godkänner budgeten.\n\n113 § Taxor\nBeslut:\nTaxorna fastställs.\n\n${closing}`,
  );

describe("the signature block names its §§", () => {
  it("reads 'Underskrifter Paragrafer 112–113' as the §§ covered, not as text of the last §", () => {
    const document = protokoll("Underskrifter Paragrafer 112–113\n\nOrdförande Anna Berg\n\nJusterande Per Holm");
    expect(document.paragraphsCovered).toEqual([112, 113]);
    expect(document.items.map((item) => item.decision)).toEqual(["Kommunstyrelsen godkänner budgeten.", "Taxorna fastställs."]);
    expect(document.participants.find((p) => p.name === "Per Holm")?.roles).toContain("adjuster");
    expect(document.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("reads a list of §§ and ranges, with or without § signs", () => {
    expect(protokoll("Underskrifter Paragrafer §§ 112, 113\n\nOrdförande Anna Berg").paragraphsCovered).toEqual([112, 113]);
  });

  it("leaves a signature line whose rest is no § range to the signatures", () => {
    const document = protokoll("Underskrifter Paragrafer enligt ovan\n\nOrdförande Anna Berg");
    expect(document.paragraphsCovered).toEqual([]);
  });
});

describe("a kungörelse's list of ärenden", () => {
  it("takes 'Ärenden' over the numbered list for the list's title, not for an attendee", () => {
    const document = parseText(
      "KUNGÖRELSE\n\nKommunfullmäktige sammanträder i Folkets hus tisdagen den 17 mars 2026 kl.\n18.30–21.00.\n\nLedamöter\nAnna Berg (S)\nPer Holm (M)\n\nÄrenden\n\n1. Upprop\n\n2. Val av justerare\n\n3. Budget 2027",
    );
    expect(document.kind).toBe("kallelse");
    expect(document.meeting).toEqual({ date: "2026-03-17", startTime: "18:30", endTime: "21:00", place: "Folkets hus" });
    expect(document.participants.map((p) => p.name)).toEqual(["Anna Berg", "Per Holm"]);
    expect(document.items.map((item) => [item.number, item.title])).toEqual([[1, "Upprop"], [2, "Val av justerare"], [3, "Budget 2027"]]);
    expect(document.parseStatus).toBe("complete");
  });
});

/** Diagnostics that mean something was not placed. */
const unplaced = (doc: { diagnostics: { code: string }[] }) => doc.diagnostics.filter((d) => d.code.startsWith("UNRECOGNISED"));

test(
  "Word-era protokoll and kungörelse kallelser read back whole, with nothing unplaced",
  async () => {
    const arb = fc.oneof(
      documentArb({ kinds: ["protokoll"], maxItems: 3 }).map((doc) => [doc, "ordformat"] as const),
      documentArb({ kinds: ["kallelse"], maxItems: 4 }).map((doc) => [doc, "kungorelse"] as const),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([doc, template]) => {
        const { text, expected } = renderText(doc, template);
        const fromText = parseText(text);
        expect(normaliseForComparison(fromText)).toEqual(normaliseForComparison(expected));
        expect(unplaced(fromText)).toEqual([]);
        const { pdf, expected: fromPdfExpected } = await renderPdf(doc, template);
        const fromPdf = await parsePdf(pdf);
        expect(normaliseForComparison(fromPdf)).toEqual(normaliseForComparison(fromPdfExpected));
        expect(unplaced(fromPdf)).toEqual([]);
      }),
      propertyParameters(Math.min(40, Number(process.env.PROTOKOLL_PROPERTY_RUNS ?? 40))),
    );
  },
  timeoutFor(400, 40),
);

describe("a 1990s protokoll typed in Word", () => {
  const document = parseText(
    [
      "SAMMANTRÄDESPROTOKOLL",
      "Socialnämnden",
      "1998-05-14",
      "",
      "Beslutande             Gunnel Åberg (s), ordförande",
      "                       Lars Ek (fp) tjänstgörande ersättare",
      "",
      "Justeringens",
      "plats och tid          Socialkontoret 1998-05-20",
      "",
      "§ 45",
      "",
      "Val av justerare",
      "",
      "Nämnden beslöt att utse Lars Ek att jämte ordföranden justera dagens protokoll.",
      "",
      "§ 46                                                              Dnr 98/112",
      "",
      "Bistånd enligt socialtjänstlagen, riktlinjer",
      "",
      "Socialchefen redogjorde för förslaget. Nämnden beslutade 1997-02-12 att se över riktlinjerna.",
      "",
      "§ 47",
      "",
      "Meddelanden",
      "",
      "Kommunfullmäktige beslutade 1997-11-20 att anta en ny taxa.",
    ].join("\n"),
  );
  const [p45, p46, p47] = document.items;

  it("takes a § heading's Dnr without an organ or a four-digit year, and the title from the line under it", () => {
    expect(p46).toMatchObject({ title: "Bistånd enligt socialtjänstlagen, riktlinjer", caseNumbers: ["98/112"] });
  });

  it("reads the closing 'Nämnden beslöt att …' of a § with no Beslut heading as its decision", () => {
    expect(p45).toMatchObject({ description: null, decision: "Nämnden beslöt att utse Lars Ek att jämte ordföranden justera dagens protokoll." });
  });

  it("leaves a dated earlier decision in the description", () => {
    expect(p46!.decision).toBeNull();
    expect(p47).toMatchObject({ decision: null, description: "Kommunfullmäktige beslutade 1997-11-20 att anta en ny taxa." });
  });

  it("reads 'tjänstgörande ersättare' after the party as a serving substitute", () => {
    expect(document.participants.find((p) => p.name === "Lars Ek")).toMatchObject({ party: "FP", group: "servingSubstitute" });
  });

  it("joins a label that wraps above its value ('Justeringens' / 'plats och tid')", () => {
    expect(document.diagnostics.filter((d) => d.code === "UNRECOGNISED_ATTENDEE")).toEqual([]);
    expect(JSON.stringify(document)).not.toContain('"Justeringens"');
  });
});

describe("a label cell that wraps in a PDF table of tight rows", () => {
  it("starts a new label at a capitalised line under the last row, and joins its lower-case rest", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.TimesRoman);
    const page = pdf.addPage([595, 842]);
    const rows: [string, string][] = [
      ["SAMMANTRÄDESPROTOKOLL", ""],
      ["Socialnämnden 1998-05-14", ""],
      ["Plats och tid", "Socialkontoret, kl 13.00-16.15"],
      ["Beslutande", "Gunnel Åberg (s), ordförande"],
      ["", "Olle Persson (c)"],
      ["Utses att justera", "Olle Persson"],
      ["Justeringens", ""],
      ["plats och tid", "Socialkontoret 1998-05-20"],
      ["§ 45 Val av justerare", ""],
      ["Nämnden beslöt att utse Olle Persson att justera protokollet.", ""],
    ];
    rows.forEach(([label, value], i) => {
      const y = 780 - i * 14 - (i >= 8 ? 20 : 0);
      if (label) page.drawText(label, { x: 70, y, size: 11, font });
      if (value) page.drawText(value, { x: 200, y, size: 11, font });
    });
    const document = await parsePdf(await pdf.save());
    expect(document.adjusters).toEqual(["Olle Persson"]);
    expect(document.diagnostics.filter((d) => d.code === "UNRECOGNISED_ATTENDEE")).toEqual([]);
    expect(document.diagnostics.map((d) => d.message).join(" ")).toContain('"Justeringens plats och tid"');
  });
});
