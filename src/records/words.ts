/**
 * Word boundaries that know Swedish letters. JavaScript's `\b` counts only
 * ASCII letters as word characters, even with the `u` flag, so `/\bär/` matches
 * inside "Märta" and `/jäv\b/` fails at "jäv." ... `words()` compiles a pattern
 * whose `\b` means a boundary between a letter or digit and anything else.
 */
const BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;

const compiled = new Map<string, RegExp>();

/** Compiled once per pattern: builders call this in loops over lines. */
export function words(source: string, flags = "iu"): RegExp {
  const key = `${flags}/${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(source.replace(/\\b/g, BOUNDARY), flags.includes("u") ? flags : `${flags}u`);
    compiled.set(key, pattern);
  }
  return pattern;
}
