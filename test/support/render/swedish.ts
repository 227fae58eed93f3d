/** Swedish spellings of dates, times, § designations and attendee entries. */
import type { Participant, Role } from "../../../src/schema/index.js";

export const MONTHS = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
] as const;
export const WEEKDAYS = ["söndagen", "måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen"] as const;

export type DateStyle = "iso" | "long" | "weekday" | "finnish";

/** "2025-03-07", "7 mars 2025", "fredagen den 7 mars 2025" or, in Finland, "7.3.2025". */
export function formatDate(iso: string, style: DateStyle): string {
  if (style === "iso") return iso;
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  if (style === "finnish") return `${day}.${month}.${year}`;
  const long = `${day} ${MONTHS[month - 1]} ${year}`;
  if (style === "long") return long;
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} den ${long}`;
}

/** "13:00" as printed: "13:00" or "13.00" (the record always has the colon). */
export function formatTime(time: string, separator: ":" | "."): string {
  return time.replace(":", separator);
}

/** "kl. 13.00–16.00", or only the start when the end is not stated. */
export function formatTimeSpan(start: string | null, end: string | null, separator: ":" | "."): string | null {
  if (!start) return null;
  return end
    ? `kl. ${formatTime(start, separator)}–${formatTime(end, separator)}`
    : `kl. ${formatTime(start, separator)}`;
}

/** "§ 9", "§§ 11–12": consecutive runs become ranges. */
export function formatParagraphSet(paragraphs: number[], compact: boolean): string {
  const sorted = [...new Set(paragraphs)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === p - 1) last[1] = p;
    else runs.push([p, p]);
  }
  const gap = compact ? "" : " ";
  return runs.map(([a, b]) => (a === b ? `§${gap}${a}` : `§§${gap}${a}–${b}`)).join(", ");
}

const ROLE_WORDS: Partial<Record<Role, string>> = {
  chair: "ordförande",
  viceChair: "vice ordförande",
  firstViceChair: "1:e vice ordförande",
  secondViceChair: "2:e vice ordförande",
};

/** Roles an attendance entry prints; secretary and adjuster come from the signature and justering lines. */
export function printedRoles(participant: Participant): string[] {
  return participant.roles.flatMap((role) => (ROLE_WORDS[role] ? [ROLE_WORDS[role]!] : []));
}

export type EntryStyle = "comma" | "parens";

/**
 * One attendance entry: "Marie Lund (M), vice ordförande, § 19" or, in the
 * regional style, "Marie Lund (M) (vice ordförande) (Region JH) §19".
 */
export function formatEntry(p: Participant, style: EntryStyle, replacesWord = "ersättare för"): string {
  const parts: string[] = [p.party ? `${p.name} (${p.party})` : p.name];
  const extras = [...printedRoles(p)];
  if (p.title) extras.push(p.title);
  if (p.replaces) extras.push(`${replacesWord} ${p.replaces}`);
  if (style === "comma") {
    if (p.affiliation) parts[0] += ` (${p.affiliation})`;
    parts.push(...extras);
    if (p.paragraphs) parts.push(formatParagraphSet(p.paragraphs, false));
    return parts.join(", ");
  }
  const paren = extras.filter((e) => e !== p.title).map((e) => `(${e})`);
  const head = p.title ? `${parts[0]}, ${p.title}` : parts[0];
  const affiliation = p.affiliation ? ` (${p.affiliation})` : "";
  const limit = p.paragraphs ? ` ${formatParagraphSet(p.paragraphs, true)}` : "";
  return `${head}${paren.length ? " " + paren.join(" ") : ""}${affiliation}${limit}`;
}

/** "Anna Berg (S)", the way motions and reservations name people. */
export function nameWithParty(name: string, party: string | null): string {
  return party ? `${name} (${party})` : name;
}

/** "A", "A och B", "A, B och C". */
export function listWithOch(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
}

/** "Haverinen Emilia" (as an attendance list prints it, surname first) -> "Emilia Haverinen" (as a signature does). */
export function firstNameFirst(name: string): string {
  const words = name.split(" ");
  return [...words.slice(1), words[0]!].join(" ");
}

/** "Kommunstyrelsen" -> "Kommunstyrelsens", "Kommunfullmäktige" -> "Kommunfullmäktiges". */
export function genitive(body: string): string {
  return /[sxz]$/.test(body) ? body : `${body}s`;
}
