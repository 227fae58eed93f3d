/**
 * What is read from an item's texts rather than printed as a field: how it
 * ended (outcome) and who moved or reserved with which party. A generated
 * protokoll gets decisions phrased for a known outcome, in the words municipal
 * minutes use (written here, apart from the vocabulary that reads them), with
 * the body's own name; rendered and parsed, each item must end as it was written.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseText } from "../../src/index.js";
import type { DocumentRecord as Document, Outcome } from "../../src/schema/index.js";
import { documentArb } from "../support/arbitraries.js";
import { renderText, TEXT_TEMPLATE_NAMES as TEMPLATE_NAMES } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "./settings.js";

const OBJECTS = ["förvaltningens förslag", "arbetsutskottets förslag", "planen", "riktlinjerna", "budgetramen", "rapporten"] as const;
const PHRASES: Record<Exclude<Outcome, "other">, Array<(body: string, object: string) => string>> = {
  approved: [
    (b, o) => `${b} godkänner ${o}.`,
    (b, o) => `${b} beslutar i enlighet med ${o.startsWith("förvalt") || o.startsWith("arbets") ? o : "förslaget"}.`,
    (b, o) => `${b} antar ${o} att gälla från och med nästa år.`,
    (_b, o) => `${o[0]!.toUpperCase()}${o.slice(1)} fastställs.`,
  ],
  approvedWithChanges: [(b, o) => `${b} godkänner ${o} med tillägg att en uppföljning ska redovisas.`, (b, o) => `${b} antar ${o} med den ändringen att datumet flyttas.`],
  rejected: [(b) => `${b} avslår ansökan.`, () => "Begäran om tilläggsanslag avslås.", (b) => `${b} beslutar att avslå framställan.`],
  answered: [() => "Motionen anses besvarad.", (b) => `${b} avslår motionen.`, () => "Medborgarförslaget anses besvarat med hänvisning till pågående arbete."],
  referredBack: [() => "Ärendet återremitteras till förvaltningen.", (b) => `${b} beslutar att återremittera ärendet för vidare beredning.`],
  tabled: [() => "Ärendet bordläggs till nästa sammanträde.", (b) => `${b} beslutar att bordlägga ärendet.`],
  noted: [() => "Informationen läggs till handlingarna.", (b) => `${b} tar del av informationen.`, () => "Rapporten noteras."],
  elected: [() => "Till ny ersättare väljs Lars Holm.", () => "Anna Lund entledigas från sitt uppdrag som ledamot."],
  withdrawn: [() => "Ärendet utgår från dagordningen."],
};
const OUTCOMES = Object.keys(PHRASES) as Array<keyof typeof PHRASES>;

const decidedArb = fc
  .tuple(
    documentArb({ kinds: ["protokoll", "protokollsutdrag"], maxItems: 4 }),
    fc.array(fc.tuple(fc.constantFrom(...OUTCOMES), fc.nat(), fc.constantFrom(...OBJECTS)), { minLength: 4, maxLength: 4 }),
  )
  .map(([doc, picks]): [Document, Outcome[]] => {
    const outcomes: Outcome[] = [];
    const items = doc.items.map((item, i) => {
      const [outcome, which, object] = picks[i]!;
      const phrases = PHRASES[outcome];
      outcomes.push(outcome);
      // The decision alone says how the item ended: no motions or votes that could say otherwise.
      return { ...item, decision: phrases[which % phrases.length]!(doc.body ?? "Nämnden", object), motions: [], vote: null, reservations: [] };
    });
    return [{ ...doc, items }, outcomes];
  });

describe("decisions round-trip", () => {
  test(
    "each item ends as its decision was written",
    () => {
      fc.assert(
        fc.property(decidedArb, fc.constantFrom(...TEMPLATE_NAMES), ([doc, outcomes], template) => {
          const parsed = parseText(renderText(doc, template).text);
          expect(parsed.items.map((i) => i.outcome)).toEqual(outcomes);
        }),
        propertyParameters(100),
      );
    },
    timeoutFor(50, 100),
  );

  test(
    "motions and reservations name their people with the party of the attendance list",
    () => {
      fc.assert(
        fc.property(documentArb({ kinds: ["protokoll", "protokollsutdrag"], maxItems: 3 }), fc.constantFrom(...TEMPLATE_NAMES), (doc, template) => {
          const parsed = parseText(renderText(doc, template).text);
          const party = new Map(doc.participants.map((p) => [p.name, p.party]));
          parsed.items.forEach((item) => {
            for (const statement of [...item.motions, ...item.reservations]) {
              expect(statement.people).toEqual(statement.by.map((name) => ({ name, party: party.get(name) ?? null })));
            }
          });
        }),
        propertyParameters(100),
      );
    },
    timeoutFor(50, 100),
  );
});
