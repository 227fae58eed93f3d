/** The library's promises at its edge: what it throws, what it never throws, and strict mode. */
import { describe, expect, it } from "vitest";
import { InvalidInputError, ParseError, ProtokollError, parsePdf, parseText } from "../src/index.js";
import { twoColumnPdf } from "./pdf/make.js";

describe("parseText", () => {
  it("turns junk into a document with diagnostics, never an exception", () => {
    for (const junk of ["", "\f\f\f", "§§§ ### ::: 1. 2. 3.", "Beslut\nBeslut\nBeslut", "x".repeat(10_000), "§ 1\n§ 0\n§ 1 \u0000\u200b"]) {
      const document = parseText(junk);
      expect(document.schemaVersion).toBe(1);
      expect(Array.isArray(document.diagnostics)).toBe(true);
    }
  });

  it("keeps what it cannot place in diagnostics, with page and text", () => {
    const document = parseText("Något helt annat\nän ett protokoll.\fSida två med text.");
    expect(document.items).toEqual([]);
    expect(document.parseStatus).toBe("failed");
    expect(document.diagnostics.map((d) => d.code)).toContain("NO_ITEMS");
    expect(document.source.pages).toBe(2);
  });

  it("reads a minimal protokoll fully", () => {
    const document = parseText(
      "PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2025-03-07\nPlats och tid Kommunhuset kl. 13.00-15.00\nBeslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\nUtses att justera Per Holm\n\n§ 1 Val av justerare\nBeslut\nPer Holm utses att justera protokollet.\nParagrafen är justerad",
    );
    expect(document).toMatchObject({
      kind: "protokoll",
      body: "Kommunstyrelsen",
      meeting: { date: "2025-03-07", startTime: "13:00", endTime: "15:00", place: "Kommunhuset" },
      adjusters: ["Per Holm"],
      parseStatus: "complete",
    });
    expect(document.participants.map((p) => [p.name, p.roles])).toEqual([
      ["Anna Berg", ["chair"]],
      ["Per Holm", ["adjuster"]],
    ]);
    expect(document.items[0]).toMatchObject({ paragraph: 1, title: "Val av justerare", decision: "Per Holm utses att justera protokollet.", adjusted: "separately" });
  });

  it("throws ParseError in strict mode when the document has an error diagnostic", () => {
    expect(() => parseText("inget här", { strict: true })).toThrow(ParseError);
    try {
      parseText("inget här", { strict: true });
    } catch (error) {
      expect((error as ParseError).code).toBe("PARSE_FAILED");
      expect((error as ParseError).diagnostics[0]?.code).toBe("NO_ITEMS");
    }
  });

  it("rejects what is not text with a typed error", () => {
    expect(() => parseText(42 as unknown as string)).toThrow(InvalidInputError);
  });
});

describe("parsePdf", () => {
  it("reads attendance and text set in two columns column by column", async () => {
    const document = await parsePdf(await twoColumnPdf());
    expect(document.participants.map((p) => [p.name, p.group, p.replaces])).toEqual([
      ["Anna Berg", "member", null],
      ["Bo Ek", "member", null],
      ["Cecilia Holm", "member", null],
      ["David Lind", "member", null],
      ["Eva Ström", "member", null],
      ["Fredrik Ås", "member", null],
      ["Gun Nilsson", "servingSubstitute", "Hans Ek"],
      ["Ingrid Sjö", "servingSubstitute", "Jan Berg"],
      ["Karl Holm", "servingSubstitute", "Lena Ek"],
    ]);
    expect(document.items[0]!.description).toMatch(/^Kommunstyrelsen har tagit fram ett förslag till budget för 2026 som bygger .* oförändrade ramar\. Ekonomiavdelningen bedömer att .* låneutrymmet\.$/);
    expect(document.parseStatus).toBe("complete");
  });

  it("rejects what is not bytes, and bytes that are not a PDF, with stable codes", async () => {
    await expect(parsePdf("%PDF-1.7" as unknown as Uint8Array)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(parsePdf(new TextEncoder().encode("hello, not a pdf"))).rejects.toMatchObject({ code: "NOT_A_PDF" });
    await expect(parsePdf(new Uint8Array(0))).rejects.toBeInstanceOf(ProtokollError);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array, and does not detach the caller's buffer", async () => {
    const { readFileSync } = await import("node:fs");
    const bytes = new Uint8Array(readFileSync(new URL("../fixtures/fullmaktige-utdrag.pdf", import.meta.url)));
    const fromView = await parsePdf(bytes);
    const fromBuffer = await parsePdf(bytes.buffer.slice(0));
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(fromBuffer.items).toEqual(fromView.items);
    expect(fromView.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("kind and not a meeting document", () => {
  const codes = (text: string) => parseText(text).diagnostics.map((d) => d.code);

  it("fails a manual with numbered chapters as NOT_A_MEETING_DOCUMENT, never a complete kallelse", () => {
    const manual = "Användarhandbok\nVersion 3.2\n\n1. Introduktion\nProgrammet hjälper dig att hantera ärenden.\n\n2. Installation\nKör installationsprogrammet och följ anvisningarna.";
    const document = parseText(manual);
    expect(document.parseStatus).toBe("failed");
    expect(codes(manual)).toContain("NOT_A_MEETING_DOCUMENT");
  });

  it("fails a plain note without items as NOT_A_MEETING_DOCUMENT", () => {
    expect(codes("Kom ihåg att beställa kaffe till fredag.\nHälsningar Eva")).toEqual(expect.arrayContaining(["NO_ITEMS", "NOT_A_MEETING_DOCUMENT"]));
  });

  it("infers a protokoll from § items and attendance, and says so", () => {
    const document = parseText("Kommunstyrelsen\nSammanträdesdatum 2025-03-07\nBeslutande ledamöter Anna Berg (S)\nPer Holm (M)\n\n§ 1 Val\nBeslut\nBifall.\n\n§ 2 Budget\nBeslut\nBifall.");
    expect(document.kind).toBe("protokoll");
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ severity: "info", code: "KIND_INFERRED" }));
  });

  it("infers a protokollsutdrag from one § and a kallelse from an agenda with an invitation", () => {
    expect(parseText("Kommunstyrelsen\nSammanträdesdatum 2025-03-07\n\n§ 14 Budget\nBeslut\nBifall.").kind).toBe("protokollsutdrag");
    const kallelse = parseText("Kommunstyrelsen\nLedamöterna kallas till sammanträde 2025-03-07 kl. 13.00.\n\n1. Val av justerare\n\n2. Budget 2026");
    expect(kallelse.kind).toBe("kallelse");
    expect(kallelse.diagnostics.map((d) => d.code)).toContain("KIND_INFERRED");
  });
});
