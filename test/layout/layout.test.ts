import { describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText } from "../../src/pdf/index.js";
import type { PdfText } from "../../src/pdf/types.js";
import { layoutPages, layoutText, type LayoutResult, type Line } from "../../src/layout/index.js";
import { cleanText, wrapJoin } from "../../src/layout/clean.js";
import { DEV_PDFS, HAS_SHARED, devPdf, seedText } from "./fixtures.js";
import { TWO_COLUMN_PROSE, textPdf, twoColumnPdf } from "../pdf/make.js";

const layouts = new Map<string, Promise<LayoutResult>>();
function devLayout(name: string): Promise<LayoutResult> {
  if (!layouts.has(name)) layouts.set(name, extractText(devPdf(name)).then(layoutPages));
  return layouts.get(name)!;
}
const find = (lines: Line[], start: string): Line => {
  const line = lines.find((l) => l.text.startsWith(start));
  if (!line) throw new Error(`no line starts with ${start}`);
  return line;
};

describe.skipIf(!HAS_SHARED)("furniture on the dev PDFs", () => {
  const FURNITURE = /^Sida \d|Justerandes sign|Utdragsbestyrkande|digitalt signerat|^HEDBACKA KOMMUN$|^Sjövalla kommun$|Protokoll 2025-02-13|SAMMANTRÄDESPROTOKOLL/;

  it.each(DEV_PDFS)("%s: no header, footer, page number or signature box left in the lines", async (name) => {
    const { lines } = await devLayout(name);
    expect(lines.filter((l) => FURNITURE.test(l.text) || l.cells?.some((c) => FURNITURE.test(c))).map((l) => l.text)).toEqual([]);
  });

  it("keeps the furniture with its page, where the builder can read organisation and body", async () => {
    const { furniture } = await devLayout("d01_bun_hedbacka_2025-02-13");
    expect(furniture).toContainEqual({ page: 2, text: "Sida 2 av 5" });
    expect(furniture).toContainEqual({ page: 3, text: "HEDBACKA KOMMUN" });
    expect(furniture).toContainEqual({ page: 1, text: "Justerandes signatur" });
    const d02 = await devLayout("d02_tn_sjovalla_2025-10-09");
    expect(d02.furniture.filter((f) => f.text === "Justerandes sign")).toHaveLength(8);
  });

  it("keeps a first-page title that appears once", async () => {
    const { lines } = await devLayout("d01_bun_hedbacka_2025-02-13");
    expect(lines[0]).toMatchObject({ page: 1, text: "Protokoll", bold: true });
  });

  it("reads a paragraph on across a page break", async () => {
    const { lines } = await devLayout("d01_bun_hedbacka_2025-02-13");
    const i = lines.findIndex((l) => l.text.startsWith("brist på lokaler"));
    expect(lines[i + 1]).toMatchObject({ page: 3, breakBefore: false });
    expect(lines[i + 1]!.text).toMatch(/^höstterminen 2025/);
  });
});

