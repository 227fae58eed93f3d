/** Attendee entries as municipalities print them, and names in sentences. */
import { describe, expect, it } from "vitest";
import { expandParagraphs, namesBefore, parseAttendee, splitAttendeeLine } from "../../src/records/people.js";

describe("attendee entries", () => {
  it.each([
    ["Katarina Nyberg Finn (S) (ordförande) (Region JH)", { name: "Katarina Nyberg Finn", party: "S", roles: ["chair"], affiliation: "Region JH" }],
    ["Morgan Olsson (S) (2:e vice ordförande) (Strömsunds kommun)", { name: "Morgan Olsson", roles: ["secondViceChair"], affiliation: "Strömsunds kommun" }],
    ["Niklas Daoson (S), vice ordförande", { name: "Niklas Daoson", party: "S", roles: ["viceChair"] }],
    ["Anna Berg (m), 1:e vice ordförande", { name: "Anna Berg", party: "M", roles: ["firstViceChair"] }],
    ["Jan Persson (Kommunförbundet- föredragande) §9", { name: "Jan Persson", roles: ["presenter"], affiliation: "Kommunförbundet", paragraphs: [9] }],
    ["Anna Frisk (RJH - föredragande) §9", { name: "Anna Frisk", roles: ["presenter"], affiliation: "RJH", paragraphs: [9] }],
    ["Helén Sjöqvist, förvaltningschef", { name: "Helén Sjöqvist", title: "förvaltningschef", party: null }],
    ["Kanslichef Lisa Berg", { name: "Lisa Berg", title: "Kanslichef" }],
    ["Oskar Lindén, controller, § 24", { name: "Oskar Lindén", title: "controller", paragraphs: [24] }],
    ["Per Ölund (C), §§ 23–25", { name: "Per Ölund", party: "C", paragraphs: [23, 24, 25] }],
    ["Kent Alm (C), ersättare för Elsa Brandt, §§ 23–24", { name: "Kent Alm", replaces: "Elsa Brandt", paragraphs: [23, 24] }],
    ["Lars-Göran Bäck (S) ersätter Nina Tallberg (S)", { name: "Lars-Göran Bäck", party: "S", replaces: "Nina Tallberg" }],
    ["Gun Nilsson (S) för Hans Ek (S)", { name: "Gun Nilsson", party: "S", replaces: "Hans Ek" }],
    ["Stig Andersson (KD) tjänstgör för Åsa Ek (KD) § 12 del", { name: "Stig Andersson", replaces: "Åsa Ek", paragraphs: [12] }],
    ["Lise Hjemgaard-Svensson (M) (Östersunds kommun)", { name: "Lise Hjemgaard-Svensson", party: "M", affiliation: "Östersunds kommun" }],
    // A title in a column of its own is often capitalised: still a title, not an affiliation.
    ["Anna Berg, Ekonomichef", { name: "Anna Berg", title: "Ekonomichef", affiliation: null }],
    ["Anna Berg, Ekonomikontoret", { name: "Anna Berg", title: null, affiliation: "Ekonomikontoret" }],
    // A role after the party with no comma, and serving as a substitute without saying for whom.
    ["Lars Ek (fp) tjänstgörande ersättare", { name: "Lars Ek", party: "FP", serving: true, roles: [] }],
    ["Lars Ek (fp), tjg ers.", { name: "Lars Ek", party: "FP", serving: true }],
    ["Gunnel Åberg (s) ordförande", { name: "Gunnel Åberg", party: "S", roles: ["chair"], serving: false }],
    ["Anna von Berg (m)", { name: "Anna von Berg", party: "M", roles: [] }],
  ])("%s", (text, expected) => {
    expect(parseAttendee(text)).toMatchObject(expected);
  });

  it("refuses text that is not a person", () => {
    expect(parseAttendee("Justerat av")).toBeNull();
    expect(parseAttendee("uppsättande")).toBeNull();
    expect(parseAttendee("Samordningskansliet")).toBeNull();
  });

  it("splits two entries on one line, and only then", () => {
    expect(splitAttendeeLine("Anna Berg (S), Per Holm (M)")).toEqual(["Anna Berg (S)", "Per Holm (M)"]);
    expect(splitAttendeeLine("Niklas Daoson (S), vice ordförande")).toEqual(["Niklas Daoson (S), vice ordförande"]);
  });
});

describe("§ lists", () => {
  it("expands ranges in every dash", () => {
    expect(expandParagraphs("§9, §§11-12")).toEqual([9, 11, 12]);
    expect(expandParagraphs("45–50")).toEqual([45, 46, 47, 48, 49, 50]);
    expect(expandParagraphs("§ 105-108")).toEqual([105, 106, 107, 108]);
  });
});

describe("names in sentences", () => {
  it("takes the names before the verb, without parties or role words", () => {
    expect(namesBefore("Daniel Bernmar (V) och ordföranden Jonas Attenius (S) yrkar bifall till Jenny Bromans yrkande.", /\byrka/)).toEqual([
      "Daniel Bernmar",
      "Jonas Attenius",
    ]);
    expect(namesBefore("Anna Frisk och Jan Persson föredrar ärendet med stöd av en PPT.", /föredrar/)).toEqual(["Anna Frisk", "Jan Persson"]);
  });
});
