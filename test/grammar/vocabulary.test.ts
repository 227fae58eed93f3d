/** One test group per token group of the vocabulary, through the line lexer. */
import { describe, expect, it } from "vitest";
import { tokenizeLines } from "../../grammars/classify.js";
import { line, lines } from "../support/lines.js";

const kinds = (text: string): string[] => tokenizeLines(lines(text)).map((t) => t.tokenType.name);
const inItem = (heading: string): string => kinds(`§ 1 Ärende\n${heading}`)[1]!;

describe("section headings", () => {
  it.each([
    ["Ärendebeskrivning", "DescriptionHeading"],
    ["Sammanfattning", "DescriptionHeading"],
    ["Bakgrund:", "DescriptionHeading"],
    ["Ärendet", "DescriptionHeading"],
    ["Förslag till beslut", "ProposalHeading"],
    ["Förslag till beslut på sammanträdet", "ProposalHeading"],
    ["Arbetsutskottets förslag", "ProposalHeading"],
    ["Förvaltningens förslag till beslut", "ProposalHeading"],
    ["Kommunstyrelsens förslag", "ProposalHeading"],
    ["Yrkanden", "MotionsHeading"],
    ["Propositionsordning", "OrderHeading"],
    ["Omröstning", "VoteHeading"],
    ["Omröstningsresultat", "VoteHeading"],
    ["Omröstningslista", "BallotsHeading"],
    ["Beslut", "DecisionHeading"],
    ["BESLUT", "DecisionHeading"],
    ["Kommunstyrelsens beslut", "DecisionHeading"],
    ["Nämndens beslut", "DecisionHeading"],
    ["Barn- och utbildningsnämndens beslut", "DecisionHeading"],
    ["Reservation", "ReservationHeading"],
    ["Protokollsanteckning", "NoteHeading"],
    ["Särskilt yttrande", "NoteHeading"],
    ["Jäv", "ConflictHeading"],
    ["Beslutsunderlag", "BasisHeading"],
    ["Handlingar", "BasisHeading"],
    ["Underlag", "BasisHeading"],
    ["Expedieras till", "DistributionHeading"],
    ["Beslutet skickas till", "DistributionHeading"],
    ["Beslutet ska skickas till", "DistributionHeading"],
    ["Protokollsutdrag skickas till", "DistributionHeading"],
    ["Tidigare behandling", "HistoryHeading"],
    ["Paragrafen är justerad", "AdjustedSeparately"],
    ["Paragrafen förklaras omedelbart justerad", "AdjustedImmediately"],
  ])("%s is a %s", (heading, expected) => {
    expect(inItem(heading)).toBe(expected);
  });

  it("takes the text after an inline heading", () => {
    const [, token] = tokenizeLines(lines("§ 1 Ärende\nBeslut: Nämnden godkänner redovisningen."));
    expect(token!.tokenType.name).toBe("DecisionHeading");
    expect(token!.payload.rest).toBe("Nämnden godkänner redovisningen.");
  });

  it.each(["enligt förvaltningens förslag", "beslut.", "Beslut om budget fattas i juni.", "Kommunstyrelsens beslut fattades i går"])(
    "leaves running text alone: %s",
    (text) => {
      expect(inItem(text)).toBe("TextLine");
    },
  );

  it("does not read headings on the front page", () => {
    expect(kinds("PROTOKOLL\nBeslut")).toEqual(["KindHeading", "TextLine"]);
  });
});

describe("§ designations and agenda numbers", () => {
  it.each([
    ["§ 9", 9, "§ 9", ""],
    ["§9", 9, "§9", ""],
    ["9 § Val av justerare", 9, "9 §", "Val av justerare"],
    ["KS § 123 Budget 2026", 123, "KS § 123", "Budget 2026"],
    ["§ 12 b Tillägg", 12, "§ 12 b", "Tillägg"],
    ["§§ 11-12 Två ärenden", 11, "§§ 11-12", "Två ärenden"],
    ["Paragraf 12 Delegationsbeslut", 12, "Paragraf 12", "Delegationsbeslut"],
    ["§ 219 Ärendenummer SLK-2024-00074", 219, "§ 219", "Ärendenummer SLK-2024-00074"],
  ])("%s is § %i", (text, number, label, rest) => {
    const [token] = tokenizeLines([line(text)]);
    expect(token!.tokenType.name).toBe("ParagraphHeading");
    expect(token!.payload.paragraph).toMatchObject({ number, label });
    expect(token!.payload.rest).toBe(rest);
  });

  it("reads the letter of a designation", () => {
    const [token] = tokenizeLines([line("KS § 12 a Något")]);
    expect(token!.payload.paragraph?.letter).toBe("a");
  });

  it("ignores a § that does not go up, or that starts law text", () => {
    expect(kinds("§ 241 Uppföljning\nBordlagt den 24 januari 2024, § 46, den 7 februari 2024,\n§ 150 och den 6 mars 2024, § 200.\nI 13 § ändras följande mening")).toEqual([
      "ParagraphHeading",
      "TextLine",
      "TextLine",
      "TextLine",
    ]);
  });

  it("counts agenda items 1, 2, 3 and leaves the points of a proposal alone", () => {
    expect(
      kinds("1. Val av justerare\n2. Budget\nFörslag till beslut\n1. Delta i arbetet\n2. Avdela personal\n3. Avdela direktör\n3. Kaffepaus"),
    ).toEqual(["AgendaHeading", "AgendaHeading", "ProposalHeading", "TextLine", "TextLine", "TextLine", "AgendaHeading"]);
  });

});