describe.skipIf(!HAS_SHARED)("label/value rows on the dev PDFs", () => {
  it("d01: 'Ledamöter' row and its continuation lines", async () => {
    const { lines } = await devLayout("d01_bun_hedbacka_2025-02-13");
    const row = find(lines, "Ledamöter");
    expect(row).toMatchObject({ text: "Ledamöter Annika Blom (S), ordförande", label: "Ledamöter", continuesLabel: null });
    const i = lines.indexOf(row);
    expect(lines.slice(i + 1, i + 7).map((l) => [l.text, l.continuesLabel])).toEqual([
      ["Marie Lund (M), vice ordförande", "Ledamöter"],
      ["Göran Persson Ek (S)", "Ledamöter"],
      ["Lisa Wahlström (S)", "Ledamöter"],
      ["Ahmed Osman (S)", "Ledamöter"],
      ["Roland Häggström (SD)", "Ledamöter"],
      ["Elsa Brandt (C) §§ 18–22", "Ledamöter"],
    ]);
    // A label too long to leave a column gap before its value is still split at the value column.
    expect(find(lines, "Justeringens plats och tid")).toMatchObject({
      label: "Justeringens plats och tid",
      text: "Justeringens plats och tid Utbildningskontoret 2025-02-18",
    });
  });

  it("d02: grid table rows, labels over two lines joined", async () => {
    const { lines } = await devLayout("d02_tn_sjovalla_2025-10-09");
    expect(find(lines, "Tjänstgörande")).toMatchObject({
      text: "Tjänstgörande ersättare Lars-Göran Bäck (S) ersätter Nina Tallberg (S)",
      label: "Tjänstgörande ersättare",
    });
    expect(find(lines, "Justeringens")).toMatchObject({
      text: "Justeringens plats och tid Tekniska kontoret, 2025-10-14 kl. 13.00",
      label: "Justeringens plats och tid",
    });
    expect(lines.some((l) => l.text === "ersättare" || l.text === "och tid")).toBe(false);
    expect(find(lines, "Paragrafer")).toMatchObject({ text: "Paragrafer 45–50", label: "Paragrafer" });
    expect(find(lines, "Pontus Hjelm")).toMatchObject({ continuesLabel: "Övriga närvarande", label: null });
  });

  it("d04: a label centred in its cell takes the value lines around it", async () => {
    const { lines } = await devLayout("d04_kf_sjovalla_utdrag_2025-04-28");
    expect(find(lines, "Ordförande")).toMatchObject({ text: "Ordförande Ingemar Lövgren (S), ordförande", label: "Ordförande" });
    expect(find(lines, "Justerare")).toMatchObject({ text: "Justerare Kajsa Hammar (C)", label: "Justerare" });
    expect(find(lines, "Rasmus Öberg")).toMatchObject({ continuesLabel: "Justerare" });
  });

  it("d01: a voting table is not a label/value table", async () => {
    const { lines } = await devLayout("d01_bun_hedbacka_2025-02-13");
    const row = find(lines, "Annika Blom S");
    expect(row).toMatchObject({ label: null, continuesLabel: null, cells: ["Annika Blom", "S", "X"] });
  });

  it("d03: a right-aligned agenda time is a cell, not a value column", async () => {
    const { lines } = await devLayout("d03_ksau_hedbacka_kallelse_2025-04-08");
    expect(find(lines, "4. Årsredovisning")).toMatchObject({
      text: "4. Årsredovisning 2024 för Hedbacka kommun 08.40",
      label: null,
      cells: ["4. Årsredovisning 2024 för Hedbacka kommun", "08.40"],
    });
    // A bullet set at a tab stop stays with its text.
    expect(find(lines, "• Tjänsteskrivelse 2025-03-25").cells).toBeUndefined();
  });
});

describe("two-column bands in a generated PDF", () => {
  it("reads each band left column first, each column indented from its own edge", async () => {
    const { lines } = layoutPages(await extractText(await twoColumnPdf()));
    const texts = lines.map((l) => l.text);
    const at = (text: string) => texts.indexOf(text);
    expect(texts.slice(at("Beslutande ledamöter"), at("Justerare: Bo Ek"))).toEqual([
      "Beslutande ledamöter",
      "Anna Berg (S), ordförande",
      "Bo Ek (M), vice ordförande",
      "Cecilia Holm (S)",
      "David Lind (SD)",
      "Eva Ström (C)",
      "Fredrik Ås (V)",
      "Tjänstgörande ersättare",
      "Gun Nilsson (S) för Hans Ek (S)",
      "Ingrid Sjö (M) för Jan Berg (M)",
      "Karl Holm (L) för Lena Ek (L)",
    ]);
    expect(texts.slice(at("Ärendebeskrivning") + 1, at("Beslut"))).toEqual([...TWO_COLUMN_PROSE.map(([l]) => l), ...TWO_COLUMN_PROSE.map(([, r]) => r)]);
    const rightTop = lines.find((l) => l.text === "Ekonomiavdelningen bedömer att");
    expect(rightTop).toMatchObject({ indent: 0, breakBefore: false });
    expect(rightTop?.cells).toBeUndefined();
    expect(lines.find((l) => l.text === "Tjänstgörande ersättare")?.bbox?.x0).toBeCloseTo(310, 0);
  });
});

