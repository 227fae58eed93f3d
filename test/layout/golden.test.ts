import { describe, it } from "vitest";
import { extractText } from "../../src/pdf/index.js";
import { layoutPages, layoutText } from "../../src/layout/index.js";
import { expectGolden } from "../support/golden.js";
import { formatLayout } from "./format.js";
import { DEV_PDFS, HAS_SHARED, SEEDS, devPdf, seedText } from "./fixtures.js";

const golden = (name: string): string => new URL(`../golden/layout/${name}.lines.txt`, import.meta.url).pathname;

describe.skipIf(!HAS_SHARED)("layout goldens", () => {
  for (const name of DEV_PDFS) {
    it(`dev PDF ${name}`, async () => {
      const layout = layoutPages(await extractText(devPdf(name)));
      expectGolden(golden(name), formatLayout(name, layout));
    });
  }
  for (const name of SEEDS) {
    it(`seed ${name}`, () => {
      expectGolden(golden(name), formatLayout(name, layoutText(seedText(name))));
    });
  }
});

