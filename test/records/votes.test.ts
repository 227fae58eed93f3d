/** Omröstning: counts in the many ways they are written, and named ballots. */
import { describe, expect, it } from "vitest";
import { parseVote } from "../../src/records/votes.js";

describe("vote counts", () => {
  it.each([
    ["Med 4 ja-röster mot 3 nej-röster och 0 som avstår beslutar nämnden att bifalla.", 4, 3, 0, null],
    ["Voteringen utfaller med 29 ja-röster, 8 nej-röster och 4 som avstår.", 29, 8, 4, null],
    ["Med 6 ja-röster mot 1 nej-röst och 1 som avstår", 6, 1, 1, null],
    ["Omröstningen utföll med fem ja-röster mot fyra nej-röster. Två ledamöter var frånvarande.", 5, 4, null, null],
    ["11 ja-röster, 2 nej-röster, 1 avstår och 1 frånvarande", 11, 2, 1, 1],
    ["Ja-röster 52, Nej-röster 44, Avstår 3. Voteringslista, se bilaga 1.", 52, 44, 3, null],
    ["Resultat: Ja-röster: 9, Nej-röster: 6", 9, 6, null, null],
  ])("%s", (text, yes, no, abstain, absent) => {
    expect(parseVote(text, null)).toMatchObject({ yes, no, abstain, absent, text });
  });

  it("leaves unstated counts null", () => {
    expect(parseVote("Omröstning begärs och genomförs.", null)).toMatchObject({ yes: null, no: null, abstain: null, absent: null });
  });
});

describe("named ballots", () => {
  it("reads an omröstningslista", () => {
    const rows = ["Ledamot Parti Röst", "Birgitta Åström S Ja", "Amira Haddad (V) Nej", "Jörgen Nyström SD Avstår"].map((text) => ({ text }));
    const vote = parseVote("Med 2 ja-röster mot 1 nej-röst.", null, rows);
    expect(vote.ballots).toEqual([
      { name: "Birgitta Åström", party: "S", vote: "yes" },
      { name: "Amira Haddad", party: "V", vote: "no" },
      { name: "Jörgen Nyström", party: "SD", vote: "abstain" },
    ]);
  });

  it("reads the column of a cross in a table", () => {
    const vote = parseVote("", null, [
      { text: "Ledamot Parti Ja Nej Avstår", cells: ["Ledamot", "Parti", "Ja", "Nej", "Avstår"], cellX: [10, 150, 250, 300, 350] },
      { text: "Annika Blom S X", cells: ["Annika Blom", "S", "X"], cellX: [10, 150, 252] },
      { text: "Marie Lund M X", cells: ["Marie Lund", "M", "X"], cellX: [10, 150, 303] },
      { text: "Elsa Brandt C X", cells: ["Elsa Brandt", "C", "X"], cellX: [10, 150, 349] },
      { text: "Summa 1 1 1", cells: ["Summa", "1", "1", "1"], cellX: [10, 250, 300, 350] },
    ]);
    expect(vote.ballots).toEqual([
      { name: "Annika Blom", party: "S", vote: "yes" },
      { name: "Marie Lund", party: "M", vote: "no" },
      { name: "Elsa Brandt", party: "C", vote: "abstain" },
    ]);
  });

  it("reads the result stated under the list into the vote's text and counts", () => {
    const vote = parseVote("Ja-röst för A:s yrkande, Nej-röst för B:s yrkande.", null, [
      { text: "Ledamot Parti Ja Nej Avstår", cells: ["Ledamot", "Parti", "Ja", "Nej", "Avstår"], cellX: [10, 150, 250, 300, 350] },
      { text: "Annika Blom S X", cells: ["Annika Blom", "S", "X"], cellX: [10, 150, 252] },
      { text: "Elsa Brandt C X", cells: ["Elsa Brandt", "C", "X"], cellX: [10, 150, 303] },
      { text: "Summa 1 1 0", cells: ["Summa", "1", "1", "0"], cellX: [10, 250, 300, 350] },
      { text: "Omröstningen utfaller med 1 ja-röst mot 1 nej-röst,", cells: ["Omröstningen utfaller med 1 ja-röst mot 1 nej-röst,"], cellX: [10] },
      { text: "0 avstår.", cells: ["0 avstår."], cellX: [10] },
    ]);
    expect(vote).toMatchObject({ yes: 1, no: 1, abstain: 0 });
    expect(vote.text).toBe("Ja-röst för A:s yrkande, Nej-röst för B:s yrkande.\n\nOmröstningen utfaller med 1 ja-röst mot 1 nej-röst, 0 avstår.");
    expect(vote.ballots).toHaveLength(2);
  });

  it("reads ballots written as sentences", () => {
    const vote = parseVote("Daniel Bernmar (V) och ordföranden Jonas Attenius (S) röstar Ja (2). Axel Josefson (M) röstar Nej (1).", null);
    expect(vote).toMatchObject({ yes: 2, no: 1 });
    expect(vote.ballots.map((b) => [b.name, b.vote])).toEqual([
      ["Daniel Bernmar", "yes"],
      ["Jonas Attenius", "yes"],
      ["Axel Josefson", "no"],
    ]);
  });
});
