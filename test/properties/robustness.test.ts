/**
 * Robustness: whatever the input, the parser returns a valid record or throws
 * a typed ProtokollError, within its budget; and what it reads, it keeps.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { DocumentSchema, ProtokollError, parsePdf, parseText, type DocumentRecord as Document } from "../../src/index.js";
import { documentArb, renderCaseArb } from "../support/arbitraries.js";
import { droppedTextWords, droppedWords } from "../support/normalise.js";
import { TEMPLATE_NAMES, TEXT_TEMPLATE_NAMES, renderPdf, renderText } from "../support/render/index.js";
import { templateWords } from "../support/render/document.js";
import { propertyParameters, timeoutFor } from "./settings.js";
import { STRUCTURE_LINES } from "../../scripts/fuzz/structure-lines.mjs";

/** A parse of a few pages may take this long on a slow CI machine; the parser is told the same budget. */
const BUDGET_MS = 10_000;

/** Valid record or typed error; anything else (a TypeError, a zod error, a hang) fails the property. */
async function validOrTyped(parse: () => Document | Promise<Document>): Promise<void> {
  const started = performance.now();
  try {
    DocumentSchema.parse(await parse());
  } catch (error) {
    if (!(error instanceof ProtokollError)) throw error;
  }
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
}

// ---------------------------------------------------------------------------
// Arbitrary text
// ---------------------------------------------------------------------------

const junkLineArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

const structuredTextArb = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...STRUCTURE_LINES) },
      { weight: 2, arbitrary: junkLineArb },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...STRUCTURE_LINES), junkLineArb).map(([a, b]) => `${a} ${b}`) },
    ),
    { maxLength: 80 },
  )
  .map((lines) => lines.join("\n"));

describe("robustness: text input", () => {
  test("arbitrary strings give a valid record or a ProtokollError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (text) =>
        validOrTyped(() => parseText(text)),
      ),
      propertyParameters(),
    );
  });

  test("lines of headings, labels and junk give a valid record or a ProtokollError", async () => {
    await fc.assert(
      fc.asyncProperty(structuredTextArb, (text) => validOrTyped(() => parseText(text))),
      propertyParameters(),
    );
  });

  test(
    "rendered documents with lines shuffled, dropped or doubled give a valid record",
    async () => {
      const arb = fc
        .tuple(documentArb({ maxItems: 3 }), fc.constantFrom(...TEMPLATE_NAMES), fc.array(fc.nat(), { maxLength: 20 }))
        .map(([doc, template, edits]) => {
          const lines = renderText(doc, template).text.split("\n");
          for (const edit of edits) {
            const i = edit % lines.length;
            // Swap with the next line, drop, or double: the kinds of damage a bad extraction does.
            if (edit % 3 === 0) [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length]!, lines[i]!];
            else if (edit % 3 === 1) lines.splice(i, 1);
            else lines.splice(i, 0, lines[i]!);
          }
          return lines.join("\n");
        });
      await fc.assert(
        fc.asyncProperty(arb, (text) => validOrTyped(() => parseText(text))),
        propertyParameters(),
      );
    },
    timeoutFor(100),
  );
});

// ---------------------------------------------------------------------------
// Damaged PDFs
// ---------------------------------------------------------------------------

/** A few rendered PDFs to damage: one per template, small. */
let pdfs: Uint8Array[] = [];

