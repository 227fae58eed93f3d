/**
 * Greedy line breaking with font metrics, with hyphenation at wrap points the
 * way word processors do it ("medborgar-" / "förslaget"): the parser must undo
 * exactly these hyphens and no others.
 */
import { textWidth, type Face } from "./metrics.js";

export interface WrapOptions {
  width: number;
  face: Face;
  size: number;
  /** Split long lower-case words at the line end with a hyphen. */
  hyphenate: boolean;
}

/** Only plain lower-case words are split: a split name or "LSS-insatser" could not be told from a real hyphen. */
const SPLITTABLE = /^[a-zåäöé]{8,}[.,]?$/;
const MIN_PART = 3;
/** Hyphenate only when the line would otherwise be filled to less than this share of its width. */
const HYPHENATION_ZONE = 0.9;

export function wrapText(text: string, options: WrapOptions): string[] {
  const fits = (s: string) => textWidth(s, options.face, options.size) <= options.width;
  const shortLine = (s: string) => textWidth(s, options.face, options.size) < options.width * HYPHENATION_ZONE;
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    const split = options.hyphenate ? splitWord(current, word, fits, shortLine) : null;
    if (split) {
      lines.push(split.head);
      current = split.tail;
    } else {
      if (current) lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

const VOWEL = /[aeiouyåäöé]/;

/** Between two consonants with a vowel on each side: "kommun-styrelsen", "decem-ber", "trygg-hetsboenden". */
function syllableBoundary(word: string, cut: number): boolean {
  const [before, after] = [word[cut - 1]!, word[cut]!];
  return !VOWEL.test(before) && !VOWEL.test(after) && VOWEL.test(word.slice(0, cut)) && VOWEL.test(word.slice(cut));
}

/**
 * The longest head of `word` that still fits on the current line with its
 * hyphen, split at a syllable boundary, and only when the line would otherwise
 * be left short (as a word processor's hyphenation zone does).
 */
function splitWord(
  current: string,
  word: string,
  fits: (s: string) => boolean,
  shortLine: (s: string) => boolean,
): { head: string; tail: string } | null {
  if (!current || !SPLITTABLE.test(word) || !shortLine(current)) return null;
  const letters = word.replace(/[.,]$/, "").length;
  for (let cut = letters - MIN_PART; cut >= MIN_PART; cut--) {
    const head = `${current} ${word.slice(0, cut)}-`;
    if (syllableBoundary(word, cut) && fits(head)) return { head, tail: word.slice(cut) };
  }
  return null;
}
