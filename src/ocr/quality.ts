/**
 * Is a page's text layer worth reading? Decided from the text alone, in one
 * pass over it: a page is `no-text` when it has no letters, `garbled` when
 * enough of its words carry the marks of a broken font mapping, else `ok`.
 *
 * The marks, each counted per word:
 * - characters no real text contains: U+FFFD (a glyph without a Unicode
 *   mapping) and private-use code points (a symbol font's own glyph ids);
 * - letter trigrams Swedish does not use ("förgdrggnnngslnsagn": a ToUnicode
 *   map that sends glyphs to the wrong letters);
 * - a common word with one letter of a ligature missing ("Ersätare",
 *   "underskrifer", "ungdomsfullmäktge": the ligature glyph maps to one letter).
 * Names are the clean text's rare trigrams ("Liljeqvist", "Lööf"), so a
 * capitalised word counts a quarter (an abbreviation not at all), and a page needs several marked words and a
 * share of them before it is called garbled: a clean text PDF must not be.
 */
import { LIGATURE_WORDS } from "./lexicon.js";
import { SWEDISH_TRIGRAMS, TRIGRAM_ALPHABET } from "./trigrams.js";

export type TextLayerQuality = "ok" | "no-text" | "garbled";

export interface PageQuality {
  quality: TextLayerQuality;
  /** Words of three letters or more that were judged. */
  words: number;
  /** Weighted count of words with a mark of garbling. */
  marked: number;
  /** Up to a few marked words, as they appear, for the diagnostic. */
  sample: string[];
}

/** A page with fewer marked words than this (weighted) is never garbled: one typo or odd name is not a broken font. */
const MIN_MARKED = 2.5;
/** ... nor with a smaller share of its words marked. Clean pages measure 0-2.5 % (names); garbled ones 5-55 %. */
const MIN_MARKED_SHARE = 0.045;
const SAMPLE_SIZE = 6;

const WORD = /[\p{L}\p{Co}\uFFFD]{3,}/gu;
const BROKEN_CHAR = /[\p{Co}\uFFFD]/u;
const LETTER = /\p{L}/u;

/**
 * The pages of one document. A broken font mapping belongs to a font, and a
 * document sets most pages in the same fonts: once one page is garbled beyond
 * doubt, every page of the document with a lowercase marked word is read as
 * garbled too (a lightly marked page such as "Ersätare ... underskrifer" is
 * broken the same way, it just has fewer of the affected letters).
 */
export function assessTextLayers(texts: readonly string[]): PageQuality[] {
  const pages = texts.map(assessTextLayer);
  if (!pages.some((p) => p.quality === "garbled")) return pages;
  return pages.map((p) => (p.quality === "ok" && p.marked >= 1 ? { ...p, quality: "garbled" } : p));
}

export function assessTextLayer(text: string): PageQuality {
  if (!LETTER.test(text)) return { quality: "no-text", words: 0, marked: 0, sample: [] };
  let words = 0;
  let marked = 0;
  const sample: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    words++;
    const mark = wordMark(word);
    if (mark === 0) continue;
    marked += mark;
    if (sample.length < SAMPLE_SIZE) sample.push(word);
  }
  const garbled = marked >= MIN_MARKED && marked >= MIN_MARKED_SHARE * words;
  return { quality: garbled ? "garbled" : "ok", words, marked, sample };
}

/**
 * 1 for a marked word, 0.25 for a marked capitalised word (a name: "Linnéa", "Strömgren"),
 * 0 for a clean one or an abbreviation in capitals ("KSAU", "HSN", "Dnr"), which no trigram model knows.
 */
function wordMark(word: string): number {
  if (BROKEN_CHAR.test(word)) return 1;
  if (ABBREVIATION.test(word)) return 0;
  const lower = word.toLowerCase();
  if (!hasForeignTrigram(lower) && !isLigatureLoss(lower)) return 0;
  return lower[0] === word[0] ? 1 : 0.25;
}

/** All capitals, or a capital and at most two more letters: an abbreviation, not a word. */
const ABBREVIATION = /^(?:\p{Lu}+|\p{Lu}\p{L}{0,2})$/u;

const SIZE = TRIGRAM_ALPHABET.length;
/** Trigram letter index by char code (the alphabet is all Latin-1); -1 for a letter outside the model. */
const LETTER_INDEX = new Int8Array(256).fill(-1);
[...TRIGRAM_ALPHABET].forEach((c, i) => (LETTER_INDEX[c.charCodeAt(0)] = i));
let trigramBits: Uint8Array | null = null;

function swedishTrigram(key: number): boolean {
  trigramBits ??= Uint8Array.from(atob(SWEDISH_TRIGRAMS), (c) => c.charCodeAt(0));
  return ((trigramBits[key >> 3] ?? 0) & (1 << (key & 7))) !== 0;
}

/** A trigram (word boundaries included) that Swedish words do not use. Words with letters outside the model are not judged. */
function hasForeignTrigram(lower: string): boolean {
  let a = 0;
  let b = 0;
  for (let i = -1; i <= lower.length; i++) {
    const code = i < 0 || i === lower.length ? 95 : lower.charCodeAt(i); // 95: "_", the word boundary
    const c = code < 256 ? (LETTER_INDEX[code] as number) : -1;
    if (c < 0) return false;
    if (i >= 1 && !swedishTrigram((a * SIZE + b) * SIZE + c)) return true;
    a = b;
    b = c;
  }
  return false;
}

/** Letter pairs that fonts set as one ligature glyph; the second letter is the one a broken mapping loses. */
const LIGATURE_PAIR = /(?<=t)[ti]|(?<=f)[tifl]/g;
/** Two-letter losses ("at", "et") are too short to tell. Words whose loss is itself a word ("rätta" -> "räta") are kept out of the lexicon. */
const MIN_LOSS_LENGTH = 3;
let losses: Set<string> | null = null;
/** The last three letters of every loss long enough to be a compound's tail: most words end otherwise and are settled at once. */
let tailEndings: Set<string> | null = null;

/** Every common word with one ligature letter dropped, when that is not itself a word. Built once, on first use. */
function ligatureLosses(): Set<string> {
  if (losses) return losses;
  const words = new Set(LIGATURE_WORDS);
  losses = new Set();
  tailEndings = new Set();
  for (const word of words) {
    for (const m of word.matchAll(LIGATURE_PAIR)) {
      const loss = word.slice(0, m.index) + word.slice(m.index + 1);
      if (loss.length < MIN_LOSS_LENGTH || words.has(loss)) continue;
      losses.add(loss);
      if (loss.length >= MIN_TAIL_LENGTH) tailEndings.add(loss.slice(-3));
    }
  }
  return losses;
}

/** A compound's last part is checked from this length: shorter tails end ordinary words ("offer" ends in "fer", "fler" less an l). */
const MIN_TAIL_LENGTH = 6;

/** The word, or its tail as the last part of a compound ("ungdomsfullmäktge"), is a common word missing a ligature letter. */
function isLigatureLoss(lower: string): boolean {
  const set = ligatureLosses();
  if (set.has(lower)) return true;
  if (lower.length <= MIN_TAIL_LENGTH || !tailEndings?.has(lower.slice(-3))) return false;
  for (let start = 1; lower.length - start >= MIN_TAIL_LENGTH; start++) {
    if (set.has(lower.slice(start))) return true;
  }
  return false;
}
