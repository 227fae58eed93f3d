/** docs/cli.md lists the CSV tables' columns; they must be those export writes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TABLES } from "../../src/cli/export.js";

const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");

describe("docs/cli.md", () => {
  it("lists every CSV table with the columns export writes, in order", () => {
    const listed = Object.fromEntries(
      [...doc.matchAll(/^\| `(\w+)\.csv` \| [^|]+ \| `([^`]+)` \|$/gm)].map((m) => [m[1]!, m[2]!.split(", ")]),
    );
    expect(listed).toEqual(Object.fromEntries(Object.entries(TABLES).map(([name, columns]) => [name, columns.map(([c]) => c)])));
  });
});
