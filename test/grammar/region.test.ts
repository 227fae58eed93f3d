/** Region and fullmäktige protokoll (Ciceron/Platina/Meetings+ output): tokens of the lines under a § heading. */
import { describe, expect, it } from "vitest";
import { tokenizeLines } from "../../grammars/classify.js";
import { line } from "../support/lines.js";

const names = (input: ReturnType<typeof line>[]) => tokenizeLines(input).map((t) => t.tokenType.name);

describe("under a § heading", () => {
  it("takes a bare diarienummer under a title that wrapped onto a second bold line", () => {
    const input = [
      line("PROTOKOLL", { bold: true }),
      line("§ 47 Svar på motion om tandvård för", { bold: true, breakBefore: true }),
      line("unga vuxna", { bold: true }),
      line("RS 2023-00561"),
      line("Beslut", { bold: true, breakBefore: true }),
      line("Motionen avslås."),
    ];
    expect(names(input).slice(1, 4)).toEqual(["ParagraphHeading", "TextLine", "CaseNumberLine"]);
  });

  it("keeps a plain line after the title as text, so a diarienummer below it is a reference", () => {
    const input = [
      line("PROTOKOLL", { bold: true }),
      line("§ 47 Svar på motion", { bold: true, breakBefore: true }),
      line("Se tidigare ärende", { breakBefore: true }),
      line("RS 2023-00561"),
    ];
    expect(names(input).slice(1)).toEqual(["ParagraphHeading", "TextLine", "TextLine"]);
  });

  it("reads the first line under Beslutsunderlag as an entry, though it names an earlier decision set apart", () => {
    const input = [
      line("PROTOKOLL", { bold: true }),
      line("§ 46 Budget 2025", { bold: true, breakBefore: true }),
      line("Beslutsunderlag", { bold: true, breakBefore: true }),
      line("Regionstyrelsens beslut 2024-02-27 § 31", { breakBefore: true }),
      line("Tjänsteutlåtande 2024-02-12"),
    ];
    expect(names(input).slice(2)).toEqual(["BasisHeading", "TextLine", "TextLine"]);
  });
});
