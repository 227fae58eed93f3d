/**
 * A file that holds several meetings (issue #13: archives concatenate them):
 * every § or agenda item of every meeting is kept, in order, also where the second
 * meeting numbers its §§ exactly like the first; split into one document per
 * meeting, each has its own §§, organ and date, and says where it starts.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parsePdf, parsePdfMeetings, parseText, parseTextMeetings, type DocumentRecord as Document } from "../../src/index.js";
import { documentArb } from "../support/arbitraries.js";
import { TEMPLATE_NAMES, TEXT_TEMPLATE_NAMES, renderMeetingsPdf, renderMeetingsText, type MeetingsOptions, type TemplateName } from "../support/render/index.js";
import { propertyParameters, timeoutFor } from "./settings.js";

/**
 * Two meeting documents (protokoll, kallelse, utdrag); where both have §§ the second may number them like the first.
 * The second may follow mid-page, under the first one's end, and, where it is a protokoll whose §§ start again and
 * whose head block states who attended, without its document name.
 */
const twoMeetingsArb = (templates: readonly TemplateName[]) => fc
  .tuple(documentArb({ kinds: ["protokoll", "kallelse", "protokollsutdrag"], maxItems: 3 }), documentArb({ kinds: ["protokoll", "kallelse", "protokollsutdrag"], maxItems: 3 }), fc.boolean(), fc.constantFrom(...templates), fc.boolean(), fc.boolean())
  .map(([first, second, repeat, template, midPage, nameless]): [Document[], TemplateName, MeetingsOptions] => {
    if (repeat && first.items[0]!.paragraph !== null && second.items.every((item) => item.paragraph !== null)) {
      const start = first.items[0]!.paragraph!;
      second.items.forEach((item, i) => (item.paragraph = start + i));
      second.paragraphsCovered = second.items.map((item) => item.paragraph!);
      for (const person of second.participants) person.paragraphs = null;
    }
    const numbers = (doc: Document) => doc.items.map((item) => item.paragraph ?? item.number ?? Infinity);
    const restarts = Math.min(...numbers(second)) <= Math.max(...numbers(first));
    const attended = second.participants.some((person) => person.group === "member");
    return [[first, second], template, { midPage, nameless: nameless && second.kind === "protokoll" && restarts && attended }];
  });

/**
 * The §§ (agenda numbers on a kallelse) in order. Titles are not compared: in text input the second meeting's
 * running header is found as furniture only where it recurs often enough, and
 * may otherwise run into a title set on a new page (a furniture matter, in the
 * README's limitations); that the title is read is the round trip's business.
 */
const headings = (docs: Document[]) => docs.flatMap((doc) => doc.items.map((item) => item.paragraph ?? item.number));

/** Each meeting read back on its own: its §§, organ and date, and where it starts. */
function expectMeetings(parsed: Document[], docs: Document[], { midPage }: MeetingsOptions): void {
  expect(parsed.map((doc) => headings([doc]))).toEqual(docs.map((doc) => headings([doc])));
  expect(parsed.map((doc) => [doc.body, doc.meeting.date])).toEqual(docs.map((doc) => [doc.body, doc.meeting.date]));
  const starts = parsed.map((doc) => doc.diagnostics.find((d) => d.code === "SEVERAL_MEETINGS")?.page);
  expect(starts[0]).toBe(1);
  // Printed mid-page, the second meeting starts on the page where the first one ends.
  expect(starts[1]).toBeGreaterThanOrEqual(Math.max(...parsed[0]!.items.map((item) => item.pages.to)) + (midPage ? 0 : 1));
  expect(starts[1]).toBeLessThanOrEqual(Math.min(...parsed[1]!.items.map((item) => item.pages.from)));
}

describe("a file holding two meetings", () => {
  test(
    "keeps every § of both meetings as text, and splits them",
    () => {
      fc.assert(
        fc.property(twoMeetingsArb(TEXT_TEMPLATE_NAMES), ([docs, template, options]) => {
          const text = renderMeetingsText(docs, template, options);
          const parsed = parseText(text);
          expect(headings([parsed])).toEqual(headings(docs));
          expect(parsed.diagnostics.filter((d) => d.code === "SEVERAL_MEETINGS")).toHaveLength(2);
          expectMeetings(parseTextMeetings(text), docs, options);
        }),
        propertyParameters(),
      );
    },
    timeoutFor(100),
  );

  test(
    "keeps every § of both meetings as a PDF, and splits them",
    async () => {
      await fc.assert(
        fc.asyncProperty(twoMeetingsArb(TEMPLATE_NAMES), async ([docs, template, options]) => {
          const pdf = await renderMeetingsPdf(docs, template, options);
          const parsed = await parsePdf(pdf.slice());
          expect(headings([parsed])).toEqual(headings(docs));
          expectMeetings(await parsePdfMeetings(pdf), docs, options);
        }),
        propertyParameters(Math.min(60, Number(process.env.PROTOKOLL_PROPERTY_RUNS ?? 60))),
      );
    },
    timeoutFor(400, 60),
  );
});
