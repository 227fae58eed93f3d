import { generateCstDts } from "chevrotain";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { documentParser } from "../../grammars/index.js";
import { expectGolden } from "../support/golden.js";

describe("grammars/cst.d.ts", () => {
  it("is the CST type declaration Chevrotain generates from the grammar (UPDATE=1 rewrites it)", () => {
    const dts = generateCstDts(documentParser().getGAstProductions());
    expectGolden(fileURLToPath(new URL("../../grammars/cst.d.ts", import.meta.url)), dts);
  });
});
