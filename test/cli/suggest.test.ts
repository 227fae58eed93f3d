import { describe, expect, it } from "vitest";
import { closestOption, editDistance } from "../../src/cli/suggest.js";

const OPTIONS = ["--out", "--format", "--jobs", "--resume", "--force", "--fail-on", "--strict", "--quiet", "--verbose", "-o", "-q"];

describe("closestOption", () => {
  it("finds the option a typo meant", () => {
    expect(closestOption("--ouput", OPTIONS)).toBe("--out");
    expect(closestOption("--fromat", OPTIONS)).toBe("--format");
    expect(closestOption("--jbos", OPTIONS)).toBe("--jobs");
    expect(closestOption("--res", OPTIONS)).toBe("--resume");
    expect(closestOption("--verbos", OPTIONS)).toBe("--verbose");
  });

  it("suggests nothing for a word that is far from every option", () => {
    expect(closestOption("--xylophone", OPTIONS)).toBeNull();
    expect(closestOption("--bogus", OPTIONS)).toBeNull();
  });

  it("measures edits", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("prase", "parse")).toBe(1);
    expect(closestOption("prase", ["parse", "export", "schema"])).toBe("parse");
  });
});
