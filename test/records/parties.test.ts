import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";
import { partyGroupsIn, partyLookup, peopleOf } from "../../src/records/parties.js";
import { voteMeanings } from "../../src/records/votes.js";
import type { Participant } from "../../src/schema/index.js";

const participant = (name: string, party: string | null): Participant => ({
  name, party, group: "member", roles: [], affiliation: null, title: null, paragraphs: null, replaces: null, page: 1,
});

describe("people with parties", () => {
  const lookup = partyLookup([participant("Anna Berg", "S"), participant("Holm Per", "M"), participant("Eva Ek", null)]);

  it("takes the party from the sentence first, then from the attendance list, else null", () => {
    expect(peopleOf(["Tove Ahlberg", "Anna Berg", "Per Holm", "Eva Ek"], "Tove Ahlberg (V), Anna Berg och Per Holm reserverar sig.", lookup)).toEqual([
      { name: "Tove Ahlberg", party: "V" },
      { name: "Anna Berg", party: "S" },
      { name: "Per Holm", party: "M" },
      { name: "Eva Ek", party: null },
    ]);
  });

  it("reads a role word in front of a name as no part of it", () => {
    expect(peopleOf(["Jonas Attenius"], "Ordföranden Jonas Attenius (S) yrkar bifall.", lookup)).toEqual([{ name: "Jonas Attenius", party: "S" }]);
  });

  it.each([
    ["S-gruppen reserverar sig mot beslutet", ["S"]],
    ["M-, L- och KD-ledamöterna reserverar sig", ["M", "L", "KD"]],
    ["Ledamöterna i M, D, L och KD reserverar sig", ["M", "D", "L", "KD"]],
    ["Ledamöterna från (M), (KD) och (L) reserverar sig till förmån för eget yrkande", ["M", "KD", "L"]],
    ["Vänsterpartiets ledamöter reserverar sig", ["V"]],
    ["Sverigedemokraterna reserverar sig till förmån för eget förslag", ["SD"]],
    ["Anna Berg (S) reserverar sig", []],
  ])("party groups in %j", (text, parties) => {
    expect(partyGroupsIn(text)).toEqual(parties);
  });

  it("fills people and parties of a protokollsutdrag's reservations from the sentence alone", () => {
    const document = parseText(
      "PROTOKOLLSUTDRAG\nKommunfullmäktige\n\n§ 52 Motion om solceller\nBeslut\nMotionen avslås.\nReservation\nTove Ahlberg (V) och Hassan Jama (MP) reserverar sig mot beslutet.\nS-gruppen reserverar sig till förmån för eget yrkande.",
    );
    expect(document.items[0]!.reservations.map((r) => [r.people, r.parties])).toEqual([
      [[{ name: "Tove Ahlberg", party: "V" }, { name: "Hassan Jama", party: "MP" }], []],
      [[], ["S"]],
    ]);
  });
});

describe("what a vote meant", () => {
  it.each([
    ["Godkänd voteringsproposition: ”Ja för ärendets återremiss och Nej för ärendets avgörande idag”.", "ärendets återremiss", "ärendets avgörande idag"],
    ["Nämnden godkänner följande beslutsgång: Ja för bifall till förvaltningens förslag, nej för bifall till Marie Lunds avslagsyrkande.", "bifall till förvaltningens förslag", "bifall till Marie Lunds avslagsyrkande"],
    ["Den som vill bifalla kommunstyrelsens förslag röstar ja, den som vill bifalla Anna Bergs yrkande röstar nej.", "bifalla kommunstyrelsens förslag", "bifalla Anna Bergs yrkande"],
  ])("%s", (text, yes, no) => {
    expect(voteMeanings(text)).toEqual({ yesMeans: yes, noMeans: no });
  });

  it("is null where no proposition is stated", () => {
    expect(voteMeanings("Med 4 ja-röster mot 3 nej-röster beslutar nämnden att bifalla förslaget.")).toBeNull();
  });

  it("keeps every vote of a §, and checks each one's ballots", () => {
    const document = parseText(
      [
        "PROTOKOLL", "Kommunstyrelsen", "", "§ 7 Detaljplan för Norra hamnen",
        "Omröstning", "Ja för återremiss, nej för avgörande idag. Med 3 ja-röster mot 6 nej-röster beslutas att ärendet ska avgöras idag.",
        "Omröstning", "Ja för bifall till förslaget, nej för avslag. Med 5 ja-röster mot 4 nej-röster bifalls förslaget.",
        "Beslut", "Detaljplanen antas.",
      ].join("\n"),
    );
    const item = document.items[0]!;
    expect(item.votes?.map((v) => [v.yes, v.no, v.yesMeans, v.noMeans])).toEqual([
      [3, 6, "återremiss", "avgörande idag"],
      [5, 4, "bifall till förslaget", "avslag"],
    ]);
    expect(item.vote).toEqual(item.votes?.[0]);
    expect(item.outcome).toBe("approved");
  });
});