describe("wrap hyphens", () => {
  it.skipIf(!HAS_SHARED)("d03: 'medborgar-' / 'förslaget.' joins, the hyphen removed", async () => {
    const { lines } = await devLayout("d03_ksau_hedbacka_kallelse_2025-04-08");
    const i = lines.findIndex((l) => l.text.endsWith("bifalla medborgar"));
    expect(lines[i]!.joinsNext).toBe(true);
    expect(lines[i + 1]!.text).toBe("förslaget.");
    expect(lines.filter((l) => l.joinsNext)).toHaveLength(1);
  });

  it.each([
    ["att bifalla medborgar-", "förslaget.", "dropHyphen"],
    ["projekt avseende energi-", "och klimatrådgivning", "none"],
    ["Sociala vård-", "och omsorgsgruppen", "none"],
    ["Lise Hjemgaard-", "Svensson (M)", "none"],
    ["kommunerna i Jämtlands län-", "Sammanhållen hälso- och sjukvård", "none"],
    ["handlingsplan 2026-", "2034", "none"],
    ["för LSS-", "insatser inom", "keepHyphen"],
    ["perioden 2024-", "talet", "keepHyphen"],
    ["Göteborgsförslag 12879 för beslut", "- Leksaksbibliotek.", "none"],
    ["ett ord -", "fortsätter", "none"],
  ] as const)("%s / %s -> %s", (text, next, expected) => {
    expect(wrapJoin(text, next, false)).toBe(expected);
  });
});

describe("clean-up", () => {
  it("unfolds ligatures, drops invisible characters, folds odd spaces, NFC", () => {
    expect(cleanText("  e\uFB00ektiv \uFB01nansiering\u00A0och\u2009\u200Bsamt \u00ADx  ")).toBe("effektiv finansiering och samt x");
    expect(cleanText("A\u030Angermanland")).toBe("Ångermanland");
    expect(cleanText("\uF0B7 Tjänsteskrivelse")).toBe("• Tjänsteskrivelse");
  });

  it("closes up letter-spaced titles", () => {
    expect(cleanText(" K a l l e l s e / f ö r e d r a g n i n g s l i s t a  ")).toBe("Kallelse/föredragningslista");
    expect(cleanText("Del a i b")).toBe("Del a i b");
  });
});

