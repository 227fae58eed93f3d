/**
 * Where a file holds a second meeting (grammars/meetings.ts): a page that, after
 * the items have begun, opens with a front page of its own. A continuation
 * page with a running header, or running text that says who meets when, is none.
 */
import { describe, expect, it } from "vitest";
import { parseText, parseTextMeetings } from "../../src/index.js";

const front = (body: string, date: string, first: number) =>
  `PROTOKOLL\n${body}\n\nSammanträdesdatum ${date}\nPlats och tid Stadshuset kl. 13.00–15.00\n\nBeslutande ledamöter Anna Berg (S), ordförande\nPer Holm (M)\n\n` +
  `§ ${first} Budget\nBeslut\nNämnden godkänner budgeten.\n\n§ ${first + 1} Taxor\nBeslut\nTaxorna fastställs.\n`;

describe("several meetings in one file", () => {
  it("reads each meeting on its own, its numbering repeated, and says where each starts", () => {
    const text = `${front("Kommunstyrelsen", "2024-02-06", 1)}\f${front("Barn- och utbildningsnämnden", "2024-02-07", 1)}`;
    const meetings = parseTextMeetings(text);
    expect(meetings.map((doc) => [doc.body, doc.meeting.date, doc.items.map((item) => item.paragraph)])).toEqual([
      ["Kommunstyrelsen", "2024-02-06", [1, 2]],
      ["Barn- och utbildningsnämnden", "2024-02-07", [1, 2]],
    ]);
    expect(meetings.map((doc) => doc.diagnostics.find((d) => d.code === "SEVERAL_MEETINGS")?.page)).toEqual([1, 2]);
    expect(meetings[0]!.items[1]!.decision).toBe("Taxorna fastställs.");

    const whole = parseText(text);
    expect(whole.body).toBe("Kommunstyrelsen");
    expect(whole.items.map((item) => item.paragraph)).toEqual([1, 2, 1, 2]);
    expect(whole.diagnostics.filter((d) => d.code === "SEVERAL_MEETINGS").map((d) => [d.severity, d.page])).toEqual([
      ["info", 1],
      ["info", 2],
    ]);
    expect(whole.parseStatus).toBe("complete");
  });

  it("keeps one meeting whose next page opens with the document's name and the date only", () => {
    const text = `${front("Kommunstyrelsen", "2024-02-06", 1)}\fPROTOKOLL\nSammanträdesdatum 2024-02-06\n\n§ 3 Val\nBeslut\nValet förrättas.`;
    const meetings = parseTextMeetings(text);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]!.items.map((item) => item.paragraph)).toEqual([1, 2, 3]);
    expect(meetings[0]!.diagnostics.some((d) => d.code === "SEVERAL_MEETINGS")).toBe(false);
  });

  it("keeps one meeting whose next page opens with running text that says who meets when", () => {
    const text = `${front("Kommunstyrelsen", "2024-02-06", 1)}\fNämnden noterar att kommunfullmäktige sammanträder den 5 maj 2024.\nTid och plats meddelas senare.\n\n§ 3 Val\nBeslut\nValet förrättas.`;
    expect(parseTextMeetings(text)).toHaveLength(1);
    expect(parseText(text).items.map((item) => item.paragraph)).toEqual([1, 2, 3]);
  });

  it("finds a kungörelse after a protokoll by its name and the sentence that states the meeting", () => {
    const text = `${front("Kommunstyrelsen", "2024-02-06", 1)}\fKUNGÖRELSE\n\nKommunfullmäktige sammanträder i Folkets hus tisdagen den 17 mars 2026 kl. 18.30.\n\n1. Upprop\n\n2. Budget 2027`;
    const meetings = parseTextMeetings(text);
    expect(meetings.map((doc) => [doc.kind, doc.items.map((item) => item.paragraph ?? item.number)])).toEqual([
      ["protokoll", [1, 2]],
      ["kallelse", [1, 2]],
    ]);
    expect(meetings[1]!.meeting.date).toBe("2026-03-17");
  });

  it("finds a second meeting printed mid-page, after the first one's last §", () => {
    const text = `${front("Kommunstyrelsen", "2024-02-06", 5)}\n${front("Kommunstyrelsen", "2024-02-06", 9)}`;
    const meetings = parseTextMeetings(text);
    expect(meetings.map((doc) => [doc.body, doc.items.map((item) => item.paragraph)])).toEqual([
      ["Kommunstyrelsen", [5, 6]],
      ["Kommunstyrelsen", [9, 10]],
    ]);
    expect(meetings[0]!.items[1]!.decision).toBe("Taxorna fastställs.");
    expect(meetings[1]!.participants.map((p) => p.name)).toContain("Per Holm");
  });

  it("finds a second meeting by its head block alone where its numbering starts again", () => {
    const nameless = (text: string) => text.replace(/^PROTOKOLL\n/u, "");
    const onNewPage = `${front("Kommunstyrelsen", "2024-02-06", 1)}\f${nameless(front("Kommunstyrelsen", "2024-03-05", 1))}`;
    const midPage = `${front("Kommunstyrelsen", "2024-02-06", 1)}\n${nameless(front("Kommunstyrelsen", "2024-03-05", 1))}`;
    for (const text of [onNewPage, midPage]) {
      const meetings = parseTextMeetings(text);
      expect(meetings.map((doc) => [doc.meeting.date, doc.items.map((item) => item.paragraph)])).toEqual([
        ["2024-02-06", [1, 2]],
        ["2024-03-05", [1, 2]],
      ]);
    }
  });

  it("finds a second meeting whose head block closes the page, its first § on the next", () => {
    const head = (body: string, date: string) => front(body, date, 1).slice(0, front(body, date, 1).indexOf("§ "));
    const items = "§ 1 Budget\nBeslut\nNämnden godkänner budgeten.\n";
    const afterItem = `${front("Kommunstyrelsen", "2024-02-06", 5)}\n${head("Barn- och utbildningsnämnden", "2024-02-07")}\f${items}`;
    // The first meeting's last § runs over a page that holds no heading of its own.
    const afterText = `${front("Kommunstyrelsen", "2024-02-06", 5)}\fTaxorna gäller från den 1 juli.\n\n${head("Barn- och utbildningsnämnden", "2024-02-07")}\f${items}`;
    for (const text of [afterItem, afterText]) {
      const meetings = parseTextMeetings(text);
      expect(meetings.map((doc) => [doc.body, doc.meeting.date, doc.items.map((item) => item.paragraph)])).toEqual([
        ["Kommunstyrelsen", "2024-02-06", [5, 6]],
        ["Barn- och utbildningsnämnden", "2024-02-07", [1]],
      ]);
      expect(meetings[1]!.participants.map((p) => p.name)).toContain("Anna Berg");
    }
    expect(parseTextMeetings(afterText)[0]!.items[1]!.decision).toContain("Taxorna gäller från den 1 juli.");
  });

  it("keeps one meeting whose item quotes a meeting it announces or the arbetsordning it adopts", () => {
    const announced = `${front("Kommunstyrelsen", "2024-02-06", 7)}\n§ 9 Extra sammanträde\nOrdföranden meddelar att nämnden kallas till extra sammanträde.\n\nKallelse till extra sammanträde\nTid kl. 13.00\nPlats Stadshuset\n\n§ 10 Val\nBeslut\nValet förrättas.\n`;
    // The adopted arbetsordning numbers its own §§ from 1, under labels a head block also has.
    const adopted =
      `${front("Kommunstyrelsen", "2024-02-06", 7)}\n§ 9 Arbetsordning för nämnden\nBeslut\nNämnden antar arbetsordningen enligt nedan.\n\n` +
      "Tid och plats för sammanträdena\nNämnden sammanträder i Stadshuset kl. 13.00.\nLedamöter\nNämnden består av nio ledamöter och fem ersättare.\n\n" +
      "§ 1 Sammanträden\nNämnden sammanträder på dag och tid som nämnden bestämmer.\n\n§ 2 Kallelse\nKallelse sänds ut i god tid.\n";
    for (const text of [announced, adopted]) {
      const meetings = parseTextMeetings(text);
      expect(meetings).toHaveLength(1);
      expect(meetings[0]!.items.map((item) => item.paragraph).slice(0, 3)).toEqual([7, 8, 9]);
    }
  });

  it("keeps one meeting whose head block comes again where the numbering goes on, or whose closing box dates it", () => {
    const nameless = front("Kommunstyrelsen", "2024-02-06", 3).replace(/^PROTOKOLL\n/u, "");
    const goesOn = `${front("Kommunstyrelsen", "2024-02-06", 1)}\f${nameless}`;
    expect(parseTextMeetings(goesOn)).toHaveLength(1);
    const closing = "\nJusteringens plats och tid Kommunkansliet 2024-02-08\n\nANSLAG/BEVIS\nSammanträdesdatum 2024-02-06\nDatum för anslags uppsättande 2024-02-09\n\n";
    const attachments = `${front("Kommunstyrelsen", "2024-02-06", 1)}${closing}Bilaga 1\n\n§ 1 Bolagsordning\nBolaget ska ha sitt säte i kommunen.\n`;
    expect(parseTextMeetings(attachments)).toHaveLength(1);
  });
});
