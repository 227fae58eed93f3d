/**
 * The generators themselves: every generated record is valid and consistent,
 * and rendering it never prints body text that reads as a heading.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DocumentSchema } from "../../src/schema/index.js";
import { documentArb } from "../support/arbitraries.js";
import { TEMPLATE_NAMES, renderText } from "../support/render/index.js";
import { propertyParameters } from "./settings.js";

describe("document arbitrary", () => {
  test("generates valid, internally consistent records", () => {
    fc.assert(
      fc.property(documentArb(), (doc) => {
        DocumentSchema.parse(doc);
        const names = new Set(doc.participants.map((p) => p.name));
        expect(names.size).toBe(doc.participants.length);
        for (const item of doc.items) {
          for (const by of [...item.motions, ...item.reservations].flatMap((m) => m.by)) expect(names).toContain(by);
          for (const name of item.conflicts) expect(names).toContain(name);
          if (item.vote && item.vote.ballots.length > 0) {
            const count = (v: string) => item.vote!.ballots.filter((b) => b.vote === v).length;
            expect([item.vote.yes, item.vote.no, item.vote.abstain]).toEqual([count("yes"), count("no"), count("abstain")]);
            for (const ballot of item.vote.ballots) expect(names).toContain(ballot.name);
          }
        }
        for (const adjuster of doc.adjusters) expect(names).toContain(adjuster);
        const paragraphs = doc.items.flatMap((i) => (i.paragraph === null ? [] : [i.paragraph]));
        expect(doc.paragraphsCovered).toEqual(doc.kind === "protokoll" ? paragraphs : []);
      }),
      propertyParameters(),
    );
  });

  test("rendered records stay valid, with pages where their entries were printed", () => {
    fc.assert(
      fc.property(documentArb(), fc.constantFrom(...TEMPLATE_NAMES), (doc, template) => {
        const { text, expected } = renderText(doc, template);
        DocumentSchema.parse(expected);
        const pages = text.split("\f").length - 1;
        expect(expected.source.pages).toBe(pages);
        for (const item of expected.items) expect(item.pages.to).toBeLessThanOrEqual(pages);
      }),
      propertyParameters(),
    );
  });
});
