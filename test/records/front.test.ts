/** The front page: attendance lists and the justerare (adjusters) named under their labels. */
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";

const front = (lines: string) => parseText(`PROTOKOLL\nKommunstyrelsen\n\n${lines}\n\n§ 1 Val av justerare\nBeslut\nValet godkänns.`);

describe("front page", () => {
  it("joins a justerare's name that wraps onto the next line, when the attendance list names the whole person", () => {
    const document = front(
      "Beslutande ledamöter Anna Berg (S), ordförande\nAnn-Sofie Berkestedt Jonsson (MP)\nPer Holm (M)\n\nUtses att justera Anna Berg och Ann-Sofie Berkestedt\nJonsson",
    );
    expect(document.adjusters).toEqual(["Anna Berg", "Ann-Sofie Berkestedt Jonsson"]);
    expect(document.participants.map((p) => p.name)).toEqual(["Anna Berg", "Ann-Sofie Berkestedt Jonsson", "Per Holm"]);
  });

  it("keeps one justerare a line where no name wraps", () => {
    const document = front("Beslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\n\nJusterare\nAnna Berg\nPer Holm");
    expect(document.adjusters).toEqual(["Anna Berg", "Per Holm"]);
  });

  it("reads 'Justeras av' in the head as the justerare, both names of 'X (C) och Y (V)'", () => {
    const document = front("Beslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\nGun Ek (C)\n\nJusteras av Per Holm (M) och Gun Ek (C)");
    expect(document.adjusters).toEqual(["Per Holm", "Gun Ek"]);
  });

  it("reads no § from a date that runs on under the Paragrafer range", () => {
    const document = front("Beslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\n\nParagrafer 45–47\nProtokoll Regionstyrelsen 2024-03-12");
    expect(document.paragraphsCovered).toEqual([45, 46, 47]);
  });

  it("keeps a sentence between the front page and the first § in diagnostics and makes the document partial", () => {
    const document = front("Beslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\n\nUtses att justera Per Holm\n\nOrdföranden hälsar alla välkomna och förklarar mötet öppnat.");
    expect(document.adjusters).toEqual(["Per Holm"]);
    expect(document.parseStatus).toBe("partial");
    expect(document.diagnostics).toContainEqual(
      expect.objectContaining({ code: "UNRECOGNISED_BLOCK", page: 1, text: "Ordföranden hälsar alla välkomna och förklarar mötet öppnat." }),
    );
  });

  it("keeps a letterhead line that gives nothing, and the value of a label without a field", () => {
    const document = parseText("Hedbacka kommun\nBox 100, 123 45 Hedbacka\nPROTOKOLL\nKommunstyrelsen\nJusteringens plats och tid Kommunkansliet\n\n§ 1 Val\nBeslut\nBifall.");
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ code: "UNRECOGNISED_BLOCK", text: "Box 100, 123 45 Hedbacka" }));
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ severity: "info", text: "Kommunkansliet" }));
  });

  it("reads a meeting-system front page: ajournering, 'tjg för', § limits, '---' and 'Se sida 2', a DNR line above the §", () => {
    const document = parseText(
      "PROTOKOLL\nKommunstyrelsen\nPlats och tid Kommunhuset, Sessionssalen kl. 13.00–16.30 (ajournering 14:40–14:55)\nSammanträdesdatum 2026-03-17\nBeslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M), §§ 61–62\nGun Ek (S) tjg för Eva Lund (S)\nSe sida 2\nEj beslutande ersättare ---\n\nDNR: KS 2026/12\n§ 61 Val\nBeslut\nBifall.\n\n§ 62 Budget\nBeslut\nBifall.",
    );
    expect(document.meeting).toEqual({ date: "2026-03-17", startTime: "13:00", endTime: "16:30", place: "Kommunhuset, Sessionssalen" });
    expect(document.participants.map((p) => [p.name, p.replaces, p.paragraphs])).toEqual([
      ["Anna Berg", null, null],
      ["Per Holm", null, [61, 62]],
      ["Gun Ek", "Eva Lund", null],
    ]);
    expect(document.items.map((i) => [i.paragraph, i.caseNumbers])).toEqual([[61, ["KS 2026/12"]], [62, []]]);
    expect(document.diagnostics.filter((d) => d.code === "UNRECOGNISED_ATTENDEE")).toEqual([]);
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ severity: "info", text: "(ajournering 14:40–14:55)" }));
  });

  it("keeps every span of an adjournment out of the place", () => {
    const document = parseText(
      "PROTOKOLL\nRegionstyrelsen\nSammanträdesdatum 2024-03-12\n\nPlats och tid   Regionens hus, kl. 09.00-15.00\n                Ajournering 10.15–10.30 och 12.00–13.00\n\n§ 1 Budget\nBeslut\nBifall.",
    );
    expect(document.meeting).toEqual({ date: "2024-03-12", startTime: "09:00", endTime: "15:00", place: "Regionens hus" });
    expect(document.diagnostics).toContainEqual(expect.objectContaining({ severity: "info", text: "Ajournering 10.15–10.30 och 12.00–13.00" }));
  });

  it("takes a member who serves for another as a serving substitute, also where the replaced name wraps", () => {
    const document = front(
      "Beslutande Karin Ek (M), ordförande\nPer Berg (KD), tjänstgörande ersättare för\nEva Sund (L)\nMats Holm (C), ersättare för Ulla Ås (C)",
    );
    expect(document.participants.map((p) => [p.name, p.group, p.replaces, p.affiliation])).toEqual([
      ["Karin Ek", "member", null, null],
      ["Per Berg", "servingSubstitute", "Eva Sund", null],
      ["Mats Holm", "servingSubstitute", "Ulla Ås", null],
    ]);
  });

  it("reads the organ printed beside the meeting date, set in capitals or not", () => {
    for (const organ of ["Bygg- och miljönämnden", "BYGG- OCH MILJÖNÄMNDEN"]) {
      const document = parseText(`SAMMANTRÄDESPROTOKOLL\n                              Sammanträdesdatum\n${organ}        2025-10-22\n\n§ 1 Val\nBeslut\nBifall.`);
      expect([document.body, document.meeting.date]).toEqual(["Bygg- och miljönämnden", "2025-10-22"]);
      expect(document.diagnostics.filter((d) => d.code === "UNRECOGNISED_BLOCK")).toEqual([]);
    }
  });

  it("reads 'Underskrifter  Sekreterare ....  Paragrafer 45-47': the secretary's caption and the §§ covered, also with the range wrapped", () => {
    for (const range of [" 45-47\n", "\n45-47\n"]) {
      const document = front(
        `Beslutande Karin Ek (M), ordförande\n\nUnderskrifter Sekreterare .......................... Paragrafer${range}Jonas Bäck\nOrdförande ..........................\nKarin Ek`,
      );
      expect(document.paragraphsCovered).toEqual([45, 46, 47]);
      expect(document.participants.map((p) => [p.name, p.roles])).toEqual([
        ["Karin Ek", ["chair"]],
        ["Jonas Bäck", ["secretary"]],
      ]);
    }
  });

  it("reads a kallelse's 'Tid: Onsdagen den 12 november 2025, kl. 08.30' as the meeting's date and time, over the letter's own date", () => {
    const document = parseText("KALLELSE\nSocialnämnden\n2025-11-05\n\nTid: Onsdagen den 12 november 2025, kl. 08.30\nPlats: Socialkontoret\n\n1. Val av justerare\n2. Meddelanden");
    expect(document.meeting).toEqual({ date: "2025-11-12", startTime: "08:30", endTime: null, place: "Socialkontoret" });
  });

  it("reads several entries with their roles from one comma-separated line", () => {
    const document = front("Ledamöter: Anna Lund (S), ordförande, Jan Berg (M), vice ordförande, Lisa Holm (V)");
    expect(document.participants.map((p) => [p.name, p.party, p.roles])).toEqual([
      ["Anna Lund", "S", ["chair"]],
      ["Jan Berg", "M", ["viceChair"]],
      ["Lisa Holm", "V", []],
    ]);
  });

  it("takes the meeting date from the running header when only that prints it (set aside as furniture)", () => {
    const header = "HEDBACKA KOMMUN                          PROTOKOLL\nKultur- och fritidsnämnden               Sammanträdesdatum\n                                         2024-09-18\n";
    const footer = (page: number) => `\n\nJusterandes sign          Utdragsbestyrkande\n                                   Sida ${page} av 2\n`;
    const pages = ["\nPlats och tid   Kommunhuset, kl. 18.00–20.30\n\n§ 61 Val av justerare\nBeslut\nBifall.\n", "\n§ 62 Taxor 2025\nBeslut\nBifall.\n"];
    const document = parseText(pages.map((body, i) => header + body + footer(i + 1)).join("\f"));
    expect(document.furniture.map((f) => f.text)).toContain("2024-09-18");
    expect(document.meeting.date).toBe("2024-09-18");
    expect(document.body).toBe("Kultur- och fritidsnämnden");
  });
});

