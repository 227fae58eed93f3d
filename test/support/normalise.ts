/**
 * Records in the form in which two of them are compared: the text
 * normalisation of SCHEMA.md (NFC, bullets at a line start removed, white space
 * folded, trimmed; "" is no value), and without what a rendered document cannot
 * express or the scorer ignores: diagnostics, furniture, source.sha256 and
 * paragraphLabel, and parseStatus (a summary of the diagnostics). Participants are sorted by name, as the scorer pairs them by
 * name and ignores their order; items keep document order, which the contract fixes.
 */
import type { DocumentRecord, Item, Participant } from "../../src/schema/index.js";

/** The scorer's bullet: • ◦ ▪ and kin always; – - * only when a space follows. */
const BULLET = /^[ \t]*(?:[•◦▪●○■□▫\uF0B7\uF0A7][ \t]*|[–*-][ \t]+)/gm;

export function normaliseText(value: string | null): string | null {
  if (value === null) return null;
  const folded = value.normalize("NFC").replace(BULLET, "").replace(/\s+/g, " ").trim();
  return folded === "" ? null : folded;
}

const texts = (values: string[]) => values.map((v) => normaliseText(v) ?? "");

function participant(p: Participant) {
  return {
    ...p,
    name: normaliseText(p.name),
    party: normaliseText(p.party),
    affiliation: normaliseText(p.affiliation),
    title: normaliseText(p.title),
    replaces: normaliseText(p.replaces),
    roles: [...p.roles].sort(),
    paragraphs: p.paragraphs === null ? null : [...p.paragraphs].sort((a, b) => a - b),
  };
}

/**
 * Fields read from an item's texts rather than printed as such (outcome, votes,
 * decision process, people with parties) have properties of their own
 * (test/properties/decisions.test.ts); the round trip compares what the renderer prints.
 */
function item(it: Item) {
  const { paragraphLabel: _label, outcome: _o, votes: _v, decisionProcess: _p, conflictPeople: _c, ...rest } = it;
  return {
    ...rest,
    title: normaliseText(it.title),
    caseNumbers: texts(it.caseNumbers),
    presenters: texts(it.presenters),
    description: normaliseText(it.description),
    proposal: normaliseText(it.proposal),
    decision: normaliseText(it.decision),
    motions: it.motions.map((m) => ({ by: texts(m.by), text: normaliseText(m.text) })),
    reservations: it.reservations.map((r) => ({ by: texts(r.by), text: normaliseText(r.text) })),
    vote: it.vote && {
      ...withoutMeanings(it.vote),
      text: normaliseText(it.vote.text),
      ballots: it.vote.ballots.map((b) => ({ ...b, name: normaliseText(b.name), party: normaliseText(b.party) })),
    },
    notes: texts(it.notes),
    conflicts: texts(it.conflicts),
    basis: texts(it.basis),
    distribution: texts(it.distribution),
    // A record of contract v1 (a regression fixture) has no history: none.
    history: (it.history ?? []).map((h) => ({
      ...h,
      body: normaliseText(h.body),
      proposal: normaliseText(h.proposal),
      decision: normaliseText(h.decision),
    })),
    // Records written before the field existed (regression fixtures) have no otherSections: none.
    otherSections: (it.otherSections ?? []).map((section) => ({ heading: normaliseText(section.heading), text: normaliseText(section.text) })),
  };
}

function withoutMeanings(vote: NonNullable<Item["vote"]>) {
  const { yesMeans: _y, noMeans: _n, ...rest } = vote;
  return rest;
}

export function normaliseForComparison(doc: DocumentRecord) {
  const { diagnostics: _d, furniture: _f, parseStatus: _s, ...rest } = doc;
  return {
    ...rest,
    organisation: normaliseText(doc.organisation),
    body: normaliseText(doc.body),
    meeting: { ...doc.meeting, place: normaliseText(doc.meeting.place) },
    participants: doc.participants.map(participant).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "sv")),
    adjusters: texts(doc.adjusters),
    items: doc.items.map(item),
    source: { pages: doc.source.pages, textSource: doc.source.textSource },
  };
}

/** Every string a record holds, furniture and diagnostics included. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The words the renderer printed from the record's own content (not the
 * template's headings and labels, not dates and times, which it reformats).
 */
function contentWords(doc: DocumentRecord): string[] {
  const texts = [
    doc.organisation,
    doc.body,
    doc.meeting.place,
    ...doc.participants.flatMap((p) => [p.name, p.affiliation, p.title, p.replaces]),
    ...doc.items.flatMap((item) => [
      item.title,
      ...item.caseNumbers,
      ...item.presenters,
      item.description,
      item.proposal,
      item.decision,
      ...item.motions.map((m) => m.text),
      ...item.reservations.map((r) => r.text),
      item.vote?.text ?? null,
      ...(item.vote?.ballots.map((b) => b.name) ?? []),
      ...item.notes,
      ...item.conflicts,
      ...item.basis,
      ...item.distribution,
      ...(item.otherSections ?? []).flatMap((section) => [section.heading, section.text]),
    ]),
  ];
  const words = texts.flatMap((t) => (t ?? "").split(/\s+/)).map(bareWord);
  return [...new Set(words.filter((w) => /\p{L}/u.test(w)))];
}

/** A word without the punctuation around it: "(S)," -> "s", "förslag." -> "förslag". */
function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLocaleLowerCase("sv");
}

/** Content words of `doc` that appear nowhere in `parsed`: not in a field, not in furniture, not in a diagnostic. */
export function droppedWords(doc: DocumentRecord, parsed: DocumentRecord): string[] {
  const kept = new Set(strings(parsed).flatMap((s) => s.split(/\s+/)).map(bareWord));
  return contentWords(doc).filter((word) => !kept.has(word));
}

/**
 * Words of a rendered text that appear nowhere in `parsed` (no field, no
 * furniture, no diagnostic) and are not among the template's own words
 * (`ignored`: headings, labels, captions). Dates, times and numbers, which
 * the parser reformats, are not words here. The genitive of a known word
 * ("Kommunstyrelsens" in "Kommunstyrelsens beslut") counts as that word.
 */
export function droppedTextWords(text: string, parsed: DocumentRecord, ignored: ReadonlySet<string>): string[] {
  const kept = new Set(strings(parsed).flatMap((s) => s.split(/\s+/)).map(bareWord));
  const known = (word: string) => kept.has(word) || ignored.has(word) || (word.endsWith("s") && (kept.has(word.slice(0, -1)) || ignored.has(word.slice(0, -1))));
  // Furniture lines out first, so that a word hyphenated over a page break meets its other half.
  const furniture = new Set(parsed.furniture.map((f) => f.text.trim()));
  const body = text
    .split("\n")
    .filter((line) => !furniture.has(line.trim()))
    .join("\n");
  // A word hyphenated at a wrap is one word ("kost-" / "naderna"); a hyphen before a capital stays ("Ann-" / "Sofie").
  const unwrapped = body.replace(/(\p{L})-\n\s*(\p{Ll})/gu, "$1$2").replace(/(\p{L})-\n\s*(\p{Lu})/gu, "$1-$2");
  const words = unwrapped.split(/\s+/).map(bareWord).filter((w) => /\p{L}{2,}/u.test(w) && !/\d/.test(w));
  return [...new Set(words.filter((word) => !known(word)))];
}
