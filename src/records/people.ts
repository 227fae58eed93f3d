/**
 * People: attendee entries of the front page ("Katarina Nyberg Finn (S)
 * (ordförande) (Region JH)") and the names in sentences ("Anna Frisk och Jan
 * Persson föredrar ärendet", "Marie Lund (M) yrkar avslag").
 */
import { vocabulary } from "../../grammars/index.js";
import type { Role } from "../schema/index.js";
import { stripEnd, stripEnds } from "./text.js";
import { words } from "./words.js";

const { PERSON_NAME, PARTIES, ROLE_WORDS, JOB_TITLE, REMOTE_ATTENDANCE, SERVING_ASIDE } = vocabulary;

/** One attendee entry as printed, before it is merged with the person's other entries. */
export interface AttendeeEntry {
  name: string;
  party: string | null;
  roles: Role[];
  affiliation: string | null;
  title: string | null;
  paragraphs: number[] | null;
  replaces: string | null;
  /** The entry says the person serves as a substitute ("tjänstgörande ersättare"), also without saying for whom. */
  serving: boolean;
}

const KNOWN_PARTIES: ReadonlySet<string> = new Set(PARTIES);
const NAME_ONLY = new RegExp(String.raw`^${PERSON_NAME}$`, "u");
const NAME_ANYWHERE = new RegExp(PERSON_NAME, "gu");
/** "SST:s repr.", "SST:s representant": whose representative a person is, a title as printed. */
const REPRESENTATIVE = /^\S+s\s+(?:repr\.|representant)$/u;
/** A job title at the start of an aside: "rektor Hedbacka skola" -> "rektor"; where follows is not an affiliation. */
const JOB_TITLE_FIRST = new RegExp(String.raw`^${JOB_TITLE}(?=$|[\s,])`, "iu");
/** Matched against the text with its first letter in lower case: a name's own capitals must count. */
const TITLE_BEFORE_NAME = new RegExp(String.raw`^(?<title>${JOB_TITLE})\s+(?<name>${PERSON_NAME})$`, "u");

/** "§9", "§§ 14-15", "§ 12 del", "§§ 23–24", "§ 105-108", "§§ 18, 20". */
const PARAGRAPH_LIMIT = /\(?\s*§§?\s*\d+(?:\s*[-–—]\s*\d+)?(?:\s*(?:,|och|&)\s*§{0,2}\s*\d+(?:\s*[-–—]\s*\d+)?)*(?:\s*del)?\s*\)?/u;
/**
 * "ersätter X", "(tjänstgörande) ersättare för X", "tjg ers. för X", "tjänstgör för X", "i stället för X",
 * and a bare "för X" right after the party: "Gun Nilsson (S) för Hans Ek (S)".
 */
const SERVES_FOR = String.raw`ersätter|(?:(?:tjänstgörande|tjg\.?)\s+)?(?:ersättare|ers\.?)\s+för|tjänstgör(?:ande)? för|tjg\.? för|i stället för|istället för`;
const REPLACES = new RegExp(
  String.raw`,?\s*\(?\s*(?:${SERVES_FOR}|(?<=\)\s*)för)\s+(?<name>${PERSON_NAME})(?:\s*\(\s*[A-Za-zÅÄÖåäö]{1,5}\s*\))?\s*\)?`,
  "u",
);
/** An entry cut after its "ersätter" / "ersättare för": the person replaced is on the next line. */
const SERVES_FOR_AT_END = new RegExp(String.raw`(?:\b(?:${SERVES_FOR})|\)\s*för)\s*$`, "iu");

export function endsBeforeReplacedName(text: string): boolean {
  return SERVES_FOR_AT_END.test(text.trim());
}

/** Parse one attendee entry; null when the text does not read as a person. */
export function parseAttendee(raw: string): AttendeeEntry | null {
  // A final full stop ends the entry, unless it ends an abbreviation ("SST:s repr.").
  let text = raw.replace(/\s+/g, " ").trim().replace(/(?<!\brepr)[;.]$/, "");
  const entry: AttendeeEntry = { name: "", party: null, roles: [], affiliation: null, title: null, paragraphs: null, replaces: null, serving: false };

  const limit = PARAGRAPH_LIMIT.exec(text);
  if (limit) {
    entry.paragraphs = expandParagraphs(limit[0]);
    text = (text.slice(0, limit.index) + text.slice(limit.index + limit[0].length)).trim();
  }
  const replaces = REPLACES.exec(text);
  if (replaces?.groups?.name && replaces.index > 0) {
    entry.replaces = replaces.groups.name;
    text = (text.slice(0, replaces.index) + text.slice(replaces.index + replaces[0].length)).trim();
  }

  text = takeParentheses(text, entry);
  text = takeCommaTail(text, entry);
  text = takeLeadingRole(text, entry);
  text = takeTrailingRole(text, entry);

  const titled = TITLE_BEFORE_NAME.exec(text.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase("sv")));
  if (titled?.groups?.title && titled.groups.name) {
    entry.title = entry.title ?? text.slice(0, titled.groups.title.length);
    text = titled.groups.name;
  }
  text = stripEnd(text, /[,\s-]/).trim();
  if (!NAME_ONLY.test(text)) return null;
  entry.name = text;
  return entry;
}

/**
 * Several entries may share a line: "Anna Berg (S), Per Holm (M)", two table columns, or a list
 * with roles: "Anna Lund (S), ordförande, Jan Berg (M), vice ordförande".
 */
export function splitAttendeeLine(text: string): string[] {
  const parts = text.split(/(?:(?<=\))\s*[,;]?\s+|\s*[,;]\s+)(?=[A-ZÅÄÖÉ][a-zåäöé]+(?:[- ][A-ZÅÄÖÉ][a-zåäöé]+)+\s*\()/u);
  return parts.length > 1 && parts.every((p) => parseAttendee(p) !== null) ? parts : [text];
}

