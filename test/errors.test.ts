/**
 * Errors are recognised by their brand, so a second copy of the library (the other module
 * format's build, another installed version) does not break isProtokollError or
 * `instanceof ProtokollError`; the codes are listed at run time. The types of the record
 * are checked here too (tsc runs over test/): parseStatus is always set, and a diagnostic's
 * code takes the codes of this version.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  DIAGNOSTIC_CODES,
  ERROR_CODES,
  FileReadError,
  InvalidInputError,
  PdfError,
  ProtokollError,
  isDiagnosticCode,
  isProtokollError,
  parseText,
  setPdfWorker,
  type Diagnostic,
  type DiagnosticCode,
  type Document,
  type ParseStatus,
  type ProtokollErrorCode,
} from "../src/index.js";

/** An error as another copy of the library makes it: another class, the same global brand. */
function fromAnotherCopy(code: ProtokollErrorCode): Error {
  const error = new Error("made by another copy");
  Object.defineProperty(error, Symbol.for("protokoll.error"), { value: true });
  return Object.assign(error, { code, page: null });
}

describe("error brand", () => {
  it("recognises this copy's errors, by function and by instanceof", () => {
    const error = new PdfError("NOT_A_PDF", "no header");
    expect(isProtokollError(error)).toBe(true);
    expect(error instanceof ProtokollError).toBe(true);
    expect(error instanceof PdfError).toBe(true);
    expect(error instanceof InvalidInputError).toBe(false);
  });

  it("recognises another copy's errors as ProtokollError, but not as one of this copy's subclasses", () => {
    const foreign = fromAnotherCopy("FILE_READ_FAILED");
    expect(isProtokollError(foreign)).toBe(true);
    expect(foreign instanceof ProtokollError).toBe(true);
    expect(foreign instanceof FileReadError).toBe(false);
  });

  it("does not take other errors or look-alikes for its own", () => {
    for (const value of [new Error("x"), { code: "NOT_A_PDF", message: "x" }, null, undefined, "NOT_A_PDF", 42]) {
      expect(isProtokollError(value)).toBe(false);
      expect(value instanceof ProtokollError).toBe(false);
    }
  });

  it("keeps the brand out of the JSON form", () => {
    expect(JSON.parse(JSON.stringify(new PdfError("CORRUPT_PDF", "damaged")))).toEqual({
      name: "PdfError",
      code: "CORRUPT_PDF",
      message: "damaged",
      page: null,
    });
  });
});

describe("codes at run time", () => {
  it("ERROR_CODES describes every error code", () => {
    expectTypeOf<keyof typeof ERROR_CODES>().toEqualTypeOf<ProtokollErrorCode>();
    for (const description of Object.values(ERROR_CODES)) expect(description.length).toBeGreaterThan(10);
    expect(new InvalidInputError("x").code in ERROR_CODES).toBe(true);
  });

  it("isDiagnosticCode tells this version's codes from others", () => {
    expect(isDiagnosticCode("UNRECOGNISED_BLOCK")).toBe(true);
    expect(isDiagnosticCode("A_CODE_FROM_A_NEWER_VERSION")).toBe(false);
    expect(isDiagnosticCode("toString")).toBe(false);
  });
});

describe("setPdfWorker", () => {
  it("refuses what is neither a Worker, a URL nor null, with INVALID_INPUT", () => {
    for (const value of [42, {}, true]) {
      expect(() => setPdfWorker(value as never)).toThrowError(expect.objectContaining({ code: "INVALID_INPUT" }));
    }
    // In Node the setting has no effect on parsing (pdf.js runs in this process): both calls are accepted.
    setPdfWorker("https://example.org/pdf.worker.min.mjs");
    setPdfWorker(null);
  });
});

describe("record types", () => {
  it("parseStatus is always set on a parsed document", () => {
    expectTypeOf<Document["parseStatus"]>().toEqualTypeOf<ParseStatus>();
    const doc = parseText("PROTOKOLL\n\n§ 1 Val av justerare\nBeslut\nAnna Berg utses.");
    const status: ParseStatus = doc.parseStatus;
    expect(["complete", "partial", "failed"]).toContain(status);
  });

  it("a diagnostic's code takes this version's codes and, from newer records, any string", () => {
    const known: DiagnosticCode = "NO_ITEMS";
    expectTypeOf(known).toExtend<Diagnostic["code"]>();
    expectTypeOf<string>().toExtend<Diagnostic["code"]>();
    const counts: Partial<Record<DiagnosticCode, number>> = {};
    const diagnostic: Diagnostic = { severity: "error", code: known, message: "m", page: null, text: null };
    if (isDiagnosticCode(diagnostic.code)) counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1;
    expect(counts).toEqual({ NO_ITEMS: 1 });
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(known);
  });
});
