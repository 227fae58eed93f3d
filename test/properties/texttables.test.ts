/**
 * Tables and side headings in text input (issue 11): the table families and
 * the side-heading family rendered as PDFs and extracted with `pdftotext
 * -layout` read back as they do from the PDF, the columns found from runs of
 * spaces by the same table finder and label/value rows.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseText } from "../../src/index.js";
import { documentArb } from "../support/arbitraries.js";
import { normaliseForComparison } from "../support/normalise.js";
import { pdftotextLayout } from "../support/pdftotext.js";
import { renderPdf, type TemplateName } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "./settings.js";

const FAMILIES: { template: TemplateName; kinds: ("kallelse" | "protokoll" | "protokollsutdrag")[] }[] = [
  { template: "dagordningstabell", kinds: ["kallelse"] },
  { template: "narvarolista", kinds: ["protokoll"] },
  { template: "omrostningslista", kinds: ["protokoll"] },
  { template: "innehall", kinds: ["protokoll"] },
  { template: "sidorubriker", kinds: ["protokoll", "protokollsutdrag"] },
];

describe("tables and side headings in text input", () => {
  for (const { template, kinds } of FAMILIES) {
    test(
      `parseText(pdftotext -layout of ${template}) equals the record`,
      async () => {
        await fc.assert(
          fc.asyncProperty(documentArb({ kinds, maxItems: template === "dagordningstabell" ? 30 : 3, references: template !== "dagordningstabell" }), async (doc) => {
            const { pdf, expected } = await renderPdf(doc, template);
            expected.source = { ...expected.source, textSource: "text", sha256: null };
            expect(normaliseForComparison(parseText(pdftotextLayout(pdf)))).toEqual(normaliseForComparison(expected));
          }),
          propertyParameters(20),
        );
      },
      timeoutFor(1500, 20),
    );
  }
});
