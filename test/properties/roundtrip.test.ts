/**
 * Round trip: a generated record, rendered as extracted text or as a PDF in any
 * template, must parse back to itself under the SCHEMA.md normalisation.
 * A counterexample found here becomes a regression fixture in
 * test/regressions/; the comparison itself is never relaxed.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parsePdf, parseText } from "../../src/index.js";
import { renderCaseArb } from "../support/arbitraries.js";
import { normaliseForComparison } from "../support/normalise.js";
import { renderPdf, renderText, TEXT_TEMPLATE_NAMES } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "./settings.js";

describe("round trip", () => {
  test(
    "parseText(renderText(doc)) equals doc",
    () => {
      fc.assert(
        // Extracted text keeps no table columns: templates with tables are read back from PDFs only.
        fc.property(renderCaseArb({ templates: TEXT_TEMPLATE_NAMES }), ([doc, template]) => {
          const { text, expected } = renderText(doc, template);
          expect(normaliseForComparison(parseText(text))).toEqual(normaliseForComparison(expected));
        }),
        propertyParameters(),
      );
    },
    timeoutFor(100),
  );

  test(
    "parsePdf(renderPdf(doc)) equals doc",
    async () => {
      // Small documents keep 200 PDF runs within the CI budget.
      await fc.assert(
        fc.asyncProperty(renderCaseArb({ maxItems: 3 }), async ([doc, template]) => {
          const { pdf, expected } = await renderPdf(doc, template);
          expect(normaliseForComparison(await parsePdf(pdf))).toEqual(normaliseForComparison(expected));
        }),
        propertyParameters(),
      );
    },
    timeoutFor(400),
  );
});
