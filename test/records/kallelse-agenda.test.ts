/**
 * Kallelse agendas as other kommuner print them (issue #11 probe): points numbered without a
 * stop ("1  Upprop", a number column), and a time slot on a line of its own ("08.45–09.15").
 * Made-up content in the shapes such templates use.
 */
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";

const KALLELSE = `KALLELSE
Socialnämnden

Tid      Tisdag 11 mars 2025 kl. 08.30–12.00
Plats    Stadshuset, rum Kronan

Föredragningslista

 1  Upprop

 2  Månadsrapport februari
    Dnr SN 2025/0012
    08.45–09.15
    Föredragande
    Lena Björk, ekonom

 3  Lex Sarah-anmälan
    Dnr SN 2025/0031
    kl. 09.15`;

describe("kallelse agenda numbered without a stop", () => {
  it("reads '1  Upprop', '2  …' as agenda points after a kallelse heading, and the place stays the place", () => {
    const document = parseText(KALLELSE);
    expect(document.items.map((item) => [item.number, item.title])).toEqual([
      [1, "Upprop"],
      [2, "Månadsrapport februari"],
      [3, "Lex Sarah-anmälan"],
    ]);
    expect(document.meeting.place).toBe("Stadshuset, rum Kronan");
  });

  it("takes a slot's start as the item's time", () => {
    const [, second, third] = parseText(KALLELSE).items;
    expect(second).toMatchObject({ time: "08:45", description: null, caseNumbers: ["SN 2025/0012"], presenters: ["Lena Björk"] });
    expect(third!.time).toBe("09:15");
  });

  it("does not read a number opening a line as a point where no kallelse heading named the document", () => {
    const document = parseText("Protokoll\nSocialnämnden\n\n§ 1 Upprop\nBeslut\nNämnden godkänner.\n2 Ledamöter deltar på distans.");
    expect(document.items).toHaveLength(1);
  });
});
