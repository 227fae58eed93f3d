import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseFile } from "../../src/node.js";
import { decodeText } from "../../src/text/decode.js";
import { sha256Hex } from "../../src/sha256.js";
import { propertyParameters } from "../properties/settings.js";

const SWEDISH = "Sociala vård och omsorgsgruppen, Äldrenämnden § 12: Beslut om Öppna jämförelser – é";
const latin = (s: string) => Buffer.from(s.replace(/–/g, "-"), "latin1");

describe("decodeText", () => {
  it("reads UTF-8 as UTF-8 without a diagnostic, with or without a BOM", () => {
    expect(decodeText(Buffer.from(SWEDISH))).toMatchObject({ text: SWEDISH, encoding: "utf-8", diagnostics: [] });
    const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SWEDISH)]));
    expect(bom).toMatchObject({ text: SWEDISH, encoding: "utf-8", by: "bom", diagnostics: [] });
  });

  it("reads UTF-16 by its BOM, and without one by its zero bytes", () => {
    const le = Buffer.from(SWEDISH, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toMatchObject({ text: SWEDISH, encoding: "utf-16le", by: "bom" });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: SWEDISH, encoding: "utf-16be", by: "bom" });
    expect(decodeText(le)).toMatchObject({ text: SWEDISH, encoding: "utf-16le", by: "detected" });
    expect(decodeText(be)).toMatchObject({ text: SWEDISH, encoding: "utf-16be", by: "detected" });
    expect(decodeText(le).diagnostics).toEqual([expect.objectContaining({ code: "TEXT_ENCODING", severity: "info" })]);
  });

  it("reads what is not UTF-8 as Windows-1252, with a warning", () => {
    const decoded = decodeText(Buffer.concat([latin(SWEDISH), Buffer.from([0x80])]));
    expect(decoded.text).toBe(SWEDISH.replace(/–/g, "-") + "€");
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: "TEXT_ENCODING", severity: "warning", page: null })]);
  });

  it("decodes as told by the encoding option, dropping only that encoding's BOM", () => {
    expect(decodeText(latin("vård"), "windows-1252")).toMatchObject({ text: "vård", by: "option" });
    expect(decodeText(Buffer.from("vård"), "windows-1252").text).toBe("vÃ¥rd");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("vård", "utf16le")]), "utf-16le").text).toBe("vård");
  });

  it("gives back any Swedish text in any of the encodings it detects", () => {
    const text = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ÅÄÖåäöé§0123456789.,:\n\f-") });
    fc.assert(
      fc.property(text, (s) => {
        expect(decodeText(Buffer.from(s)).text).toBe(s);
        expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")])).text).toBe(s);
        // Windows-1252 bytes can form valid UTF-8 ("Ö§" is D6 A7), which would then read as a non-Latin script.
        expect(decodeText(latin(s)).text).toBe(s);
      }),
      propertyParameters(),
    );
  });
});

describe("parseFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-parsefile-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = `PROTOKOLL\nSociala vård och omsorgsgruppen\nSammanträdesdatum 2025-03-07\n\n§ 1\nÅrsredovisning\nBeslut\nNämnden godkänner.\n`;

  it("records the file as given and the sha256 of its bytes, for text too", async () => {
    const path = join(dir, "a.txt");
    writeFileSync(path, latin(text));
    const doc = await parseFile(path);
    expect(doc.body).toBe("Sociala vård och omsorgsgruppen");
    expect(doc.source).toEqual({ pages: 1, textSource: "text", sha256: await sha256Hex(latin(text)), file: path });
    expect(doc.diagnostics[0]).toMatchObject({ code: "TEXT_ENCODING" });
    const utf8 = join(dir, "b.txt");
    writeFileSync(utf8, text);
    expect((await parseFile(utf8)).diagnostics.filter((d) => d.code === "TEXT_ENCODING")).toEqual([]);
  });

  it("refuses a file of 0 bytes with EMPTY_DOCUMENT, PDF or text", async () => {
    for (const name of ["empty.pdf", "empty.txt"]) {
      writeFileSync(join(dir, name), "");
      await expect(parseFile(join(dir, name))).rejects.toMatchObject({ code: "EMPTY_DOCUMENT" });
    }
  });
});
