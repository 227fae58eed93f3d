/** § headings by layout (grammars/headings.ts): what starts an item and what is a § in passing. */
import { describe, expect, it } from "vitest";
import { paragraphHeadings } from "../../grammars/headings.js";
import { parseText } from "../../src/index.js";
import { line, lines } from "../support/lines.js";

const headingTexts = (input: ReturnType<typeof lines>) => [...paragraphHeadings(input).keys()].map((i) => input[i]!.text);

describe("§ headings by layout", () => {
  it("reads every printed form of a designation", () => {
    const input = lines("§ 12 Budget\n\n§13 Taxor\n\n14 § Skolskjuts\n\n15§ Simhall\n\nKS § 16 Val\n\nParagraf 17 Motion");
    expect([...paragraphHeadings(input).values()].map((c) => c.number)).toEqual([12, 13, 14, 15, 16, 17]);
  });

  it("does not take a § reference wrapped to a line start for a heading, nor let it hide the §§ after it", () => {
    const input = lines(
      "§ 7 Budget\nKommunstyrelsen beslutade i ärendet enligt\nKS § 211 2006-11-14 att anta riktlinjerna.\n\n§ 8 Taxor\nText.\n\nKS § 8 b Tillägg\nText.",
    );
    expect(headingTexts(input)).toEqual(["§ 7 Budget", "§ 8 Taxor", "KS § 8 b Tillägg"]);
  });

  it("keeps a § with a letter after the § with its number", () => {
    const document = parseText("PROTOKOLL\n\n§ 3 Budget\nBeslut\nBifall.\n\n§ 3 a Tillägg\nBeslut\nBifall.\n\n§ 3 b Tillägg två\nBeslut\nAvslag.");
    expect(document.items.map((i) => i.paragraphLabel)).toEqual(["§ 3", "§ 3 a", "§ 3 b"]);
  });

  it("keeps a heading whose title ends in a date, and drops a § followed by a date or an organ and a date", () => {
    const input = lines("191 § Anmälningsärenden, sst 26.9.2022\nText.\n\n§ 12 KSAU 2023-02-14\n\n§ 13 2023-02-14 beslutade\n\n192 § Budget\nText.");
    expect(headingTexts(input)).toEqual(["191 § Anmälningsärenden, sst 26.9.2022", "192 § Budget"]);
  });

  it("does not take a running header with a date and page number for a heading", () => {
    const input = [
      line("BUN § 14 2024-02-06 Sida 3(19)", { page: 3 }),
      line("§ 14 Budget", { page: 3, breakBefore: true }),
      line("Text.", { page: 3 }),
      line("BUN § 14 2024-02-06", { page: 4 }),
      line("Mer text.", { page: 4 }),
    ];
    expect(headingTexts(input)).toEqual(["§ 14 Budget"]);
  });

  it("keeps every § of a PDF that holds two meetings, repeated numbers included", () => {
    const input = lines("§ 1 Val\n\n§ 2 Budget\n\n§ 3 Taxor\n\nPROTOKOLL\n\n§ 1 Val\n\n§ 2 Budget");
    expect([...paragraphHeadings(input).values()].map((c) => c.number)).toEqual([1, 2, 3, 1, 2]);
  });

  it("drops a stray number inside a run of §§", () => {
    const input = lines("§ 10 Val\n\n§ 211 Riktlinjer\n\n§ 11 Budget");
    expect(headingTexts(input)).toEqual(["§ 10 Val", "§ 11 Budget"]);
  });

  it("in a PDF whose headings are bold, takes a plain § inside a paragraph for running text", () => {
    const bold = { bold: true, fontSize: 11, breakBefore: true };
    const input = [
      line("§ 5 Val", bold),
      line("Text om ärendet som fortsätter", { fontSize: 10 }),
      line("§ 9 Kommunstyrelsen har tidigare behandlat frågan.", { fontSize: 10 }),
      line("§ 6 Budget", bold),
      line("§ 7 Taxor", bold),
    ];
    expect(headingTexts(input)).toEqual(["§ 5 Val", "§ 6 Budget", "§ 7 Taxor"]);
  });

  it("in a PDF whose headings are bold, keeps a heading that opens a page read by OCR (type unknown, no bold)", () => {
    const bold = { bold: true, fontSize: 11, breakBefore: true };
    const input = [
      line("39 § Sammanträdets laglighet", { page: 3 }),
      line("Text.", { page: 3 }),
      line("40 § Val av protokolljusterare", { ...bold, page: 4 }),
      line("Text.", { page: 4, fontSize: 10 }),
      line("41 § Föredragningslistan", { ...bold, page: 5 }),
      line("Text.", { page: 5, fontSize: 10 }),
    ];
    expect(headingTexts(input)).toEqual(["39 § Sammanträdets laglighet", "40 § Val av protokolljusterare", "41 § Föredragningslistan"]);
  });

  it("keeps a § that opens a page with the number of the § before it, set like it and with its title (two one-§ meetings)", () => {
    const input = [
      line("KS § 1 Val av justerare", { page: 2 }),
      line("Text.", { page: 2 }),
      line("Protokollet omfattar § 1", { page: 3 }),
      line("KS § 1 Val av justerare", { page: 4 }),
      line("KS § 1", { page: 5 }),
    ];
    expect([...paragraphHeadings(input).keys()]).toEqual([0, 3]);
  });

  it("does not take a table of contents for headings: dot leaders, or a run of § lines that come again later", () => {
    const leaders = lines("16 § Sammanträdets laglighet .......... 3\n17 § Val av protokolljusterare .......... 3\n\n16 § Sammanträdets laglighet\nText.\n\n17 § Val av protokolljusterare\nText.");
    expect([...paragraphHeadings(leaders).keys()]).toEqual([2, 4]);
    const listed = lines("Ärenden\n§ 1 Val\n§ 2 Budget\n\n§ 1 Val\nText.\n\n§ 2 Budget\nText.");
    expect([...paragraphHeadings(listed).keys()]).toEqual([3, 5]);
  });

  it("takes a bare § under an attendance entry, with the next label below it, for that entry's § limit", () => {
    const input = lines("§ 5 Val\nText.\n\nPROTOKOLL\nLedamöter Anna Berg (S)\n§100\nErsättare Per Holm (M)\n\n§ 99 Budget\nText.");
    expect(headingTexts(input)).toEqual(["§ 5 Val", "§100", "§ 99 Budget"]);
    const labels = new Set([3, 5]);
    expect([...paragraphHeadings(input, (i) => labels.has(i)).keys()].map((i) => input[i]!.text)).toEqual(["§ 5 Val", "§ 99 Budget"]);
  });

  it("keeps a § whose title starts in lower case where the numbering has room for it, at the headings' indent, set apart", () => {
    const input = lines("192 § Verkställighet\nText.\n\n193 § presentation av trafikleder\nText.\n\n194 § Detaljplan\nText.");
    expect(headingTexts(input)).toEqual(["192 § Verkställighet", "193 § presentation av trafikleder", "194 § Detaljplan"]);
  });

  it("does not take running text that starts a line with a § and a lower-case word for a heading", () => {
    // Not the next number, or not set apart from the paragraph it stands in.
    const law = lines("5 § Val\nEnligt kommunallagen\n\n92 § i kommunallagen gäller.\n\n6 § Budget\nEnligt stadgan gäller\n7 § i förvaltningsstadgan.\n\n8 § Taxor");
    expect(headingTexts(law)).toEqual(["5 § Val", "6 § Budget", "8 § Taxor"]);
    // The next number, but not where headings stand.
    const indented = [line("5 § Val"), line("Text."), line("6 § i lagen gäller.", { indent: 40, breakBefore: true }), line("7 § Budget", { breakBefore: true })];
    expect(headingTexts(indented)).toEqual(["5 § Val", "7 § Budget"]);
    // After the last heading, only a number that the document's contents list announces.
    expect(headingTexts(lines("11 § Val\nText.\n\n12 § i kommunallagen gäller."))).toEqual(["11 § Val"]);
    const announced = lines("11 § Val ........ 2\n12 § Presentation av vägar ........ 3\n\n11 § Val\nText.\n\n12 § presentation av vägar\nText.");
    expect(headingTexts(announced)).toEqual(["11 § Val", "12 § presentation av vägar"]);
  });

  it("where the type is unknown (OCR, text), reads a § sign misread as \"$\" or \"8\" when the numbering expects that number", () => {
    const input = lines("196 § Lån\nText.\n\n197 $ Suomenkielinen nämnd\nText.\n\n198 § Befattning\nText.\n\n199 § Bidrag\nText.\n\n200 8 SÖFUK:s stämmor\nText.\n\n201 § Motion");
    expect([...paragraphHeadings(input).values()].map((c) => [c.number, c.designation.label])).toEqual([
      [196, "196 §"],
      [197, "197 §"],
      [198, "198 §"],
      [199, "199 §"],
      [200, "200 §"],
      [201, "201 §"],
    ]);
    const kallelse = parseText("FÖREDRAGNINGSLISTA\n\n196 § Lån\nText.\n\n197 $ Suomenkielinen nämnd\nText.\n\n198 § presentation av vägar\nText.\n\n199 § Motion\nText.");
    expect(kallelse.items.map((i) => [i.paragraph, i.paragraphLabel, i.title])).toEqual([
      [196, "196 §", "Lån"],
      [197, "197 §", "Suomenkielinen nämnd"],
      [198, "198 §", "presentation av vägar"],
      [199, "199 §", "Motion"],
    ]);
    // An eight or a dollar in running text, or a number the numbering has no room for, stays text.
    const text = lines("196 § Lån\nText.\n\n2024 8 Nya regler gäller.\n\n150 $ Kostnad per deltagare.\n\n197 § Befattning");
    expect(headingTexts(text)).toEqual(["196 § Lån", "197 § Befattning"]);
    // A PDF's own text layer does not misread its signs.
    const typed = [line("196 § Lån", { fontSize: 11 }), line("Text.", { fontSize: 10 }), line("197 $ Nämnd", { fontSize: 11, breakBefore: true }), line("198 § Budget", { fontSize: 11, breakBefore: true })];
    expect(headingTexts(typed)).toEqual(["196 § Lån", "198 § Budget"]);
  });
});
