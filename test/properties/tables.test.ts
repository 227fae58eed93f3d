/**
 * The table families (issue 11) beyond the small documents of the general round
 * trip: an agenda table long enough to run onto the next page, absent people in
 * an attendance table, and a table of contents that lists what the body lacks.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parsePdf, parseText } from "../../src/index.js";
import { documentArb } from "../support/arbitraries.js";
import { normaliseForComparison } from "../support/normalise.js";
import { renderPdf, renderText } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "./settings.js";

describe("table families", () => {
  test(
    "an agenda table that runs onto further pages reads back as one table, a row per item",
    async () => {
      await fc.assert(
        fc.asyncProperty(documentArb({ kinds: ["kallelse"], maxItems: 40 }).filter((d) => d.items.length >= 30), async (doc) => {
          const { pdf, expected } = await renderPdf(doc, "dagordningstabell");
          fc.pre(expected.source.pages >= 2);
          expect(normaliseForComparison(await parsePdf(pdf))).toEqual(normaliseForComparison(expected));
        }),
        propertyParameters(10),
      );
    },
    timeoutFor(1000, 10),
  );

  test(
    "people marked absent in an attendance table are no participants, and are not dropped",
    async () => {
      await fc.assert(
        fc.asyncProperty(documentArb({ kinds: ["protokoll"], maxItems: 1 }), async (doc) => {
          const { pdf, expected } = await renderPdf(doc, "narvarolista");
          const parsed = await parsePdf(pdf);
          expect(normaliseForComparison(parsed)).toEqual(normaliseForComparison(expected));
          const absent = parsed.diagnostics.filter((d) => d.message.startsWith("Listed as absent"));
          expect(absent.length).toBeGreaterThanOrEqual(2);
          for (const d of absent) expect(parsed.participants.some((p) => d.message.endsWith(p.name))).toBe(false);
        }),
        propertyParameters(10),
      );
    },
    timeoutFor(1000, 10),
  );

  test("a table of contents makes no items and cross-checks them", () => {
    const doc = fc.sample(documentArb({ kinds: ["protokoll"], maxItems: 3 }), { numRuns: 1, seed: 11 })[0]!;
    const { text, expected } = renderText(doc, "innehall");
    const clean = parseText(text);
    expect(normaliseForComparison(clean)).toEqual(normaliseForComparison(expected));
    expect(clean.diagnostics.filter((d) => d.code.startsWith("CONTENTS_"))).toEqual([]);

    // The contents list a § the body lacks, and give the first § another title.
    const first = expected.items[0]!;
    const entry = text.split("\n").find((l) => l.includes(`§ ${first.paragraph} ${first.title}`) && /\.{3,}/.test(l))!;
    const missing = entry.replace(`§ ${first.paragraph} ${first.title}`, `§ 999 Ett ärende som inte finns`);
    const renamed = entry.replace(first.title, "Helt annan rubrik här");
    const tampered = parseText(text.replace(entry, `${renamed}\n${missing}`));
    expect(tampered.items.map((i) => i.paragraph)).toEqual(expected.items.map((i) => i.paragraph));
    expect(tampered.diagnostics.map((d) => d.code).filter((c) => c.startsWith("CONTENTS_")).sort()).toEqual(["CONTENTS_ITEM_NOT_FOUND", "CONTENTS_TITLE_DIFFERS"]);
  });
});
