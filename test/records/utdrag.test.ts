/**
 * A protokollsutdrag of a styrelse that prepares a matter for fullmäktige (issue #11 probe):
 * its decision opens "Regionstyrelsen föreslår regionfullmäktige besluta", and the extract is
 * certified "Rätt utdraget betygar". Made-up content in the shapes such templates use.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";

const UTDRAG = `Utdrag ur protokoll
Regionstyrelsen
Sammanträdesdatum 2025-04-22

§ 87 Årsredovisning 2024

Förslag till beslut
Regionfullmäktige föreslås besluta
1. Årsredovisningen godkänns.

Beslut
Regionstyrelsen föreslår regionfullmäktige besluta
1. Årsredovisningen godkänns.

Beslutet skickas till
Regionfullmäktige
Ekonomistaben

Rätt utdraget betygar
Karin Holm, registrator`;

describe("protokollsutdrag of a styrelse's proposal to fullmäktige", () => {
  it("keeps '<Organ> föreslår <organ> besluta' right under 'Beslut' as the decision's wording, not a new proposal", () => {
    const [item] = parseText(UTDRAG).items;
    expect(item!.decision).toBe("Regionstyrelsen föreslår regionfullmäktige besluta\n1. Årsredovisningen godkänns.");
    expect(item!.proposal).toBe("Regionfullmäktige föreslås besluta\n1. Årsredovisningen godkänns.");
  });

  it("reads 'Rätt utdraget betygar' as the certification, not as recipients", () => {
    const document = parseText(UTDRAG);
    expect(document.kind).toBe("protokollsutdrag");
    expect(document.items[0]!.distribution).toEqual(["Regionfullmäktige", "Ekonomistaben"]);
    expect(document.diagnostics.some((d) => d.text === "Karin Holm, registrator")).toBe(true);
  });
});
