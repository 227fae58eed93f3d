/**
 * Finland-Swedish protokoll (issue #11 item 6): the head block, checkbox
 * attendance, names printed in two orders, and a § that quotes its earlier
 * handlings block by block. Each text is written from the real template's
 * shapes with made-up content.
 */
import { describe, expect, it } from "vitest";
import { tokenizeLines } from "../../grammars/classify.js";
import { parseText } from "../../src/index.js";
import { lines } from "../support/lines.js";

const kinds = (text: string): string[] => tokenizeLines(lines(text)).map((t) => t.tokenType.name);

const HEAD = `Protokoll

Organ Tekniska nämnden
Sammanträdestid 7.3.2024 kl. 18.00 – 19.37
Sammanträdesplats Stadshuset, sammanträdesrum 2
Ärenden 5 – 7 §

Beslutande
ordinarie
[X] Berg Anna, ordförande, distans
[ ] Holm Per
[X] Lund Eva-Lena, viceordförande
[X] Ek Björn
ersättare
[X] Nord Tiina

Ersättare
Sjöberg Malin

Övriga närvarande
Strand Lisa, SST:s repr.
Wik Jonas, ungdomsledare, prot.förare

Elektroniska underskrifter

Anna Berg
ordförande

Jonas Wik
protokollförare

Elektronisk protokolljustering

Eva-Lena Lund
Björn Ek

Intygar: Karin Öberg, avdelningssekreterare
`;

const BODY = `
NKBY/130/12.03.00/2024
5 § Gatubelysning i centrum

Tidigare behandling:
Tekniska nämnden 12.1.2024, 3 §
Stadsstyrelsen 5.2.2024, 31 §

Tekniska nämnden 12.1.2024, 3 §
Beredning: Teknisk chef Olle Ström
Belysningen behöver bytas.

Förslag:
Nämnden utreder saken.

Tekniska nämndens beslut:
Utredningen görs.

Stadsstyrelsen 5.2.2024, 31 §
Stadsdirektör Eva Sunds förslag:
Stadsstyrelsen anvisar medel.

Stadsstyrelsens beslut:
Medel anvisas.

Tekniska nämnden 7.3.2024, 5 §
Beredning: Teknisk chef Olle Ström
Utredningen är klar.

Ordförande Anna Bergs förslag:
Nämnden godkänner planen.

Tekniska nämndens beslut:
Planen godkänns.
______

6 § Övriga ärenden
Inga övriga ärenden.

Tekniska nämndens beslut:
Antecknades.
______

ANVISNING FÖR BEGÄRAN OM OMPRÖVNING OCH BESVÄR
Besvärsförbud
Beslut som gäller beredning får inte överklagas.
`;

describe("Finland-Swedish head block", () => {
  const document = parseText(HEAD + BODY);

  it("reads Organ, Sammanträdestid (d.m.yyyy, kl. 18.00 – 19.37), Sammanträdesplats and 'Ärenden 5 – 7 §'", () => {
    expect(document.body).toBe("Tekniska nämnden");
    expect(document.meeting).toEqual({ date: "2024-03-07", startTime: "18:00", endTime: "19:37", place: "Stadshuset, sammanträdesrum 2" });
    expect(document.paragraphsCovered).toEqual([5, 6, 7]);
  });

  it("takes [X] entries as present, [ ] as absent (no participant), and the columns' groups", () => {
    const byName = Object.fromEntries(document.participants.map((p) => [p.name, p]));
    expect(Object.keys(byName)).not.toContain("Holm Per");
    expect(byName["Berg Anna"]).toMatchObject({ group: "member", roles: ["chair"], affiliation: null });
    expect(byName["Lund Eva-Lena"]).toMatchObject({ group: "member", roles: ["viceChair", "adjuster"] });
    expect(byName["Nord Tiina"]).toMatchObject({ group: "servingSubstitute" });
    expect(byName["Sjöberg Malin"]).toMatchObject({ group: "substitute" });
    expect(document.diagnostics.some((d) => d.text?.includes("Holm Per"))).toBe(true);
  });

  it("matches signatures printed first name first to the list's entry, surname first", () => {
    const names = document.participants.map((p) => p.name);
    expect(names).not.toContain("Anna Berg");
    expect(names).not.toContain("Jonas Wik");
    expect(document.adjusters).toEqual(["Lund Eva-Lena", "Ek Björn"]);
    expect(document.participants.find((p) => p.name === "Wik Jonas")).toMatchObject({ group: "other", roles: ["secretary"], title: "ungdomsledare" });
    expect(document.participants.find((p) => p.name === "Strand Lisa")).toMatchObject({ title: "SST:s repr.", affiliation: null });
  });

  it("lists who certifies ('Intygar:') as present staff with a title", () => {
    expect(document.participants.find((p) => p.name === "Karin Öberg")).toMatchObject({ group: "other", title: "avdelningssekreterare", roles: [] });
  });
});

