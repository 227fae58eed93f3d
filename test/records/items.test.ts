/** One test per block of an item: what each section becomes in the record. */
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";

const item = (body: string) => parseText(`PROTOKOLL\nKommunstyrelsen\n\n§ 12 Budget 2026\n${body}`).items[0]!;

describe("item blocks", () => {
  it("reads a bare diarienummer line under the § heading, without a Dnr label", () => {
    const one = item("RS 2024-00123\n\nÄrendebeskrivning\nRegionstyrelsen har lämnat förslag.\n\nBeslut\nAntas.");
    expect(one).toMatchObject({ caseNumbers: ["RS 2024-00123"], description: "Regionstyrelsen har lämnat förslag." });
    expect(item("RJL 2024/456, RJL 2024/457\nBeslut\nAntas.").caseNumbers).toEqual(["RJL 2024/456", "RJL 2024/457"]);
    // Further down, or a period of years, it stays text.
    const quoted = item("2025-2026\nÄrendebeskrivning\nSe beslut i ärendet\nRS 2023-00561\nBeslut\nAntas.");
    expect(quoted.caseNumbers).toEqual([]);
  });

  it("reads a 'Särskilt uttalande' section as a note, apart from the reservation above it", () => {
    const one = item("Beslut\nAntas.\n\nReservation\nKarin Ek (V) reserverar sig mot beslutet.\n\nSärskilt uttalande\nLedamöterna från (C) lämnar ett särskilt uttalande.");
    expect(one.reservations.map((r) => r.text)).toEqual(["Karin Ek (V) reserverar sig mot beslutet."]);
    expect(one.notes).toEqual(["Ledamöterna från (C) lämnar ett särskilt uttalande."]);
  });

  it("reads the § designation, title and diarienummer from the heading", () => {
    const document = parseText("PROTOKOLL\n\nKS § 12 b Budget 2026 Dnr KS 2025/00123\nBeslut\nAntas.");
    expect(document.items[0]).toMatchObject({ paragraph: 12, paragraphLabel: "KS § 12 b", title: "Budget 2026", caseNumbers: ["KS 2025/00123"] });
  });

  it("puts Ärendebeskrivning, Förslag till beslut and Beslut in their fields, numbered points on their own lines", () => {
    const it12 = item("Ärendebeskrivning\nFörvaltningen har tagit fram\nett förslag.\n\nFörslag till beslut\nNämnden beslutar\n1. att anta budgeten,\n2. att uppdra åt förvaltningen.\n\nKommunstyrelsens beslut\nBudgeten antas.");
    expect(it12.description).toBe("Förvaltningen har tagit fram ett förslag.");
    expect(it12.proposal).toBe("Nämnden beslutar\n1. att anta budgeten,\n2. att uppdra åt förvaltningen.");
    expect(it12.decision).toBe("Budgeten antas.");
  });

  it("makes one motion per yrkande, with every named person", () => {
    const it12 = item("Yrkanden\nAnna Berg (S) yrkar bifall till förslaget.\nPer Holm (M) och Eva Ek (L) yrkar avslag\npå förslaget.\nBeslut\nBifall.");
    expect(it12.motions).toEqual([
      { by: ["Anna Berg"], text: "Anna Berg (S) yrkar bifall till förslaget.", people: [{ name: "Anna Berg", party: "S" }], parties: [] },
      {
        by: ["Per Holm", "Eva Ek"],
        text: "Per Holm (M) och Eva Ek (L) yrkar avslag på förslaget.",
        people: [{ name: "Per Holm", party: "M" }, { name: "Eva Ek", party: "L" }],
        parties: [],
      },
    ]);
  });

  it("reads reservations, protokollsanteckningar and jäv", () => {
    const it12 = item(
      "Jäv\nLisa Lund (C) anmäler jäv och deltar inte i handläggningen.\nBeslut\nBifall.\nReservation\nPer Holm (M) reserverar sig mot beslutet.\nProtokollsanteckning\nEva Ek (L) antecknar att hon vill se en uppföljning.",
    );
    expect(it12.conflicts).toEqual(["Lisa Lund"]);
    expect(it12.conflictPeople).toEqual([{ name: "Lisa Lund", party: "C" }]);
    expect(it12.reservations).toEqual([
      { by: ["Per Holm"], text: "Per Holm (M) reserverar sig mot beslutet.", people: [{ name: "Per Holm", party: "M" }], parties: [] },
    ]);
    expect(it12.notes).toEqual(["Eva Ek (L) antecknar att hon vill se en uppföljning."]);
  });

  it("takes a jäv sentence out of the decision and keeps the name", () => {
    const it12 = item("Beslut\nBifall. Lisa Lund (C) anmäler jäv.");
    expect(it12.decision).toBe("Bifall.");
    expect(it12.conflicts).toEqual(["Lisa Lund"]);
  });

  it("splits Beslutsunderlag per bullet and Expedieras till per recipient", () => {
    const it12 = item("Beslutsunderlag\n• Tjänsteskrivelse 2025-03-25 om\nbudgeten\n• Bilaga 1\nExpedieras till\nKommunstyrelsen, Ekonomiavdelningen,\nRevisorerna");
    expect(it12.basis).toEqual(["Tjänsteskrivelse 2025-03-25 om budgeten", "Bilaga 1"]);
    expect(it12.distribution).toEqual(["Kommunstyrelsen", "Ekonomiavdelningen", "Revisorerna"]);
  });

  it("reads the vote and how the paragraph was adjusted", () => {
    const it12 = item("Omröstning\nMed 7 ja-röster mot 4 nej-röster beslutar nämnden att bifalla.\nBeslut\nBifall.\nParagrafen förklaras omedelbart justerad");
    expect(it12.vote).toMatchObject({ yes: 7, no: 4, abstain: null, absent: null, ballots: [] });
    expect(it12.adjusted).toBe("immediately");
  });

  it("keeps an adjusted marker under an omröstningslista out of the list's result sentence", () => {
    const { vote, adjusted } = item(
      "Omröstning\nJa för bifall till förslaget.\nOmröstningslista\nAnna Berg (S) Ja\nPer Lind (M) Nej\nOmröstningen utfaller med 1 ja-röst mot 1 nej-röst.\nParagrafen är justerad",
    );
    expect(vote).toMatchObject({ yes: 1, no: 1, text: "Ja för bifall till förslaget.\n\nOmröstningen utfaller med 1 ja-röst mot 1 nej-röst." });
    expect(vote?.ballots).toHaveLength(2);
    expect(adjusted).toBe("separately");
  });

  it("finds presenters in a Föredragande line and in 'X föredrar ärendet'", () => {
    expect(item("Föredragande: Karin Lööf, ekonomichef\nBeslut\nBifall.").presenters).toEqual(["Karin Lööf"]);
    expect(item("Sammanfattning\nAnna Frisk och Jan Persson föredrar ärendet.").presenters).toEqual(["Anna Frisk", "Jan Persson"]);
  });

  it("keeps the Propositionsordning in decisionProcess, apart from the decision", () => {
    const document = parseText("PROTOKOLL\n\n§ 1 Budget\nPropositionsordning\nOrdföranden ställer proposition.\nBeslut\nBifall.");
    expect(document.items[0]!.decision).toBe("Bifall.");
    expect(document.items[0]!.decisionProcess).toBe("Ordföranden ställer proposition.");
  });
});