function takeParentheses(text: string, entry: AttendeeEntry): string {
  return text
    .replace(/\(([^()]*)\)/g, (_whole, inner: string) => {
      classifyAside(inner.trim(), entry);
      return " ";
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** What a parenthesised or comma-separated aside is: a party, a role, a job title or an affiliation. */
function classifyAside(aside: string, entry: AttendeeEntry): void {
  if (!aside) return;
  if (entry.party === null && isParty(aside)) {
    entry.party = aside.toUpperCase();
    return;
  }
  if (SERVING_ASIDE.test(aside)) {
    entry.serving = true;
    return;
  }
  const { roles, remainder } = extractRoles(aside);
  for (const role of roles) if (!entry.roles.includes(role)) entry.roles.push(role);
  const rest = stripEnds(remainder, /[\s,-]/).trim();
  if (!rest || REMOTE_ATTENDANCE.test(rest)) return;
  if (entry.title === null && REPRESENTATIVE.test(rest)) {
    entry.title = rest;
    return;
  }
  const title = JOB_TITLE_FIRST.exec(rest);
  // A job title in lower case, or capitalised where it is the whole aside ("Ekonomichef" in a column of its own).
  if (entry.title === null && title && (/^\p{Ll}/u.test(rest) || title[0].length === rest.length)) entry.title = title[0];
  else if (entry.affiliation === null) entry.affiliation = rest;
}

function takeCommaTail(text: string, entry: AttendeeEntry): string {
  const comma = text.indexOf(",");
  if (comma < 0) return text;
  const head = text.slice(0, comma).trim();
  for (const aside of text.slice(comma + 1).split(",")) classifyAside(aside.trim(), entry);
  return head;
}

/** "Ordförande Anna Berg", "ordföranden Jonas Attenius", "2:e vice ordförande X". */
function takeLeadingRole(text: string, entry: AttendeeEntry): string {
  const match = /^(?<words>(?:(?:1:e|2:e|förste|andre|vice)\s+)*(?:ordförande(?:n)?|sekreterare(?:n)?|justerare(?:n)?|föredragande(?:n)?))\s+(?=[A-ZÅÄÖ])/iu.exec(text);
  if (!match?.groups?.words) return text;
  for (const role of extractRoles(match.groups.words.replace(/n$/, "")).roles) {
    if (!entry.roles.includes(role)) entry.roles.push(role);
  }
  return text.slice(match[0].length);
}

/**
 * A role in lower case after the name, with no comma or parentheses: "Lars Ek tjänstgörande ersättare",
 * "Anna Berg ordförande" (the party was taken out before). Only whole role words: a surname is capitalised.
 */
function takeTrailingRole(text: string, entry: AttendeeEntry): string {
  const match = /^(?<name>.+?)\s+(?<tail>\p{Ll}[\p{Ll}:.\s]*)$/u.exec(text);
  const tail = match?.groups?.tail?.trim();
  if (!match?.groups?.name || !tail || !NAME_ONLY.test(match.groups.name)) return text;
  const roles = extractRoles(tail);
  if (!SERVING_ASIDE.test(tail) && (roles.roles.length === 0 || roles.remainder !== "")) return text;
  classifyAside(tail, entry);
  return match.groups.name;
}

export function isParty(text: string): boolean {
  const t = text.trim();
  if (KNOWN_PARTIES.has(t.toUpperCase())) return true;
  // A local party's abbreviation: 2 to 5 capitals ("SJVP", "ÖP"), never a word in lower case.
  return /^[A-ZÅÄÖ]{2,5}$/u.test(t);
}

/** Find role words in a text; return the roles and the text without them. */
export function extractRoles(text: string): { roles: Role[]; remainder: string } {
  const roles: Role[] = [];
  let remainder = text;
  for (const [pattern, role] of ROLE_WORDS) {
    const match = pattern.exec(remainder);
    if (!match) continue;
    if (!roles.includes(role)) roles.push(role);
    remainder = remainder.slice(0, match.index) + remainder.slice(match.index + match[0].length);
  }
  return { roles, remainder: remainder.replace(/\s+/g, " ").trim() };
}

/** "§9, §§11-12" -> [9, 11, 12]; "45–50" -> [45..50]. Ranges over 500 are refused as nonsense. */
export function expandParagraphs(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/(\d+)(?:\s*[-–—]\s*(\d+))?/g)) {
    const from = Number(match[1]);
    const to = match[2] ? Number(match[2]) : from;
    if (to < from || to - from > 500) {
      numbers.push(from);
      continue;
    }
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return [...new Set(numbers)];
}

/**
 * The people a sentence names as its subject: "Daniel Bernmar (V) och
 * ordföranden Jonas Attenius (S) yrkar ..." -> both names. Only names before
 * the verb count, so "... yrkar bifall till Jenny Bromans yrkande" adds nobody.
 */
export function namesBefore(sentence: string, verb: RegExp): string[] {
  const match = verb.exec(sentence);
  if (!match) return [];
  return namesIn(sentence.slice(0, match.index));
}

/** Every person's name in a text, without parties and role words. */
export function namesIn(text: string): string[] {
  const cleaned = text
    .replace(/\([^()]*\)/g, " ")
    .replace(words(String.raw`\b(?:ordföranden|ordförande|vice|1:e|2:e|tjänstgörande ersättaren|ersättaren|ledamoten|ledamöterna|representanterna från)\b`, "giu"), " ");
  // A set, not names.includes(): a long text names many people, and the list would be searched once per name.
  const names = new Set<string>();
  for (const match of cleaned.matchAll(NAME_ANYWHERE)) names.add(match[0].trim());
  return [...names];
}
