import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";
import { emptyItem } from "../../src/records/items.js";
import { itemOutcome } from "../../src/records/outcome.js";
import type { Item, Motion, Vote } from "../../src/schema/index.js";

function withDecision(decision: string | null, extra: Partial<Item> = {}): Item {
  return { ...emptyItem("Ärende"), paragraph: 1, paragraphLabel: "§ 1", decision, ...extra };
}

const outcomeOf = (decision: string | null, extra: Partial<Item> = {}) => itemOutcome(withDecision(decision, extra)).outcome;

describe("outcome", () => {
  it("is null without a decision (a kallelse item)", () => {
    expect(outcomeOf(null)).toBeNull();
  });

  it.each([
    ["Nämnden godkänner förvaltningens förslag.", "approved"],
    ["Kommunstyrelsen beslutar i enlighet med arbetsutskottets förslag.", "approved"],
    ["Socialnämnden antar riktlinjerna att gälla från 1 juli.", "approved"],
    ["Kultur- och fritidsnämnden föreslår kommunfullmäktige att anta planen.", "approved"],
    ["Förbundet rekommenderar medlemskommunerna att förlänga avtalet.", "approved"],
    ["Förvaltningen får i uppdrag att utreda frågan.", "approved"],
    ["Ansökan avslås.", "rejected"],
    ["Nämnden beslutar att avslå begäran om bidrag.", "rejected"],
    ["Motionen anses besvarad.", "answered"],
    ["Kommunfullmäktige avslår motionen.", "answered"],
    ["Medborgarförslaget anses vara besvarat med hänvisning till pågående arbete.", "answered"],
    ["Ärendet återremitteras till förvaltningen för vidare utredning.", "referredBack"],
    ["Nämnden beslutar att återremittera ärendet.", "referredBack"],
    ["Ärendet bordläggs till nästa sammanträde.", "tabled"],
    ["Informationen läggs till handlingarna.", "noted"],
    ["Nämnden tar del av informationen.", "noted"],
    ["Antecknas.", "noted"],
    ["Till ny ersättare i socialnämnden väljs Lars Holm (KD).", "elected"],
    ["Anna Svensson (S) entledigas från sitt uppdrag som ledamot.", "elected"],
    ["Ärendet utgår från dagordningen.", "withdrawn"],
    ["Nämnden godkänner förslaget med tillägg att en uppföljning görs i juni.", "approvedWithChanges"],
  ] as const)("%s -> %s", (decision, outcome) => {
    expect(outcomeOf(decision)).toBe(outcome);
  });

  it("reads a motion's re-referral inside a long list of points as a point, not the item's outcome", () => {
    const decision = "1. Planen godkänns.\n2. Framställan om medel avslås.\n3. Frågan om taxor återremitteras till nämnden.";
    expect(outcomeOf(decision)).toBe("approved");
  });

  it("follows the motion a decision names: 'enligt X:s yrkande'", () => {
    const motions: Motion[] = [
      { by: ["Marie Lund"], text: "Marie Lund (M) yrkar avslag på förvaltningens förslag." },
      { by: ["Per Holm"], text: "Per Holm (S) yrkar bifall till förvaltningens förslag." },
    ];
    expect(outcomeOf("Nämnden beslutar enligt Marie Lunds yrkande.", { motions })).toBe("rejected");
    expect(outcomeOf("Nämnden beslutar enligt Per Holms yrkande.", { motions })).toBe("approved");
    expect(outcomeOf("På förslag av Marie Lund (M):\nNämnden beslutar enligt yrkandet.", { motions })).toBe("rejected");
  });

  it("takes a tillägg carried in the decision process as a change", () => {
    const decisionProcess = "Ordföranden ställer proposition på tilläggsyrkandet och finner att det bifallits.";
    expect(outcomeOf("Nämnden bifaller förvaltningens förslag.", { decisionProcess })).toBe("approvedWithChanges");
    expect(outcomeOf("Nämnden bifaller förvaltningens förslag.", { decisionProcess: "Ordföranden ställer proposition på tilläggsyrkandet och finner att det avslagits." })).toBe("approved");
  });

  it("is approved when the decision restates the proposal, and follows the side that won the vote", () => {
    expect(outcomeOf("Skolan organiseras som F-3 skola.", { proposal: "Skolan organiseras som F-3 skola." })).toBe("approved");
    const vote: Vote = { yes: 3, no: 6, abstain: 0, absent: null, ballots: [], text: "", yesMeans: "bifall till förslaget", noMeans: "bifall till Anna Bergs avslagsyrkande" };
    expect(outcomeOf("Skolan organiseras som F-3 skola.", { votes: [vote] })).toBe("rejected");
  });

  it("says so in a diagnostic instead of guessing", () => {
    const reading = itemOutcome(withDecision("Inga anmälningar förekom."));
    expect(reading.outcome).toBe("other");
    expect(reading.diagnostics).toEqual([expect.objectContaining({ code: "OUTCOME_UNCLEAR", severity: "info", page: 1 })]);
    expect(itemOutcome(withDecision("Nämnden godkänner planen och avslår ansökan.")).outcome).toBe("other");
  });

  it("is set on every item of a parsed protokoll", () => {
    const document = parseText("PROTOKOLL\n\n§ 1 Budget\nBeslut\nBudgeten antas.\n\n§ 2 Motion om cykelvägar\nBeslut\nMotionen avslås.");
    expect(document.items.map((i) => i.outcome)).toEqual(["approved", "answered"]);
  });
});
