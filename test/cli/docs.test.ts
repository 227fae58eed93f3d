/** docs/cli.md lists the CSV tables' columns; they must be those export and link write. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TABLES } from "../../src/cli/export.js";
import { LINK_TABLES } from "../../src/cli/link.js";

const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");

describe("docs/cli.md", () => {
  it("lists every CSV table with the columns export and link write, in order", () => {
    const listed = Object.fromEntries(
      [...doc.matchAll(/^\| `(\w+)\.csv` \| [^|]+ \| `([^`]+)` \|$/gm)].map((m) => [m[1]!, m[2]!.split(", ")]),
    );
    expect(listed).toEqual(Object.fromEntries(Object.entries({ ...TABLES, ...LINK_TABLES }).map(([name, columns]) => [name, columns.map(([c]) => c)])));
  });
});
