import { describe, expect, it } from "vitest";
import { words } from "../../src/records/words.js";

describe("words()", () => {
  it("puts word boundaries around Swedish letters, unlike \\b", () => {
    expect(/\bär/iu.test("Märta")).toBe(true);
    expect(words(String.raw`\bär\b`).test("Märta Haddad")).toBe(false);
    expect(words(String.raw`\bär\b`).test("Hon är jävig")).toBe(true);
    expect(words(String.raw`\bjäv\b`).test("på grund av jäv.")).toBe(true);
    expect(words(String.raw`\bjäv\b`).test("jävig")).toBe(false);
  });
});
