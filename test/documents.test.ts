/**
 * Golden tests: every seed text and dev PDF, parsed end to end, against the
 * expected record beside it in test/golden/documents/ (UPDATE=1 rewrites them).
 * A changed golden is a reviewed change of behaviour.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DocumentSchema, parsePdf, parseText } from "../src/index.js";
import { expectGolden, goldenJson } from "./support/golden.js";
import { HAS_SHARED, SHARED_DIR } from "./support/shared.js";

const shared = SHARED_DIR;
const goldens = fileURLToPath(new URL("./golden/documents/", import.meta.url));
const listed = (dir: string, extension: string) => (HAS_SHARED ? readdirSync(join(shared, dir)).filter((f) => f.endsWith(extension)) : []);
const seeds = listed("seeds", ".txt");
const devPdfs = listed("eval/dev", ".pdf");

describe.skipIf(!HAS_SHARED)("golden documents", () => {
  it("finds the seeds and the dev PDFs", () => {
    expect(seeds.length).toBeGreaterThan(0);
    expect(devPdfs.length).toBeGreaterThan(0);
  });

  for (const file of seeds) {
    it(`seed ${file} (text input)`, () => {
      const document = parseText(readFileSync(join(shared, "seeds", file), "utf8"));
      expect(DocumentSchema.safeParse(document).success).toBe(true);
      expectGolden(join(goldens, `${basename(file, ".txt")}.json`), goldenJson(document));
    });
  }

  for (const file of devPdfs) {
    it(`dev ${file} (PDF input)`, async () => {
      const document = await parsePdf(readFileSync(join(shared, "eval/dev", file)));
      expect(document.source.textSource).toBe("pdf");
      expect(document.parseStatus).toBe("complete");
      expectGolden(join(goldens, `${basename(file, ".pdf")}.json`), goldenJson(document));
    });
  }
});
