/**
 * Character-level clean-up shared by the PDF and the text path, so that both
 * produce the same line text for the same content.
 */

const LIGATURES: Record<string, string> = {
  "\uFB00": "ff",
  "\uFB01": "fi",
  "\uFB02": "fl",
  "\uFB03": "ffi",
  "\uFB04": "ffl",
  "\uFB05": "st",
  "\uFB06": "st",
};

// Symbol and Wingdings bullets come out of pdf.js as private-use code points.
const PRIVATE_BULLETS = /[\uF0B7\uF0A7\uF0D8\uF076\uF0FC\uF06E\uF0A8]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const SPECIAL = new RegExp(`[\uFB00-\uFB06]|${PRIVATE_BULLETS.source}|${INVISIBLE.source}|${ODD_SPACES.source}`);
// Five or more single letters separated by single spaces: text set with letter spacing
// ("K a l l e l s e"), which extraction returns with a space after every glyph.
const LETTER_SPACED = /(?<![\p{L}\p{N}])\p{L}(?: [\p{L}/-]){4,}(?![\p{L}\p{N}])/gu;

/** NFC, ligatures unfolded, invisible characters removed, odd spaces folded, trimmed. */
export function cleanText(raw: string): string {
  // Most text has none of the characters the first four passes look for: one scan tells.
  return (SPECIAL.test(raw) ? unfoldSpecials(raw) : raw)
    .normalize("NFC")
    .replace(/ {2,}/g, " ")
    .replace(LETTER_SPACED, (run) => run.replace(/ /g, ""))
    .trim();
}

function unfoldSpecials(raw: string): string {
  return raw
    .replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(PRIVATE_BULLETS, "•")
    .replace(INVISIBLE, "")
    .replace(ODD_SPACES, " ");
}

/** The raw line ended in a soft hyphen: the producer marked a word broken at the wrap. */
export function endsWithSoftHyphen(raw: string): boolean {
  return raw.includes("\u00AD") && SOFT_HYPHEN_AT_END.test(raw);
}
const SOFT_HYPHEN_AT_END = /\u00AD\s*$/;

// Words that follow an elided compound ("energi- och klimatrådgivning", "vård- eller omsorg").
const ELISION_FOLLOWERS = /^(och|eller|samt|resp\.?|respektive|till|som|&)(?![\p{L}])/iu;

export type WrapJoin = "none" | "dropHyphen" | "keepHyphen";

// (?<!\S): the last word is read from its start only; tried from every character of a long word
// before a final " -", `\S+` would scan the word again each time.
const WRAP_HEAD = /(?<!\S)(\S+)[-\u2010]$/u;

/**
 * How a line ending in `text` continues into `next` when they follow each
 * other in one flow. Only a hyphen right after a letter and before a word that
 * goes on in lower case is a wrap; a hyphen after an acronym or a digit
 * ("LSS-" / "insatser", "2026-" / "2034") was there before the wrap and stays.
 */
export function wrapJoin(text: string, next: string, softHyphen: boolean): WrapJoin {
  if (softHyphen) return "dropHyphen";
  // Most lines do not end in a hyphen: say so before the regular expression scans the line.
  if (!text.endsWith("-") && !text.endsWith("\u2010")) return "none";
  const head = WRAP_HEAD.exec(text);
  if (!head?.[1] || !/^\p{Ll}/u.test(next) || ELISION_FOLLOWERS.test(next)) return "none";
  const word = head[1];
  if (/\d$/.test(word)) return "keepHyphen";
  if (!/\p{L}$/u.test(word)) return "none";
  // An acronym, or a word already hyphenated once ("Hjemgaard-Svensson-"): a real hyphen.
  if (/(^|[^\p{L}])\p{Lu}{2,}$/u.test(word) || word.includes("-")) return "keepHyphen";
  return "dropHyphen";
}
