/**
 * Dates and times as the contract wants them: ISO dates ("2025-03-07") and
 * zero-padded 24 h times ("13:15"), read from the many Swedish spellings.
 */
// One module per function: the package's index loads all of date-fns, and "date-fns/locale" every locale.
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { sv } from "date-fns/locale/sv";
import { vocabulary } from "../../grammars/index.js";

const { ANY_DATE, TIME_SPAN } = vocabulary;

/** date-fns patterns tried in turn on a date found in the text (weekday already dropped). */
const DATE_FORMATS = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d.M.yyyy", "d/M yyyy", "d/M/yyyy"] as const;
const REFERENCE = new Date(2000, 0, 1);

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** The first date in a text, as ISO 8601; null when there is none or it is not a real date. */
export function findDate(text: string): FoundDate | null {
  const match = ANY_DATE.exec(text);
  if (!match) return null;
  const groups = match.groups ?? {};
  const candidate = groups.iso
    ? groups.iso
    : groups.s_day
      ? `${groups.s_day} ${groups.s_month!.replace(/\.$/, "").toLowerCase()} ${groups.s_year}`
      : `${groups.d}.${groups.m}.${groups.y}`;
  for (const pattern of DATE_FORMATS) {
    const date = parse(candidate, pattern, REFERENCE, { locale: sv });
    if (isValid(date) && date.getFullYear() > 1900) {
      return { iso: format(date, "yyyy-MM-dd"), index: match.index, length: match[0].length };
    }
  }
  return null;
}

export interface FoundTimes {
  start: string;
  end: string | null;
  index: number;
  length: number;
}

/** The first time or time span ("kl. 13.15–16.00") in a text. */
export function findTimes(text: string): FoundTimes | null {
  const match = TIME_SPAN.exec(text);
  if (!match?.groups?.start) return null;
  return {
    start: clock(match.groups.start),
    end: match.groups.end ? clock(match.groups.end) : null,
    index: match.index,
    length: match[0].length,
  };
}

/** "9.00" -> "09:00", "13:15" -> "13:15". */
export function clock(text: string): string {
  const [hours = "0", minutes = "00"] = text.split(/[:.]/);
  return `${hours.padStart(2, "0")}:${minutes}`;
}
