import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { linkDocuments, normaliseCaseNumber, parseText, titleSimilarity } from "../../src/index.js";
import { emptyItem } from "../../src/records/items.js";
import type { DocumentRecord as Document, Item } from "../../src/schema/index.js";
import { documentArb } from "../support/arbitraries.js";
import { renderText, TEXT_TEMPLATE_NAMES as TEMPLATE_NAMES } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "../properties/settings.js";

function doc(kind: Document["kind"], body: string | null, date: string | null, items: Item[], sha = "0"): Document {
  return {
    schemaVersion: 1, kind, organisation: null, body, meeting: { date, startTime: null, endTime: null, place: null },
    participants: [], adjusters: [], paragraphsCovered: [], items,
    source: { pages: 1, textSource: "text", sha256: sha.repeat(64).slice(0, 64) }, furniture: [], diagnostics: [],
  };
}
const item = (title: string, extra: Partial<Item> = {}): Item => ({ ...emptyItem(title), ...extra });

describe("linkDocuments", () => {
  it("pairs each kallelse item with the § of the same body and date, by case number, title and order", () => {
    const kallelse = doc("kallelse", "Tekniska nämnden", "2025-10-09", [
      item("Val av justerare", { number: 1 }),
      item("Taxa för offentlig plats", { number: 2, caseNumbers: ["TN 2025/0012"] }),
      item("Information", { number: 3 }),
      item("Övriga frågor", { number: 4 }),
    ], "a");
    const protokoll = doc("protokoll", "Tekniska nämnden", "2025-10-09", [
      item("Val av justerare", { paragraph: 45 }),
      item("Ny taxa för upplåtelse av offentlig plats", { paragraph: 46, caseNumbers: ["TN 2025/12"], outcome: "approved" }),
      item("Information", { paragraph: 47 }),
    ], "b");
    const other = doc("protokoll", "Tekniska nämnden", "2025-11-13", [item("Val av justerare", { paragraph: 50 })], "c");
    const { links } = linkDocuments([kallelse, protokoll, other]);
    expect(links.map((l) => [l.kallelse.item, l.protokoll.paragraph, l.protokoll.document])).toEqual([
      [1, 45, 1],
      [2, 46, 1],
      [3, 47, 1],
    ]);
    expect(links[1]!.evidence).toContain("caseNumber");
    expect(links.every((l) => l.score >= 0.45 && l.score <= 1)).toBe(true);
  });

  it("leaves an item unpaired rather than pairing it with a § that only shares its position", () => {
    const kallelse = doc("kallelse", "Kommunstyrelsen", "2025-03-01", [item("Budget 2026", { number: 1 }), item("Detaljplan för Norra hamnen", { number: 2 })]);
    const protokoll = doc("protokoll", "Kommunstyrelsen", "2025-03-01", [item("Budget 2026", { paragraph: 1 }), item("Avgifter inom äldreomsorgen", { paragraph: 2 })]);
    expect(linkDocuments([kallelse, protokoll]).links.map((l) => l.kallelse.item)).toEqual([1]);
  });

  it("groups the items of every document by diarienummer into cases, in date order", () => {
    const nämnd = doc("protokoll", "Barn- och utbildningsnämnden", "2025-02-13", [item("Skolorganisation", { paragraph: 21, caseNumbers: ["KS 2024/00188"], outcome: "approved" })], "a");
    const ks = doc("protokoll", "Kommunstyrelsen", "2025-03-20", [item("Skolorganisation", { paragraph: 60, caseNumbers: ["KS 2024/188"], outcome: "approved" })], "b");
    const kf = doc("protokollsutdrag", "Kommunfullmäktige", "2025-04-28", [item("Skolorganisation", { paragraph: 52, caseNumbers: ["KS-2024-188"], outcome: "rejected" })], "c");
    const { cases } = linkDocuments([kf, ks, nämnd]);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.entries.map((e) => [e.body, e.date, e.paragraph, e.outcome])).toEqual([
      ["Barn- och utbildningsnämnden", "2025-02-13", 21, "approved"],
      ["Kommunstyrelsen", "2025-03-20", 60, "approved"],
      ["Kommunfullmäktige", "2025-04-28", 52, "rejected"],
    ]);
  });

  it("normalises case numbers and compares titles word by word", () => {
    expect(normaliseCaseNumber("KS 2025/00123")).toBe(normaliseCaseNumber("ks-2025-123"));
    expect(normaliseCaseNumber("KS 2025/123")).not.toBe(normaliseCaseNumber("KS 2025/124"));
    expect(titleSimilarity("Budget 2026", "Budget 2026")).toBe(1);
    expect(titleSimilarity("Budget 2026", "Detaljplan för hamnen")).toBe(0);
  });
});

/** The kallelse of the meeting a protokoll records: same body, date and items, numbered 1..n. */
function kallelseOf(protokoll: Document, drop: boolean[]): Document {
  const items = protokoll.items.filter((_, i) => !drop[i]).map((it, i) => ({ ...emptyItem(it.title), number: i + 1, caseNumbers: it.caseNumbers }));
  return { ...protokoll, kind: "kallelse", items, adjusters: [], paragraphsCovered: [], participants: protokoll.participants.filter((p) => p.group !== "servingSubstitute").map((p) => ({ ...p, paragraphs: null, roles: p.roles.filter((r) => r !== "adjuster") })) };
}

describe("links round-trip", () => {
  test(
    "a kallelse and the protokoll of its meeting, rendered and parsed, link item for item",
    () => {
      fc.assert(
        fc.property(
          documentArb({ kinds: ["protokoll"], maxItems: 5 }),
          fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
          fc.constantFrom(...TEMPLATE_NAMES),
          (protokoll, drop, template) => {
            // Distinct titles: two items called the same are told apart by nothing a reader could use either.
            fc.pre(new Set(protokoll.items.map((i) => i.title)).size === protokoll.items.length);
            const kallelse = kallelseOf(protokoll, drop);
            fc.pre(kallelse.items.length > 0);
            const parsedP = parseText(renderText(protokoll, template).text);
            const parsedK = parseText(renderText(kallelse, template).text);
            const { links } = linkDocuments([parsedK, parsedP]);
            const expected = protokoll.items.filter((_, i) => !drop[i]).map((it, i) => [i + 1, it.paragraph]);
            expect(links.map((l) => [l.kallelse.item, l.protokoll.paragraph])).toEqual(expected);
          },
        ),
        propertyParameters(30),
      );
    },
    timeoutFor(60, 30),
  );
});
