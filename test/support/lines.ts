/** Layout lines made by hand, for unit tests of the grammar and the builder. */
import type { Line } from "../../src/layout/types.js";

export function line(text: string, features: Partial<Line> = {}): Line {
  return {
    page: 1,
    text,
    bbox: null,
    fontSize: null,
    bold: false,
    italic: false,
    indent: 0,
    label: null,
    continuesLabel: null,
    breakBefore: false,
    joinsNext: false,
    sourceItems: [],
    ...features,
  };
}

/** One line per non-empty text line; an empty line sets `breakBefore` on the next. */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let blank = false;
  for (const raw of text.split("\n")) {
    if (!raw.trim()) {
      blank = true;
      continue;
    }
    out.push(line(raw.trim(), { breakBefore: blank }));
    blank = false;
  }
  return out;
}
