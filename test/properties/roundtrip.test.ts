/**
 * Round trip: a generated record, rendered as extracted text or as a PDF in any
 * template, must parse back to itself under the SCHEMA.md normalisation.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parsePdf, parseText } from "../../src/index.js";
import { documentArb } from "../support/arbitraries.js";
import { normaliseForComparison } from "../support/normalise.js";
import { TEMPLATE_NAMES, renderPdf, renderText } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "./settings.js";

const templateArb = fc.constantFrom(...TEMPLATE_NAMES);

describe("round trip", () => {
  test(
    "parseText(renderText(doc)) equals doc",
    () => {
      fc.assert(
        fc.property(documentArb(), templateArb, (doc, template) => {
          const { text, expected } = renderText(doc, template);
          const parsed = parseText(text);
          expect(normaliseForComparison(parsed)).toEqual(normaliseForComparison(expected));
        }),
        propertyParameters(),
      );
    },
    timeoutFor(100),
  );

  test(
    "parsePdf(renderPdf(doc)) equals doc",
    async () => {
      await fc.assert(
        fc.asyncProperty(documentArb({ maxItems: 3 }), templateArb, async (doc, template) => {
          const { pdf, expected } = await renderPdf(doc, template);
          const parsed = await parsePdf(pdf);
          expect(normaliseForComparison(parsed)).toEqual(normaliseForComparison(expected));
        }),
        propertyParameters(),
      );
    },
    timeoutFor(400),
  );
});