describe("diarienummer lines", () => {
  it.each(["Dnr KS 2025/00123", "Diarienummer: TN 2025/0012", "(RS/62/2026)", "Dnr: BN/2019.41", "Ärendenummer SLK-2024-00074"])("%s", (text) => {
    expect(tokenizeLines([line(text)])[0]!.tokenType.name).toBe("CaseNumberLine");
  });
});

describe("front-page labels", () => {
  it.each([
    ["Plats och tid Digitalt kl. 13:00-16:00", "PlaceAndTimeLabel", "Digitalt kl. 13:00-16:00"],
    ["Sammanträdesdatum 2025-03-07", "MeetingDateLabel", "2025-03-07"],
    ["Tid: kl. 13:15-16:00", "MeetingTimeLabel", "kl. 13:15-16:00"],
    ["Plats: Styrelserummet", "MeetingPlaceLabel", "Styrelserummet"],
    ["Beslutande ledamöter Anna Berg (S)", "MembersLabel", "Anna Berg (S)"],
    ["Tjänstgörande ersättare Per Holm (M)", "ServingSubstitutesLabel", "Per Holm (M)"],
    ["Ej tjänstgörande ersättare Per Holm (M)", "SubstitutesLabel", "Per Holm (M)"],
    ["Övriga närvarande Lisa Berg", "OthersLabel", "Lisa Berg"],
    ["Övriga deltagande", "OthersLabel", ""],
    ["Utses att justera Margareta Winberg", "AdjustersAppointedLabel", "Margareta Winberg"],
    ["Protokollet omfattar §9, §§11-12", "ParagraphsLabel", "§9, §§11-12"],
    ["Paragrafer 45–50", "ParagraphsLabel", "45–50"],
    ["Frånvarande Kalle Ek (S)", "AbsentLabel", "Kalle Ek (S)"],
  ])("%s", (text, type, rest) => {
    const [token] = tokenizeLines([line(text)]);
    expect(token!.tokenType.name).toBe(type);
    expect(token!.payload.rest).toBe(rest);
  });

  it("does not take running text for a label", () => {
    expect(kinds("Tid för justering meddelas senare")).toEqual(["TextLine"]);
  });

  it("does not take a sentence opened by an attendance word for a list of people", () => {
    expect(kinds("Ledamöter kallas. Förhinder anmäls till sekreteraren.")).toEqual(["TextLine"]);
    expect(kinds("Ersättare underrättas om sammanträdet.")).toEqual(["TextLine"]);
    expect(kinds("Närvarande ersättare")).toEqual(["SubstitutesLabel"]);
  });

  it("reads signers' names over a row of captions", () => {
    expect(kinds("§ 1 Ärende\nBeslut\nGodkänns.\nPeter Sundén Rebecka Holst\nOrdförande Sekreterare")).toEqual([
      "ParagraphHeading",
      "DecisionHeading",
      "TextLine",
      "SignaturesLabel",
      "TextLine",
    ]);
  });

  it("reads a signature block after the last item, and only there", () => {
    expect(kinds("§ 1 Ärende\nBeslut\nGodkänns.\nOrdförande\nAnna Berg\nJusteras\nPer Holm")).toEqual([
      "ParagraphHeading",
      "DecisionHeading",
      "TextLine",
      "ChairLabel",
      "TextLine",
      "AdjusterLabel",
      "TextLine",
    ]);
    expect(kinds("§ 1 Ärende\nJusterare\nAnna Berg\nBeslut\nGodkänns.")[1]).toBe("TextLine");
  });
});

describe("document kind headings", () => {
  it.each([
    ["PROTOKOLL", "protokoll"],
    ["Sammanträdesprotokoll", "protokoll"],
    ["Kallelse/föredragningslista", "kallelse"],
    ["K a l l e l s e / f ö r e d r a g n i n g s l i s t a", "kallelse"],
    ["Föredragningslista", "kallelse"],
    ["Kallelse till sammanträde med kommunstyrelsen", "kallelse"],
    ["Protokollsutdrag", "protokollsutdrag"],
    ["Utdrag ur protokoll", "protokollsutdrag"],
  ])("%s", (text, kind) => {
    const [token] = tokenizeLines([line(text)]);
    expect(token!.tokenType.name).toBe("KindHeading");
    expect(token!.payload.kind).toBe(kind);
  });
});

describe("front labels as OCR prints them", () => {
  it.each([
    ["Narvarande ledamöter", "MembersLabel"],
    ["Ersattare", "SubstitutesLabel"],
    ["Ovriga deltagare", "OthersLabel"],
    ["Justerare", "AdjustersAppointedLabel"],
    ["PIats: Stadshuset", "MeetingPlaceLabel"],
    ["Protokollet ornfattar §§ 1-3", "ParagraphsLabel"],
  ])("%s -> %s", (text, kind) => {
    expect(kinds(text)[0]).toBe(kind);
  });
});