describe("text input", () => {
  it("gives the same line structure as PDF input: pages, indent, blank lines", () => {
    const { lines, pages } = layoutText("Rubrik\n  indraget\n\nNytt stycke\fSida två\n");
    expect(pages).toBe(2);
    expect(lines.map((l) => [l.page, l.indent, l.breakBefore, l.text])).toEqual([
      [1, 0, false, "Rubrik"],
      [1, 2, false, "indraget"],
      [1, 0, true, "Nytt stycke"],
      // A page break is not a paragraph break: a paragraph may run on over it.
      [2, 0, false, "Sida två"],
    ]);
    expect(lines[0]).toMatchObject({ bbox: null, fontSize: null, label: null, sourceItems: [] });
  });

  it("gives the same line texts as the PDF path for the same content", async () => {
    const content = [
      ["Protokoll", "Sammanträdesdatum: 2025-03-07", "", "§ 9 Fördelning av stimulansmedel", "Förslaget gäller vård- och", "omsorgsgruppen samt medborgar-", "förslaget om LSS-insatser."],
      ["Beslut", "Nämnden beslutar att bifalla."],
    ];
    const viaPdf = layoutPages(await extractText(await textPdf(content)));
    const viaText = layoutText(content.map((page) => page.join("\n")).join("\f"));
    const view = (r: LayoutResult) => r.lines.map((l) => [l.page, l.text, l.breakBefore, l.joinsNext]);
    expect(view(viaPdf)).toEqual(view(viaText));
    expect(viaText.lines.find((l) => l.joinsNext)?.text).toBe("omsorgsgruppen samt medborgar");
  });

  it("text with form feeds: a heading that opens every page is body; a header set apart by a blank line is furniture", () => {
    const names = ["Anna Berg", "Bo Ek", "Cecilia Holm"];
    const headingFirst = names.map((name) => `JÄV\n${name} anmäler jäv och deltar inte i handläggningen.\nBeslut\nNämnden beslutar att bifalla.`).join("\f");
    expect(layoutText(headingFirst).lines.filter((l) => l.text === "JÄV")).toHaveLength(3);
    const headed = names.map((name) => `Barn- och utbildningsnämnden\n\nJÄV\n${name} anmäler jäv.\nBeslut\nNämnden beslutar att bifalla.`).join("\f");
    const { lines, furniture } = layoutText(headed);
    expect(furniture.map((f) => f.text)).toEqual(Array(3).fill("Barn- och utbildningsnämnden"));
    expect(lines.filter((l) => l.text === "JÄV")).toHaveLength(3);
  });

  it.skipIf(!HAS_SHARED)("goteborg seed: the running footer and header block are furniture, section headings are not", () => {
    const text = seedText("goteborg_ks_2024-03-20_paragrafer");
    const { lines, furniture } = layoutText(text);
    const texts = new Set(lines.map((l) => l.text));
    for (const f of ["Göteborgs Stad Kommunstyrelsen, protokoll", "Protokoll nr 9", "Sammanträdesdatum: 2024-03-20"]) {
      expect(texts.has(f)).toBe(false);
      expect(furniture.some((x) => x.text === f)).toBe(true);
    }
    const count = (t: string) => text.split("\n").filter((l) => l.trim() === t).length;
    for (const heading of ["Beslut", "Handlingar", "Protokollsutdrag skickas till", "Protokollsanteckning", "Yrkanden"]) {
      expect(lines.filter((l) => l.text === heading)).toHaveLength(count(heading));
    }
    expect(lines.some((l) => l.text.startsWith("KF Handling 2024 nr"))).toBe(true);
  });

  it.skipIf(!HAS_SHARED)("004 seed: portal stamp and Utdragsbestyrkande are furniture, the PROTOKOLL title is not", () => {
    const { lines, furniture } = layoutText(seedText("004_d5ea8ae1bc9bacf2"));
    expect(furniture.map((f) => f.text)).toEqual(["Signerat med Formpipes Signeringsportal", "Utdragsbestyrkande"]);
    expect(lines[0]!.text).toBe("PROTOKOLL");
    expect(lines.some((l) => l.text === "Lise Hjemgaard-Svensson (M) (Östersunds kommun)")).toBe(true);
    expect(lines.some((l) => l.text.includes("Jämtlands län- Sammanhållen"))).toBe(true);
  });
});