describe("kallelse agenda", () => {
  it("takes a presenter line wrapped into the title's cell out of the title", () => {
    const document = parseText("KALLELSE\nSocialnämnden\n\n1. Ekonomisk uppföljning oktober 2025 Föredragande: ekonom Per Ek\n2. Meddelanden");
    expect(document.items.map((i) => [i.title, i.presenters])).toEqual([
      ["Ekonomisk uppföljning oktober 2025", ["Per Ek"]],
      ["Meddelanden", []],
    ]);
  });

  it("reads numbers, times and presenters of agenda items", () => {
    const document = parseText(
      "Kallelse\nKommunstyrelsen\nTid: kl. 13:15-16:00\n\n1. Val av justerare\n\n2. Årsredovisning 2024 (KS 2025/0043)\nKarin Lööf 13:25\nFörslag till beslut\nGodkänns.\n\n3. Kaffepaus\n14:00",
    );
    expect(document.kind).toBe("kallelse");
    expect(document.items.map((i) => [i.number, i.title, i.time, i.presenters, i.caseNumbers])).toEqual([
      [1, "Val av justerare", null, [], []],
      [2, "Årsredovisning 2024", "13:25", ["Karin Lööf"], ["KS 2025/0043"]],
      [3, "Kaffepaus", "14:00", [], []],
    ]);
  });
});

