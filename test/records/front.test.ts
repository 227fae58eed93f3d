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
});
