/**
 * The front page and the signature block: document kind, organisation, organ
 * (body), meeting date, time and place, the attendance lists, justerare
 * (adjusters: the members who check and sign the minutes) and the §§ the
 * protokoll covers.
 */
import type { Line } from "../layout/types.js";
import type { Diagnostic, DocumentKind, Participant, ParticipantGroup, Role } from "../schema/index.js";
import type { FrontLabelTokenType } from "../../grammars/vocabulary.js";
import { vocabulary, type LineToken } from "../../grammars/index.js";
import { withoutSigningLines } from "../../grammars/classify.js";
import { diagnostic } from "./diagnostics.js";
import { findDate, findTimes } from "./dates.js";
import { expandParagraphs, parseAttendee, splitAttendeeLine, type AttendeeEntry } from "./people.js";
import type { ClosingOutline } from "./outline.js";
import { stripEnds } from "./text.js";
import { words } from "./words.js";

const { FrontLabel, KindHeading, ORGAN_ROOTS } = vocabulary;

export interface FrontMatter {
  kind: DocumentKind | null;
  organisation: string | null;
  body: string | null;
  meeting: { date: string | null; startTime: string | null; endTime: string | null; place: string | null };
  participants: Participant[];
  adjusters: string[];
  paragraphsCovered: number[];
  diagnostics: Diagnostic[];
}

/** A label and the lines that carry its value. */
interface LabelBlock {
  label: FrontLabelTokenType;
  values: Array<{ text: string; line: Line }>;
}

const GROUP_OF_FIELD: Partial<Record<string, ParticipantGroup>> = {
  members: "member",
  servingSubstitutes: "servingSubstitute",
  substitutes: "substitute",
  others: "other",
};
const ROLE_OF_FIELD: Partial<Record<string, { role: Role; group: ParticipantGroup }>> = {
  chair: { role: "chair", group: "member" },
  secretary: { role: "secretary", group: "other" },
  adjuster: { role: "adjuster", group: "member" },
  adjustersAppointed: { role: "adjuster", group: "member" },
  presenter: { role: "presenter", group: "other" },
};

const ORGAN = new RegExp(String.raw`(?:${ORGAN_ROOTS.join("|")})`, "iu");
/**
 * "Region Jämtland Härjedalen", "Hedbacka kommun", "Göteborgs Stad", "Sjövalla kommuns". Words of
 * at most 61 characters: unbounded, a search starts at every capital of "KS-KS-KS-…" and runs to
 * the word's end each time, which is quadratic in the word's length.
 */
const ORGANISATION =
  /(?<![\wåäöÅÄÖ])(?:Region(?:förbundet)?\s+[A-ZÅÄÖ][\wåäöé-]{1,60}(?:\s+[A-ZÅÄÖ][\wåäöé-]{1,60})*|[A-ZÅÄÖ][\wåäöé-]{1,60}(?:\s+[A-ZÅÄÖ][\wåäöé-]{1,60})?\s+(?:kommun|Kommun|stad|Stad|landsting|kommunalförbund)s?(?![\wåäöÅÄÖ]))/u;

export function buildFrontMatter(preamble: LineToken[], closings: ClosingOutline[], lines: readonly Line[], furniture: string[]): FrontMatter {
  const front: FrontMatter = {
    kind: null,
    organisation: null,
    body: null,
    meeting: { date: null, startTime: null, endTime: null, place: null },
    participants: [],
    adjusters: [],
    paragraphsCovered: [],
    diagnostics: [],
  };
  const people = new People();
  const { blocks, loose } = labelBlocks(preamble, lines);
  for (const token of preamble) if (token.payload.kind && !front.kind) front.kind = token.payload.kind;
  for (const block of blocks) readBlock(block, front, people);
  for (const closing of closings) readBlock(closingBlock(closing, lines), front, people, true);
  readLoose(loose, front);
  const notices = blocks.filter((b) => b.label.field === "notice").flatMap((b) => b.values.map((v) => v.text));
  const headerTexts = loose.flatMap((l) => (l.cells && l.cells.length > 1 ? l.cells : [l.text]));
  readHeaders([...headerTexts, ...furniture, ...notices], front);
  front.participants = people.list();
  return front;
}

