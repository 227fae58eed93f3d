/**
 * The committed fixtures are exactly what the renderer makes today: regenerate
 * in memory and compare bytes. `npm run fixtures` rewrites them (it runs this
 * file with PROTOKOLL_WRITE_FIXTURES=1), so a renderer change ships with its
 * fixtures in the same commit.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DocumentSchema, type DocumentRecord } from "../src/schema/index.js";
import { renderPdf, renderText } from "./support/render/index.js";
import { FIXTURES } from "./fixtures.set.js";

const DIR = join(import.meta.dirname, "..", "fixtures");
const writing = process.env.PROTOKOLL_WRITE_FIXTURES === "1";

interface FixtureFile {
  name: string;
  bytes: Uint8Array;
}

async function build(name: string, doc: DocumentRecord, template: Parameters<typeof renderPdf>[1]): Promise<FixtureFile[]> {
  const { pdf, expected } = await renderPdf(doc, template);
  expected.source.sha256 = createHash("sha256").update(pdf).digest("hex");
  DocumentSchema.parse(expected);
  const { text } = renderText(doc, template);
  const encode = (s: string) => new TextEncoder().encode(s);
  return [
    { name: `${name}.pdf`, bytes: pdf },
    { name: `${name}.json`, bytes: encode(`${JSON.stringify(expected, null, 2)}\n`) },
    { name: `${name}.txt`, bytes: encode(text) },
  ];
}

describe("committed fixtures", () => {
  for (const fixture of FIXTURES) {
    test(`${fixture.name} is up to date`, async () => {
      const files = await build(fixture.name, fixture.document(), fixture.template);
      for (const file of files) {
        const path = join(DIR, file.name);
        if (writing) {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(path, file.bytes);
          continue;
        }
        expect(existsSync(path), `${path} is missing: run npm run fixtures`).toBe(true);
        const same = Buffer.from(readFileSync(path)).equals(Buffer.from(file.bytes));
        expect(same, `${path} is out of date: run npm run fixtures and commit the result`).toBe(true);
      }
    });
  }

  test("rendering is deterministic", async () => {
    const [fixture] = FIXTURES;
    const a = await renderPdf(fixture!.document(), fixture!.template);
    const b = await renderPdf(fixture!.document(), fixture!.template);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });
});
