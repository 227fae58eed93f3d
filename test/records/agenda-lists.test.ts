/** A numbered list inside an agenda item (points of a proposal) is the item's text, not the next items. */
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { parsePdf, parseText } from "../../src/index.js";

/** One A4 page per entry; each line drawn top-down in Helvetica 11 at its own x, bold where asked. */
async function placedPdf(pages: [text: string, x: number, bold?: boolean][][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const [text, x, isBold] of lines) {
      if (text !== "") page.drawText(text, { x, y, size: 11, font: isBold ? bold : regular });
      y -= 14;
    }
  }
  return doc.save();
}

const FRONT: [string, number, boolean?][] = [
  ["Kallelse", 70, true],
  ["Kommunstyrelsen", 70],
  ["Datum: 2026-01-12", 70],
  ["", 0],
  ["1. Val av justerare", 70, true],
  ["", 0],
  ["2. Taxa för bygglov", 70, true],
  ["Förvaltningen har tagit fram en ny taxa.", 70],
  ["", 0],
  ["Förslag till beslut", 70, true],
  ["1. Kommunstyrelsen antar taxan.", 70],
  ["2. Taxan gäller från den 1 mars.", 70],
];

describe("a numbered list in an agenda item", () => {
  it("goes on across a page break where the new page holds only the list's last point and its hanging indent", async () => {
    // Two of the page's three lines start at the hanging indent: the page's own left edge is read there.
    const pdf = await placedPdf([
      FRONT,
      [
        ["3. Äldre taxa för bygglov och planbesked som antogs av", 70],
        ["kommunfullmäktige upphör att gälla samma dag som den nya", 88],
        ["taxan börjar gälla.", 88],
      ],
    ]);
    const document = await parsePdf(pdf);
    expect(document.items.map((item) => item.number)).toEqual([1, 2]);
    expect(document.items[1]!.proposal).toMatch(/^1\. .*\n2\. .*\n3\. Äldre taxa .* börjar gälla\.$/s);
  });

  it("still reads the next item that opens the new page, set as the items are", async () => {
    const pdf = await placedPdf([FRONT, [["3. Informationsärenden", 70, true], ["Förvaltningen informerar.", 70]]]);
    const document = await parsePdf(pdf);
    expect(document.items.map((item) => [item.number, item.title])).toEqual([[1, "Val av justerare"], [2, "Taxa för bygglov"], [3, "Informationsärenden"]]);
  });
});

describe("group headings between a kallelse's points", () => {
  const text = [
    "KALLELSE",
    "Barn- och utbildningsnämnden",
    "Tid: Måndagen den 12 januari 2026 kl 13:15",
    "Plats: Kommunhuset",
    "Sekreterare Anna Lund",
    "",
    "Informationsärenden",
    "",
    "1. Verksamhetsinformation",
    "Förvaltningschefen informerar.",
    "",
    "Beslutsärenden",
    "",
    "2. Budget 2026",
    "Förslag till beslut",
    "Nämnden fastställer budgeten.",
    "",
    "Ärenden för kännedom",
    "",
    "3. Delegationsbeslut",
    "Redovisningen läggs till handlingarna.",
  ].join("\n");

  it("are neither items nor any item's text nor an attendee", () => {
    const document = parseText(text);
    expect(document.items.map((item) => [item.number, item.title])).toEqual([[1, "Verksamhetsinformation"], [2, "Budget 2026"], [3, "Delegationsbeslut"]]);
    expect(document.items[0]!.description).toBe("Förvaltningschefen informerar.");
    expect(document.items[1]!.proposal).toBe("Nämnden fastställer budgeten.");
    expect(JSON.stringify(document)).not.toMatch(/Informationsärenden|Beslutsärenden|för kännedom/);
  });

  it("stay text where no point of the agenda follows them", () => {
    const document = parseText(text.replace("2. Budget 2026", "Budget 2026"));
    expect(document.items[0]!.description).toContain("Beslutsärenden");
  });
});

describe("a kallelse's invitation text under its place", () => {
  it("is no part of the place, and is kept in diagnostics", () => {
    const document = parseText(
      "KALLELSE\nKommunstyrelsen\nTid: Måndagen den 12 januari 2026 kl 13:15\nPlats: Kommunhuset, sammanträdesrum Vänern\nAnmälan om förhinder till nämndsekreteraren, telefon 0510-77 00 00.\n\n1. Val av justerare\n\n2. Budget 2026",
    );
    expect(document.meeting.place).toBe("Kommunhuset, sammanträdesrum Vänern");
    expect(document.diagnostics.map((d) => d.text)).toContain("Anmälan om förhinder till nämndsekreteraren, telefon 0510-77 00 00.");
  });

  it("keeps a place that wraps after a comma", () => {
    const document = parseText("KALLELSE\nKommunstyrelsen\nDatum: 2026-01-12\nPlats: Kommunhuset,\nSessionssalen på plan två i Mora.\n\n1. Val av justerare");
    expect(document.meeting.place).toBe("Kommunhuset, Sessionssalen på plan två i Mora.");
  });
});

describe("a Lex/Evolution kallelse", () => {
  it("is named by 'Kallelse/underrättelse', so its points numbered without a stop are read", () => {
    const document = parseText("KALLELSE/UNDERRÄTTELSE\nTekniska nämnden\nTid: Tisdagen den 10 februari 2026 kl. 08:30\n\nÄrenden\n1   Val av justerare\n2   Snöröjningsavtal");
    expect(document.kind).toBe("kallelse");
    expect(document.items.map((item) => [item.number, item.title])).toEqual([[1, "Val av justerare"], [2, "Snöröjningsavtal"]]);
  });
});

describe("a kallelse with a page column ('Sid')", () => {
  it("keeps the page numbers out of the titles and the column's header out of the place", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const row = (y: number, cells: [number, string][]) => cells.forEach(([x, text]) => page.drawText(text, { x, y, size: 11, font }));
    row(790, [[60, "TEKNISKA NÄMNDEN"], [330, "KALLELSE/UNDERRÄTTELSE"]]);
    row(760, [[60, "Tid"], [120, "Tisdagen den 10 februari 2026 kl. 08:30"]]);
    row(746, [[60, "Plats"], [120, "Kommunhuset, rum Tärnan"]]);
    row(716, [[60, "Ärenden"]]);
    row(696, [[480, "Sid"]]);
    ["Val av justerare", "Gatukostnadsutredning för industriområdet", "Snöröjningsavtal 2026–2028"].forEach((title, i) =>
      row(682 - 14 * i, [[60, String(i + 1)], [90, title], [485, String(2 * i + 2)]]),
    );
    const document = await parsePdf(await pdf.save());
    expect(document.meeting.place).toBe("Kommunhuset, rum Tärnan");
    expect(document.items.map((item) => [item.number, item.title])).toEqual([
      [1, "Val av justerare"],
      [2, "Gatukostnadsutredning för industriområdet"],
      [3, "Snöröjningsavtal 2026–2028"],
    ]);
  });
});