/** Group preamble lines under the label above them; lines before any label are loose. */
function labelBlocks(preamble: LineToken[], lines: readonly Line[]): { blocks: LabelBlock[]; loose: Line[] } {
  const blocks: LabelBlock[] = [];
  const loose: Line[] = [];
  for (const token of preamble) {
    const line = lines[token.payload.line]!;
    // A letterhead row may name the kind and the organisation side by side: keep it for the organisation.
    if (token.tokenType === KindHeading) {
      if (blocks.length === 0) loose.push(line);
      continue;
    }
    if (isFrontLabel(token)) {
      const block: LabelBlock = { label: token.tokenType as FrontLabelTokenType, values: [] };
      if (token.payload.rest) block.values.push({ text: token.payload.rest, line });
      blocks.push(block);
    } else if (blocks.length > 0) blocks[blocks.length - 1]!.values.push({ text: line.text, line });
    else loose.push(line);
  }
  return { blocks, loose };
}

function closingBlock(closing: ClosingOutline, lines: readonly Line[]): LabelBlock {
  const values = closing.label.payload.rest ? [{ text: closing.label.payload.rest, line: lines[closing.label.payload.line]! }] : [];
  for (const token of closing.lines) values.push({ text: lines[token.payload.line]!.text, line: lines[token.payload.line]! });
  return { label: closing.label.tokenType as FrontLabelTokenType, values };
}

function isFrontLabel(token: LineToken): boolean {
  return token.tokenType.CATEGORIES?.includes(FrontLabel) ?? false;
}

