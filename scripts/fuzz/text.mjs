/**
 * Texts for parseText: lines the grammar keys on mixed with junk, real texts
 * with lines deleted, repeated and shuffled, and pathological shapes (one
 * character a megabyte long, many short lines, thousands of §§, form feeds).
 */
import { STRUCTURE_LINES } from "./structure-lines.mjs";

/** Units a long line is made of: each stresses a different rule (page numbers, names, §§, labels, dates). */
const UNITS = [
  "a", "A", " ", "1", "§", ".", "-", ":", "/", "(", ")", "å", "\t", "\u00a0", "\v", "\u2028", "\u00ad",
  "a ", "1 ", "§ ", "Aa", "Aa-", "1(", "1/", "a-", ". ", " \v", "Anna ", "Anna Berg ", "Anna Berg (S) ",
  "KS ", "Dnr ", "2025-", "sida 1 ", "Sida 1 av ", "kl 1", "13.00 ", "nämnd", "Nämnd", "s beslut ", "protokoll ",
  "Ordförande ", "justerare ", "§§ 1-2, ", "1 § ", "• ", "1) ", "x, ", "von ", "AaBb", "K a l l e l s e ",
];

const junk = (r, n) => Array.from({ length: n }, () => String.fromCharCode(r.pick([r.int(128), r.int(0x300), r.int(0x10000)]))).join("");

export const TEXT_GENERATORS = {
  /** Structure lines and junk, as the robustness property draws them. */
  structured(r) {
    const lines = [];
    for (let n = r.size(1, 400); n > 0; n--) {
      const kind = r.int(6);
      if (kind < 3) lines.push(r.pick(STRUCTURE_LINES));
      else if (kind < 5) lines.push(junk(r, r.int(60)));
      else lines.push(`${r.pick(STRUCTURE_LINES)} ${junk(r, r.int(30))}`);
    }
    return lines.join(r.pick(["\n", "\n", "\r\n", "\n\n"]));
  },
  /** A real text, its lines deleted, repeated, moved and broken by form feeds. */
  mutatedReal(r, texts) {
    const lines = r.pick(texts).split("\n");
    for (let k = r.size(1, 50); k > 0; k--) {
      const at = r.int(lines.length);
      switch (r.int(6)) {
        case 0: lines.splice(at, r.size(1, 20)); break;
        case 1: lines.splice(at, 0, ...lines.slice(at, at + r.size(1, 10)).concat(...Array(r.size(1, 20)).fill(lines[at] ?? ""))); break;
        case 2: lines.splice(r.int(lines.length), 0, ...lines.splice(at, r.size(1, 10))); break;
        case 3: lines.splice(at, 0, "\f"); break;
        case 4: lines.splice(at, 0, r.pick(STRUCTURE_LINES)); break;
        default: lines[at] = (lines[at] ?? "") + junk(r, r.int(20));
      }
    }
    return lines.join("\n");
  },
  /** One long line of one unit. */
  longLine(r) {
    const unit = r.pick(UNITS);
    return `${r.pick(["", "§ 1 ", "Dnr ", "Kommunstyrelsens ", "Protokoll ", "1. "])}${unit.repeat(Math.ceil(r.size(1_000, 1_000_000) / unit.length))}${r.pick(["", "!", ":", " 1(2)", " Sida 1 av 2"])}`;
  },
  /** Many short lines of one kind. */
  manyLines(r) {
    const line = r.pick([...STRUCTURE_LINES, ...UNITS]);
    return Array(r.size(1_000, 100_000)).fill(line).join(r.pick(["\n", "\n\f", "\n\n"]));
  },
  /** Thousands of §§ (rising numbers), each with sections. */
  manyItems(r) {
    const out = ["Protokoll", "Kommunstyrelsen"];
    for (let i = 1, n = r.size(10, 5_000); i <= n; i++) out.push(`§ ${i} Ärende ${i}`, "Dnr KS 2025/1", "Beslut", `Anna Berg (S) yrkar bifall ${i}.`);
    return out.join("\n");
  },
  /** Pages of form feeds with running headers and footers. */
  manyPages(r) {
    const page = ["Kommunstyrelsen", "Protokoll 2025-01-01", "", "Text på sidan.", "", "Sida 1 av 2", "Justerandes sign"].join("\n");
    return Array(r.size(10, 10_000)).fill(page).join("\f");
  },
  junk(r) {
    return junk(r, r.size(1, 100_000));
  },
};

export function generateText(r, texts) {
  const name = r.pick(Object.keys(TEXT_GENERATORS));
  const text = TEXT_GENERATORS[name](r, texts);
  return { text, description: `text ${name} (${text.length} chars)` };
}
