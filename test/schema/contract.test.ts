/**
 * The record contract and its examples cannot drift apart: every gold record
 * of the shared evaluation set validates against the zod schema and the
 * published JSON Schema, and the committed JSON Schema is the one zod generates.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { DocumentSchema, documentJsonSchema } from "../../src/schema/index.js";
import { expectGolden } from "../support/golden.js";
import { HAS_SHARED, sharedPath } from "../support/shared.js";

const goldDirs = HAS_SHARED ? ["gold", "dev", "real"].map((dir) => sharedPath("eval", dir)) : [];
const goldFiles = goldDirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ name: f, url: join(dir, f) })),
);
const schemaPath = fileURLToPath(new URL("../../schema/document.schema.json", import.meta.url));

/** Gold files carry scorer hints under keys starting with "_"; they are not part of the record. */
function withoutPrivateKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith("_")));
}

describe("record contract", () => {
  it.skipIf(!HAS_SHARED)("finds the shared gold records", () => {
    expect(goldFiles.length).toBeGreaterThanOrEqual(7);
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(documentJsonSchema());

  for (const { name, url } of goldFiles) {
    it(`gold ${name} validates against the zod schema and the JSON Schema`, () => {
      const record = withoutPrivateKeys(JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>);
      const zod = DocumentSchema.safeParse(record);
      expect(zod.success ? [] : zod.error.issues).toEqual([]);
      expect(validate(record) ? [] : validate.errors).toEqual([]);
    });
  }

  it.skipIf(!HAS_SHARED)("rejects a record that breaks the contract", () => {
    const [first] = goldFiles;
    const record = withoutPrivateKeys(JSON.parse(readFileSync(first!.url, "utf8")) as Record<string, unknown>);
    const broken = { ...record, kind: "minutes", meeting: { date: "7 mars 2025", startTime: "1pm", endTime: null, place: "" } };
    expect(DocumentSchema.safeParse(broken).success).toBe(false);
    expect(validate(broken)).toBe(false);
  });

  it("the committed schema/document.schema.json is the one the zod schemas generate (UPDATE=1 rewrites it)", () => {
    expectGolden(schemaPath, JSON.stringify(documentJsonSchema(), null, 2) + "\n");
  });
});