function readBlock(block: LabelBlock, front: FrontMatter, people: People, signature = false): void {
  const field = block.label.field;
  const text = block.values.map((v) => v.text).join(" ").trim();
  const page = block.values[0]?.line.page ?? 1;
  switch (field) {
    case "placeAndTime":
    case "date":
    case "time":
    case "place":
      readMeetingData(field, text, front, page);
      return;
    case "paragraphs":
      front.paragraphsCovered = expandParagraphs(text.replace(/§/g, " "));
      return;
    case "body":
      front.body ??= firstLine(block);
      return;
    case "signatures":
      readCaptionedSignatures(block, front, people);
      return;
    case "certification":
      if (text) front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Certification of the extract (utdragsbestyrkande): ${text}`, page, text));
      return;
    case "absent":
      // Those who sent apologies are not participants; their names stay findable here.
      if (text) front.diagnostics.push(diagnostic("info", "SECTION_WITHOUT_FIELD", `Listed as absent, not as participants: ${text}`, page, text));
      return;
    default:
  }
  const group = GROUP_OF_FIELD[field];
  if (group) {
    for (const entry of attendanceEntries(block.values)) readAttendees(entry.text, entry.line, group, people, front);
    return;
  }
  const role = ROLE_OF_FIELD[field];
  if (role) {
    for (const value of wrappedNamesJoined(block.values, people)) {
      // Two signers side by side under one caption ("Justerande") stand in two cells.
      const parts = value.text === value.line.text && (value.line.cells?.length ?? 0) > 1 ? value.line.cells! : [value.text];
      for (const part of parts) readSignature(withoutSigningLines(part), value.line, role, people, front, signature);
    }
  }
}

/**
 * Names after a signature label: "och", "&" or a comma between two. It starts where a run of
 * spaces starts (a match inside the run would start there too): tried at every space of a long
 * run, `\s*` would scan the run to its end each time.
 */
const SIGNER_SEPARATOR = words(String.raw`(?<!\s)\s*(?:,|\boch\b|&)\s*(?=[A-ZÅÄÖ])`, "u");

/**
 * A name that wraps under a signature label ("… och Ann-Sofie Berkestedt" / "Jonsson") is one
 * value again, where the attendance list names the whole person; a line of its own otherwise.
 */
function wrappedNamesJoined(values: LabelBlock["values"], people: People): LabelBlock["values"] {
  const joined: LabelBlock["values"] = [];
  for (const value of values) {
    const previous = joined[joined.length - 1];
    const last = previous?.text.split(SIGNER_SEPARATOR).pop()?.trim();
    const tail = value.text.trim();
    if (previous && last && /^\p{Lu}[\p{L}-]*$/u.test(tail) && people.has(`${last} ${tail}`)) {
      joined[joined.length - 1] = { text: `${previous.text} ${tail}`, line: previous.line };
    } else {
      joined.push(value);
    }
  }
  return joined;
}

function firstLine(block: LabelBlock): string | null {
  return block.values[0]?.text.trim() || null;
}

function readMeetingData(field: string, text: string, front: FrontMatter, page: number): void {
  const meeting = front.meeting;
  let rest = text;
  const date = field === "time" ? null : findDate(rest);
  if (date) {
    meeting.date ??= date.iso;
    rest = cut(rest, date.index, date.length);
  }
  const times = field === "date" || field === "place" ? null : findTimes(rest);
  if (times) {
    meeting.startTime ??= times.start;
    meeting.endTime ??= times.end;
    rest = cut(rest, times.index, times.length);
  }
  if (field === "date" && !date && text) {
    front.diagnostics.push(diagnostic("warning", "DATE_UNPARSEABLE", `The meeting date "${text}" could not be read as a date; meeting.date left null.`, page, text));
  }
  if (field === "time" && !times && text) {
    front.diagnostics.push(diagnostic("warning", "TIME_UNPARSEABLE", `The meeting time "${text}" could not be read as a time; times left null.`, page, text));
  }
  if (field === "placeAndTime" || field === "place") {
    const place = cleanPlace(rest);
    if (place) meeting.place ??= place;
  }
}

function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`.replace(/\s+/g, " ").trim();
}

/** What is left of "Plats och tid" once the date and times are taken out. */
function cleanPlace(text: string): string | null {
  const spaced = text
    .replace(words(String.raw`\b(?:kl(?:ockan)?\.?|klockan)(?=\s|$)`, "giu"), " ")
    .replace(words(String.raw`\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?(?:\s+den)?\b`, "giu"), " ")
    .replace(/\s+/g, " ");
  const place = stripEnds(spaced, /[\s,;:–-]/).trim();
  return place || null;
}

/**
 * An entry may wrap in its column ("... (Strömsunds kommun), 2:e vice" /
 * "ordförande", a parenthesis closed on the next line, a § limit alone): a line
 * that cannot start an entry (lower case, "§", "(", ","), that closes a
 * parenthesis opened above, or that is no name and reads as an entry only with
 * the line above, goes on that line.
 */
function attendanceEntries(values: LabelBlock["values"]): LabelBlock["values"] {
  const entries: LabelBlock["values"] = [];
  for (const value of values) {
    const previous = entries[entries.length - 1];
    const text = value.text.trim();
    const joined = previous ? `${previous.text} ${text}` : text;
    const continuation =
      /^(?:\p{Ll}|§|\(|,)/u.test(text) ||
      (previous !== undefined && openParentheses(previous.text) > 0) ||
      (parseAttendee(text) === null && !STARTS_WITH_NAME.test(text) && parseAttendee(joined) !== null);
    if (previous && continuation) {
      previous.text = joined;
    } else {
      entries.push({ text, line: value.line });
    }
  }
  return entries;
}

const STARTS_WITH_NAME = new RegExp(String.raw`^${vocabulary.PERSON_NAME}`, "u");

function openParentheses(text: string): number {
  return (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);
}

function readAttendees(text: string, line: Line, group: ParticipantGroup, people: People, front: FrontMatter): void {
  for (const part of splitAttendeeLine(text)) {
    const entry = parseAttendee(part);
    if (entry) people.add(entry, group, line.page, "attendance");
    else if (part.trim()) {
      front.diagnostics.push(
        diagnostic("warning", "UNRECOGNISED_ATTENDEE", `"${part}" in an attendance list does not read as a person; left out of participants.`, line.page, part),
      );
    }
  }
}

/** "Peter Sundén   Rebecka Holst" over "Ordförande   Sekreterare": each name takes the caption under it. */
function readCaptionedSignatures(block: LabelBlock, front: FrontMatter, people: People): void {
  const [names, captions] = block.values;
  if (!names || !captions) return;
  const signers = names.line.cells ?? namesOfRow(names.text);
  const roles = captions.line.cells ?? captions.text.split(/\s+(?=[A-ZÅÄÖ])/u);
  if (signers.length !== roles.length) return;
  signers.forEach((signer, index) => {
    const field = FRONT_LABEL_FIELDS.find(([prefix]) => prefix.test(roles[index]!.trim()))?.[1];
    const role = field ? ROLE_OF_FIELD[field] : undefined;
    if (role) readSignature(signer, names.line, role, people, front, true);
  });
}

const PERSON_NAMES = new RegExp(vocabulary.PERSON_NAME, "gu");

function namesOfRow(text: string): string[] {
  return [...text.matchAll(PERSON_NAMES)].map((m) => m[0]);
}

const FRONT_LABEL_FIELDS: Array<[RegExp, string]> = vocabulary.FRONT_LABEL_TOKENS.map((t) => [t.prefix, t.field]);

function readSignature(
  text: string,
  line: Line,
  role: { role: Role; group: ParticipantGroup },
  people: People,
  front: FrontMatter,
  signature: boolean,
): void {
  for (const part of text.split(SIGNER_SEPARATOR)) {
    const entry = parseAttendee(part);
    if (!entry) {
      if (part.trim() && !signature) {
        front.diagnostics.push(diagnostic("info", "UNRECOGNISED_ATTENDEE", `"${part}" after a signature label is not a name.`, line.page, part));
      }
      continue;
    }
    if (!entry.roles.includes(role.role)) entry.roles.push(role.role);
    if (role.role === "adjuster" && !front.adjusters.some((a) => sameName(a, entry.name))) front.adjusters.push(entry.name);
    people.add(entry, role.group, line.page, "signature");
  }
}

/** Lines before the first label: the organ's name, a bare date, a sentence with date, time and place. */
function readLoose(loose: Line[], front: FrontMatter): void {
  for (const line of loose) {
    const date = findDate(line.text);
    if (!date) continue;
    front.meeting.date ??= date.iso;
    if (date.iso === front.meeting.date) readSentenceMeeting(line.text.slice(date.index + date.length), front);
  }
}

/** "... den 28 april 2025 kl. 18.30–21.05 i kommunhusets sessionssal, Sjövalla." */
function readSentenceMeeting(after: string, front: FrontMatter): void {
  const times = findTimes(after);
  if (!times || times.index > 12) return;
  front.meeting.startTime ??= times.start;
  front.meeting.endTime ??= times.end;
  const place = /^\s*(?:i|på)\s+(?<place>[^.;]+)/u.exec(after.slice(times.index + times.length));
  if (place?.groups?.place) front.meeting.place ??= place.groups.place.trim();
}

/** Organisation and organ from the header lines, the running header/footer and the notice (anslag) box. */
function readHeaders(candidates: string[], front: FrontMatter): void {
  for (const text of candidates) {
    front.organisation ??= findOrganisation(text);
  }
  for (const text of candidates) {
    if (front.body) break;
    front.body = organName(text, front.organisation);
  }
}

/** "Region Jämtland Härjedalens anslagstavla" -> "Region Jämtland Härjedalen" (the genitive s dropped). */
export function findOrganisation(text: string): string | null {
  if (/\p{Ll}/u.test(text) === false && /\p{Lu}{3}/u.test(text)) return findOrganisation(titleCase(text));
  const match = ORGANISATION.exec(text);
  if (!match) return null;
  const name = match[0];
  const after = text.slice(match.index + name.length);
  const genitive = name.endsWith("s") && /^\s+[a-zåäö]/u.test(after) && !words(String.raw`\b(?:Stad|stad)$`, "u").test(name);
  return genitive ? name.slice(0, -1) : name;
}

/** "HEDBACKA KOMMUN" -> "Hedbacka kommun", "GÖTEBORGS STAD" -> "Göteborgs Stad": capitals set for a letterhead. */
function titleCase(text: string): string {
  return text
    .toLocaleLowerCase("sv")
    .replace(/(^|[\s-])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toLocaleUpperCase("sv"))
    .replace(words(String.raw` (Kommun|Landsting|Kommunalförbund)\b`, "gu"), (_m, word: string) => ` ${word.toLocaleLowerCase("sv")}`);
}

/** The organ named on a header line: "Sociala vård och omsorgsgruppen", "Kommunstyrelsen". */
function organName(text: string, organisation: string | null): string | null {
  // The document word and what follows; (?<!\s): a match starts where a run of spaces starts, or `\s*`
  // scans the run again from each of its spaces (quadratic in a long run, found by the fuzz harness).
  let candidate = text.replace(words(String.raw`(?<!\s),?\s*(?:protokoll|kallelse|föredragningslista|protokollsutdrag|sammanträdesprotokoll)\b.*$`, "iu"), "");
  if (organisation && candidate.startsWith(organisation)) candidate = candidate.slice(organisation.length);
  candidate = candidate.replace(words(String.raw`\b\d{4}-\d{2}-\d{2}\b`, "g"), "").replace(/\s+/g, " ").trim();
  if (!candidate || candidate.length > 70 || /[.:;]$/.test(candidate)) return null;
  if (!/^[A-ZÅÄÖ]/u.test(candidate) || !ORGAN.test(candidate)) return null;
  if (ORGANISATION.test(candidate) && !/(?:nämnd|styrelse|fullmäktige|utskott|råd|grupp)/iu.test(candidate)) return null;
  return candidate;
}

function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function normaliseName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
}

/**
 * Everyone named on the front page and in the signatures, once each. A person
 * in several places (attendance list, "Justerande", "Sekreterare") is merged:
 * roles are united; the attendance list decides the group and the page.
 */
class People {
  private readonly byName = new Map<string, { participant: Participant; fromAttendance: boolean }>();

  add(entry: AttendeeEntry, group: ParticipantGroup, page: number, source: "attendance" | "signature"): void {
    const key = normaliseName(entry.name);
    const known = this.byName.get(key);
    if (!known) {
      this.byName.set(key, {
        participant: {
          name: entry.name,
          party: entry.party,
          group,
          roles: [...entry.roles],
          affiliation: entry.affiliation,
          title: entry.title,
          paragraphs: entry.paragraphs,
          replaces: entry.replaces,
          page,
        },
        fromAttendance: source === "attendance",
      });
      return;
    }
    const p = known.participant;
    for (const role of entry.roles) if (!p.roles.includes(role)) p.roles.push(role);
    p.party ??= entry.party;
    p.affiliation ??= entry.affiliation;
    p.title ??= entry.title;
    p.paragraphs ??= entry.paragraphs;
    p.replaces ??= entry.replaces;
    if (source === "attendance" && !known.fromAttendance) {
      p.group = group;
      p.page = page;
      known.fromAttendance = true;
    }
  }

  has(name: string): boolean {
    return this.byName.has(normaliseName(name));
  }

  list(): Participant[] {
    return [...this.byName.values()].map((v) => v.participant);
  }
}