describe("furniture by repetition in generated PDFs", () => {
  async function headedPdf(pages: number, header: (page: number) => string | null): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 1; p <= pages; p++) {
      const page = doc.addPage([595, 842]);
      const text = header(p);
      if (text) page.drawText(text, { x: 70, y: 810, size: 9, font });
      page.drawText(`Sida ${p} av ${pages}`, { x: 480, y: 30, size: 9, font });
      page.drawText(p === 1 ? "PROTOKOLL" : `Brödtext på sidan ${p}.`, { x: 70, y: 700, size: 11, font });
    }
    return doc.save();
  }

  it("a header on only some pages is still furniture; the body is not", async () => {
    const layout = layoutPages(await extractText(await headedPdf(4, (p) => (p === 1 ? null : "Kommunstyrelsen, protokoll"))));
    expect(layout.lines.map((l) => l.text)).toEqual(["PROTOKOLL", "Brödtext på sidan 2.", "Brödtext på sidan 3.", "Brödtext på sidan 4."]);
    expect(layout.furniture.filter((f) => f.text === "Kommunstyrelsen, protokoll").map((f) => f.page)).toEqual([2, 3, 4]);
  });

  /** Four pages that each open on the heading "JÄV" right above its text, with or without a running header above it. */
  async function headingAtTopsPdf(header: boolean): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    for (const name of ["Anna Berg", "Bo Ek", "Cecilia Holm", "David Lind"]) {
      const page = doc.addPage([595, 842]);
      if (header) page.drawText("Kommunstyrelsen, protokoll", { x: 70, y: 815, size: 9, font });
      page.drawText("JÄV", { x: 70, y: 785, size: 10.5, font: bold });
      page.drawText(`${name} anmäler jäv och deltar inte i handläggningen.`, { x: 70, y: 772, size: 10, font });
    }
    return doc.save();
  }

  /** Five OCR'd pages: a logo read as "NYKARLEBY" on most, with a letter glued on or as a speck on others, over a running header. */
  function ocrHeaderPages(ocr: boolean): PdfText {
    const item = (index: number, text: string, x: number, y: number, fontSize = 10) =>
      ({ index, text, x, y, width: text.length * fontSize * 0.5, height: fontSize, fontSize, fontName: "ocr", bold: false, italic: false, hasEOL: true });
    const logos = ["NYKARLEBY", "gNYKARLEBY", "NYKARLEBY", "pr", "NYKARLEBY"];
    const pages = logos.map((logo, i) => ({
      page: i + 1,
      width: 595,
      height: 842,
      items: [
        item(0, logo, 64, 30, 14),
        item(1, "Protokoll", 300, 50),
        item(2, `Sida ${i + 1}`, 480, 50),
        item(3, `Brödtext på sidan ${i + 1}.`, 70, 130),
      ],
    }));
    return { pageCount: 5, pages, diagnostics: [], ocrPages: ocr ? [1, 2, 3, 4, 5] : [] };
  }

  it("on OCR pages, a logo read with a stray letter or as a speck inside the running header is furniture", () => {
    const layout = layoutPages(ocrHeaderPages(true));
    expect(layout.lines.map((l) => l.text)).toEqual([1, 2, 3, 4, 5].map((p) => `Brödtext på sidan ${p}.`));
    expect(layout.furniture.filter((f) => /NYKARLEBY|^pr$/.test(f.text)).map((f) => f.text)).toEqual(["NYKARLEBY", "gNYKARLEBY", "NYKARLEBY", "pr", "NYKARLEBY"]);
  });

  it("in a text layer the same odd cells stay body: they were printed", () => {
    const layout = layoutPages(ocrHeaderPages(false));
    expect(layout.lines.map((l) => l.text)).toContain("gNYKARLEBY");
    expect(layout.lines.map((l) => l.text)).toContain("pr");
  });

  it("a heading that opens every page right above its text is body, not a running header", async () => {
    const layout = layoutPages(await extractText(await headingAtTopsPdf(false)));
    expect(layout.lines.filter((l) => l.text === "JÄV").map((l) => l.page)).toEqual([1, 2, 3, 4]);
    expect(layout.furniture).toEqual([]);
  });

  it("a running header above such a heading is still furniture; the heading is not", async () => {
    const layout = layoutPages(await extractText(await headingAtTopsPdf(true)));
    expect(layout.lines.filter((l) => l.text === "JÄV")).toHaveLength(4);
    expect(layout.furniture.map((f) => f.text)).toEqual(Array(4).fill("Kommunstyrelsen, protokoll"));
  });

  it("a one-page document keeps its header text but loses its page number", async () => {
    const layout = layoutPages(await extractText(await headedPdf(1, () => "Kommunstyrelsen, protokoll")));
    expect(layout.lines.map((l) => l.text)).toEqual(["Kommunstyrelsen, protokoll", "PROTOKOLL"]);
    expect(layout.furniture).toEqual([{ page: 1, text: "Sida 1 av 1" }]);
  });
});