describe("a § that quotes its earlier handlings", () => {
  const document = parseText(HEAD + BODY);
  const item = document.items[0]!;

  it("fills description, proposal and decision from this meeting's block only", () => {
    expect(item).toMatchObject({
      paragraph: 5,
      title: "Gatubelysning i centrum",
      caseNumbers: ["NKBY/130/12.03.00/2024"],
      description: "Utredningen är klar.",
      proposal: "Nämnden godkänner planen.",
      decision: "Planen godkänns.",
    });
  });

  it("keeps the earlier blocks in history, oldest first", () => {
    expect(item.history).toEqual([
      { body: "Tekniska nämnden", date: "2024-01-12", paragraph: 3, proposal: "Nämnden utreder saken.", decision: "Utredningen görs." },
      { body: "Stadsstyrelsen", date: "2024-02-05", paragraph: 31, proposal: "Stadsstyrelsen anvisar medel.", decision: "Medel anvisas." },
    ]);
  });

  it("keeps '______' separators out of the text and the appeal instructions out of the items", () => {
    expect(document.items.map((i) => i.paragraph)).toEqual([5, 6]);
    expect(document.items[1]!.decision).toBe("Antecknades.");
    expect(document.diagnostics.some((d) => d.message.includes("besvärsanvisning") && d.message.includes("får inte överklagas"))).toBe(true);
  });

  it("takes the block whose § and date are this meeting's, also when it is not the last", () => {
    const reordered = parseText(
      `${HEAD}\n5 § Ärende\n\nTidigare behandling:\nStadsstyrelsen 1.2.2024, 9 §\n\nTekniska nämnden 7.3.2024, 5 §\nFörslag:\nDagens förslag.\n\nStadsstyrelsen 1.2.2024, 9 §\nFörslag:\nTidigare förslag.\n`,
    ).items[0]!;
    expect(reordered.proposal).toBe("Dagens förslag.");
    expect(reordered.history).toEqual([{ body: "Stadsstyrelsen", date: "2024-02-01", paragraph: 9, proposal: "Tidigare förslag.", decision: null }]);
  });
});

describe("Finland-Swedish line tokens", () => {
  it.each([
    ["Förslag:", "PlainProposalHeading"],
    ["Ordförande Emilia Haverinens förslag:", "ProposerProposalHeading"],
    ["Stadsdirektör Martin Norrgårds förslag:", "ProposerProposalHeading"],
    ["Beredning: Ungdomsledare Katarina Östman", "PreparationHeading"],
    ["Stadsstyrelsen 3.4.2023, 97 §", "HandlingHeading"],
    ["Ungdomsfullmäktige 09.05.2023, 19 §", "HandlingHeading"],
    ["Personalsektionens beslut:", "DecisionHeading"],
  ])("%s is a %s", (text, expected) => {
    expect(kinds(`5 § Ärende\n\n${text}`)[1]).toBe(expected);
  });

  it("reads a dated § reference inside running text, not set apart, as text", () => {
    expect(kinds("5 § Ärende\nFörslag:\nÄrendet bereddes av\nStadsstyrelsen 3.4.2023, 97 §")[3]).toBe("TextLine");
  });

  it("does not take an attachment's header or running text for a handling", () => {
    expect(kinds("5 § Ärende\nBilaga Välfärdsnämnden, 15.09.2022 § 49")[1]).toBe("TextLine");
    expect(kinds("5 § Ärende\nNämnden beslutade enligt Anna Bergs förslag.")[1]).toBe("TextLine");
  });

  it("reads a table of contents line as no § heading", () => {
    expect(kinds("Ärenden Sida\n16 § Val av protokolljusterare ........................ 2\n16 § Val av protokolljusterare")).toEqual([
      "TextLine",
      "ContentsLine",
      "ParagraphHeading",
    ]);
  });

  it("reads Närvarande as those present and Frånvarande as absent", () => {
    const document = parseText("Protokoll\n\nNärvarande\nBerg Anna, ordförande\nHolm Per\n\nFrånvarande\nEk Björn\n\n1 § Ärende\nBeslut:\nGodkänns.");
    expect(document.participants.map((p) => [p.name, p.group])).toEqual([["Berg Anna", "member"], ["Holm Per", "member"]]);
  });

  it("takes 'Ärenden' as the § range only when a range follows", () => {
    expect(kinds("Ärenden 16 – 22 §")[0]).toBe("ItemRangeLabel");
    expect(kinds("Ärenden 13-24")[0]).toBe("ItemRangeLabel");
    expect(kinds("Ärenden som skall behandlas")[0]).toBe("TextLine");
  });
});

describe("Finland-Swedish fullmäktige conventions (issue #11 probe)", () => {
  const PROTOKOLL = `Protokoll

Närvarande
Ahlskog Nina, ordförande
Brunell Mats, I vice ordförande
Granlund Ulla, II vice ordförande
Holmström Kim
Nyman Sara

Protokolljusterare Holmström Kim Nyman Sara

47 § Bokslut 2022
Beslut: Fullmäktige godkände kommunstyrelsens förslag.
Holmström Kim och Nyman Sara anmälde avvikande mening.

48 § Fyllnadsval
Beslut: Fullmäktige valde Berg Emma till ledamot.
Paragrafen justerades omedelbart.`;

  it("reads the Roman-numbered vice chairs as first and second vice chair, with no affiliation", () => {
    const document = parseText(PROTOKOLL);
    const of = (name: string) => document.participants.find((p) => p.name === name);
    expect(of("Brunell Mats")).toMatchObject({ roles: ["firstViceChair"], affiliation: null });
    expect(of("Granlund Ulla")).toMatchObject({ roles: ["secondViceChair"], affiliation: null });
  });

  it("splits two adjusters on one line where both are named in the attendance list", () => {
    expect(parseText(PROTOKOLL).adjusters).toEqual(["Holmström Kim", "Nyman Sara"]);
  });

  it("reads 'anmälde avvikande mening' as a reservation and 'Paragrafen justerades omedelbart' as adjusted", () => {
    const [first, second] = parseText(PROTOKOLL).items;
    expect(first!.reservations.map((r) => r.by)).toEqual([["Holmström Kim", "Nyman Sara"]]);
    expect(first!.decision).toBe("Fullmäktige godkände kommunstyrelsens förslag.");
    expect(second!.adjusted).toBe("immediately");
    expect(second!.decision).toBe("Fullmäktige valde Berg Emma till ledamot.");
  });
});
