/**
 * Regression fixtures: minimal documents on which a round-trip property found
 * a parser bug, one per file in test/regressions/. Each is replayed in the
 * output it failed in. A fixture whose bug is still open ("status": "open") is
 * expected to fail, so the suite stays green while the bug is tracked and turns
 * red the moment the parser is fixed: then set "status": "fixed".
 * A fixture with `documents` instead of `document` is a file holding several
 * meetings: each meeting read back on its own must be the record rendered.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parsePdf, parsePdfMeetings, parseText, parseTextMeetings, type Document } from "../../src/index.js";
import { normaliseForComparison } from "../support/normalise.js";
import {
  expectedMeetings,
  renderMeetingsPdf,
  renderMeetingsText,
  renderPdf,
  renderText,
  type LayoutOptions,
  type TemplateName,
} from "../support/render/index.js";

interface Regression {
  /** What the parser got wrong, in one sentence. */
  bug: string;
  status: "open" | "fixed";
  output: "text" | "pdf";
  template: TemplateName;
  /** Text output only: the layout it was found with (furniture reduced to page numbers, say). */
  layout?: LayoutOptions;
  document?: Document;
  /** A file holding several meetings, one after the other. */
  documents?: Document[];
}

const DIR = join(import.meta.dirname, "..", "regressions");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));

async function roundTrip(regression: Regression): Promise<void> {
  if (regression.documents) return meetingsRoundTrip(regression.documents, regression);
  const document = regression.document!;
  if (regression.output === "text") {
    const { text, expected } = renderText(document, regression.template, regression.layout);
    expect(normaliseForComparison(parseText(text))).toEqual(normaliseForComparison(expected));
  } else {
    const { pdf, expected } = await renderPdf(document, regression.template);
    expect(normaliseForComparison(await parsePdf(pdf))).toEqual(normaliseForComparison(expected));
  }
}

async function meetingsRoundTrip(documents: Document[], regression: Regression): Promise<void> {
  const parsed =
    regression.output === "text"
      ? parseTextMeetings(renderMeetingsText(documents, regression.template))
      : await parsePdfMeetings(await renderMeetingsPdf(documents, regression.template));
  const expected = expectedMeetings(documents, regression.template, regression.output);
  expect(parsed.map(normaliseForComparison)).toEqual(expected.map(normaliseForComparison));
}

describe("regression fixtures", () => {
  for (const file of files) {
    const regression = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Regression;
    const run = regression.status === "open" ? test.fails : test;
    run(`${file} (${regression.status}): ${regression.bug}`, () => roundTrip(regression));
  }
});