describe("section headings by pattern and by layout", () => {
  it("reads '<Organ>s förslag till <organ>', '<Title> <Name>s förslag', 'Förslag:', 'Beredning:' and 'Behandling:'", () => {
    expect(item("Arbetsutskottets förslag till kommunstyrelsen\nBudgeten antas.").proposal).toBe("Budgeten antas.");
    expect(item("Kommundirektör Anna Bergs förslag\nBudgeten antas.").proposal).toBe("Budgeten antas.");
    const it12 = item("Beredning:\nFörvaltningen har berett ärendet.\nFörslag:\nBudgeten antas.\nBehandling:\nPer Holm (M) yrkar avslag.\n\nOrdföranden ställer proposition på förslagen.\nBeslut:\nBudgeten antas.");
    expect(it12).toMatchObject({ description: "Förvaltningen har berett ärendet.", proposal: "Budgeten antas.", decision: "Budgeten antas." });
    expect(it12.motions).toEqual([{ by: ["Per Holm"], text: "Per Holm (M) yrkar avslag.", people: [{ name: "Per Holm", party: "M" }], parties: [] }]);
    expect(it12.decisionProcess).toBe("Ordföranden ställer proposition på förslagen.");
    expect(it12.otherSections).toEqual([]);
  });

  it("reads the Word-era '<Organ> beslutar' / '<Organ> föreslår <organ> besluta' over att-clauses", () => {
    const it12 = item("Arbetsutskottet föreslår kommunstyrelsen besluta\natt anta budgeten.\n\nKommunstyrelsen beslutar\natt anta budgeten,\natt lägga uppföljningen till handlingarna.");
    expect(it12).toMatchObject({ proposal: "att anta budgeten.", decision: "att anta budgeten, att lägga uppföljningen till handlingarna." });
    expect(item("Bygg- och miljönämnden beslutade att\nbevilja bygglov.").decision).toBe("bevilja bygglov.");
    expect(item("Kommunstyrelsen beslutar\natt lägga anmälningsärendena till handlingarna.").outcome).toBe("noted");
    // A sentence that goes on is no heading.
    expect(item("Beslut\nKommunstyrelsen beslutar att anta budgeten.").decision).toBe("Kommunstyrelsen beslutar att anta budgeten.");
  });

  it("takes the chair's proposition under Yrkanden for decisionProcess, not for a motion, also without a gap", () => {
    const it12 = item("Yrkanden\nUlf Bohm (M) yrkar återremiss.\nOrdföranden ställer proposition på yrkandena och finner att kommunstyrelsen bifaller förslaget.\nBeslut\nBifall.");
    expect(it12.motions.map((m) => m.by)).toEqual([["Ulf Bohm"]]);
    expect(it12.decisionProcess).toBe("Ordföranden ställer proposition på yrkandena och finner att kommunstyrelsen bifaller förslaget.");
  });

  it("reads 'Exp:' as the distribution and never takes a date for a diarienummer", () => {
    const it12 = item("Ärendet behandlades av KS § 211 2006-11-14.\nBeslut\nBifall.\nExp: Socialnämnden, Ekonomikontoret");
    expect(it12.distribution).toEqual(["Socialnämnden", "Ekonomikontoret"]);
    expect(it12.caseNumbers).toEqual([]);
  });

  it("starts a section at an unknown heading set like the document's known ones (ending in ':')", () => {
    const it12 = item("Beskrivning av ärendet:\nFörvaltningen har berett ärendet.\nEkonomiska konsekvenser:\nKostnaden ryms i ramen.\nBeslut:\nBudgeten antas.");
    expect(it12.description).toBe("Förvaltningen har berett ärendet.");
    expect(it12.otherSections).toEqual([{ heading: "Ekonomiska konsekvenser", text: "Kostnaden ryms i ramen." }]);
    expect(it12.decision).toBe("Budgeten antas.");
  });

  it("leaves a sentence ending in ':' in its section where the document's headings have no colon", () => {
    const it12 = item("Förslag till beslut\nKommunstyrelsen föreslår att fullmäktige beslutar:\nBudgeten antas.\n\nBeslut\nBifall.");
    expect(it12.proposal).toBe("Kommunstyrelsen föreslår att fullmäktige beslutar: Budgeten antas.");
    expect(it12.otherSections).toEqual([]);
  });
});