beforeAll(async () => {
  const docs = fc.sample(documentArb({ maxItems: 2 }), { numRuns: TEMPLATE_NAMES.length, seed: 42 });
  pdfs = await Promise.all(docs.map(async (doc, i) => (await renderPdf(doc, TEMPLATE_NAMES[i]!)).pdf));
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

/** Byte ranges between "stream" and "endstream": content and font data. */
function streamRanges(pdf: Uint8Array): [number, number][] {
  const text = latin1(pdf);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}

type Mutation =
  | { kind: "flip"; positions: number[]; values: number[] }
  | { kind: "truncate"; at: number }
  | { kind: "stream"; stream: number; offset: number; length: number; value: number }
  | { kind: "dropXref" };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    positions: fc.array(fc.nat(), { minLength: 1, maxLength: 16 }),
    values: fc.array(fc.nat(255), { minLength: 16, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("stream" as const),
    stream: fc.nat(),
    offset: fc.nat(),
    length: fc.integer({ min: 1, max: 400 }),
    value: fc.nat(255),
  }),
  fc.constant({ kind: "dropXref" as const }),
);

function mutate(original: Uint8Array, mutation: Mutation): Uint8Array {
  const bytes = original.slice();
  switch (mutation.kind) {
    case "flip":
      mutation.positions.forEach((p, i) => {
        const at = p % bytes.length;
        bytes[at] = bytes[at]! ^ (mutation.values[i]! || 1);
      });
      return bytes;
    case "truncate":
      return bytes.slice(0, mutation.at % bytes.length);
    case "stream": {
      const ranges = streamRanges(bytes);
      if (ranges.length === 0) return bytes;
      const [start, end] = ranges[mutation.stream % ranges.length]!;
      const from = start + (mutation.offset % Math.max(1, end - start));
      bytes.fill(mutation.value, from, Math.min(end, from + mutation.length));
      return bytes;
    }
    case "dropXref": {
      const at = latin1(bytes).lastIndexOf("xref");
      return at < 0 ? bytes : bytes.slice(0, at);
    }
  }
}

describe("robustness: damaged PDFs", () => {
  test(
    "byte flips, truncation and stream corruption give a valid record or a ProtokollError",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(), mutationArb, (which, mutation) => {
          const damaged = mutate(pdfs[which % pdfs.length]!, mutation);
          // OCR off: a damaged stream that leaves a page without text would otherwise be read by OCR,
          // seconds a run; test/ocr covers OCR.
          return validOrTyped(() => parsePdf(damaged, { timeoutMs: BUDGET_MS / 2, ocr: "off" }));
        }),
        propertyParameters(),
      );
    },
    timeoutFor(200),
  );
});

// ---------------------------------------------------------------------------
// Nothing silently dropped
// ---------------------------------------------------------------------------

describe("robustness: nothing silently dropped", () => {
  test(
    "every content word of a rendered text is in a field, in furniture or in a diagnostic",
    () => {
      fc.assert(
        fc.property(renderCaseArb({ templates: TEXT_TEMPLATE_NAMES }), ([doc, template]) => {
          const { text, expected } = renderText(doc, template);
          expect(droppedWords(expected, parseText(text))).toEqual([]);
        }),
        propertyParameters(),
      );
    },
    timeoutFor(100),
  );

  test(
    "every word of a rendered text, front page and every template included, is in a field, in furniture, in a diagnostic or a template word",
    () => {
      const ignored = templateWords();
      fc.assert(
        // Text keeps no table columns: the table families are read from PDFs only (README, limitations).
        fc.property(renderCaseArb({}, TEXT_TEMPLATE_NAMES), ([doc, template]) => {
          const { text } = renderText(doc, template);
          expect(droppedTextWords(text, parseText(text), ignored)).toEqual([]);
        }),
        propertyParameters(),
      );
    },
    timeoutFor(100),
  );

  test(
    "every content word of a rendered PDF is in a field, in furniture or in a diagnostic",
    async () => {
      await fc.assert(
        fc.asyncProperty(renderCaseArb({ maxItems: 2 }), async ([doc, template]) => {
          // The record as rendered: an agenda table prints no item text, so none can be dropped.
          const { pdf, expected } = await renderPdf(doc, template);
          expect(droppedWords(expected, await parsePdf(pdf))).toEqual([]);
        }),
        propertyParameters(),
      );
    },
    timeoutFor(400),
  );
});
