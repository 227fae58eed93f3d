/**
 * Omröstning (a vote): the counts stated in the text ("Med 4 ja-röster mot 3
 * nej-röster och 0 som avstår") and the named ballots of an omröstningslista
 * (roll-call list) or of sentences ("A (V) och B (S) röstar Ja (7)").
 */
import type { Ballot, Vote } from "../schema/index.js";
import { vocabulary } from "../../grammars/index.js";
import { isParty, namesBefore } from "./people.js";

const { PERSON_NAME } = vocabulary;

const NUMBER_WORDS: Record<string, number> = {
  noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10,
  elva: 11, tolv: 12, tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19, tjugo: 20,
};
const COUNT = String.raw`(\d+|${Object.keys(NUMBER_WORDS).join("|")})`;

/** Ways a count is stated, per answer; the first pattern that matches wins. */
const COUNT_PATTERNS: Record<"yes" | "no" | "abstain" | "absent", RegExp[]> = {
  yes: [new RegExp(String.raw`${COUNT}\s+ja-?\s?röst`, "iu"), /röstar\s+ja\s*\((\d+)\)/iu, /\bja[:\s]+(\d+)\s*(?:röster)?\b/iu],
  no: [new RegExp(String.raw`${COUNT}\s+nej-?\s?röst`, "iu"), /röstar\s+nej\s*\((\d+)\)/iu, /\bnej[:\s]+(\d+)\s*(?:röster)?\b/iu],
  abstain: [
    new RegExp(String.raw`${COUNT}\s+(?:som\s+|ledamöter\s+som\s+|ledamot\s+som\s+)?(?:avstår|avstod|avstående|avstod från att rösta|avstår från att rösta)`, "iu"),
    /avstår\s*\((\d+)\)/iu,
    /\bavstår[:\s]+(\d+)\b/iu,
  ],
  absent: [new RegExp(String.raw`${COUNT}\s+(?:är\s+|var\s+)?frånvarande`, "iu"), /frånvarande\s*\((\d+)\)/iu],
};

const VOTE_WORDS: ReadonlyArray<readonly [RegExp, Ballot["vote"]]> = [
  [/^(?:ja|x\s*$)/iu, "yes"],
  [/^nej/iu, "no"],
  [/^(?:avstår|avst|avstod|avstående|-)/iu, "abstain"],
  [/^(?:frånvarande|frånv)/iu, "absent"],
];

/** Merge what a vote text and ballot lines say into the item's vote. */
export function parseVote(text: string, previous: Vote | null, ballotLines: string[] = []): Vote {
  const vote: Vote = previous ?? { yes: null, no: null, abstain: null, absent: null, ballots: [], text: "" };
  if (text && !vote.text) vote.text = text;
  for (const key of ["yes", "no", "abstain", "absent"] as const) {
    vote[key] ??= countIn(text, key);
  }
  vote.ballots.push(...ballotsInSentences(text), ...ballotsInTable(ballotLines));
  return vote;
}

function countIn(text: string, key: keyof typeof COUNT_PATTERNS): number | null {
  for (const pattern of COUNT_PATTERNS[key]) {
    const match = pattern.exec(text);
    if (match?.[1]) return toNumber(match[1]);
  }
  return null;
}

function toNumber(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 0);
}

/** "A (V), B (S) och ordföranden C (S) röstar Ja (7)." */
function ballotsInSentences(text: string): Ballot[] {
  const ballots: Ballot[] = [];
  for (const sentence of text.split(/(?<=[.)])\s+(?=[A-ZÅÄÖ])/u)) {
    const answer = /\brösta(?:r|de)\s+(ja|nej|avstår|avstod)\b/iu.exec(sentence);
    if (!answer) continue;
    const vote = voteOf(answer[1]!);
    if (!vote) continue;
    const parties = new Map<string, string>();
    for (const m of sentence.matchAll(new RegExp(String.raw`(${PERSON_NAME})\s*\(\s*([A-Za-zÅÄÖåäö]{1,5})\s*\)`, "gu"))) {
      parties.set(m[1]!.replace(/^(?:ordföranden|tjänstgörande ersättaren)\s+/iu, ""), m[2]!.toUpperCase());
    }
    for (const name of namesBefore(sentence, /\brösta(?:r|de)\b/iu)) {
      ballots.push({ name, party: parties.get(name) ?? null, vote });
    }
  }
  return ballots;
}

/** Rows of an omröstningslista: "Annika Blom (S) Ja", "Marie Lund M Nej", "Kent Alm (C) X" under a "Ja" column. */
function ballotsInTable(lines: string[]): Ballot[] {
  const ballots: Ballot[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    const match = new RegExp(String.raw`^(?<name>${PERSON_NAME})\s*(?:\(\s*(?<party>[A-Za-zÅÄÖåäö]{1,5})\s*\)|(?<bare>[A-ZÅÄÖ]{1,4}))?(?:\s*,?\s*(?:ersättare|tjänstgörande ersättare|ordförande|ledamot)[^A-Z]*)?\s+(?<answer>\S.*)$`, "u").exec(line);
    if (!match?.groups?.name || !match.groups.answer) continue;
    const vote = voteOf(match.groups.answer);
    if (!vote) continue;
    const party = match.groups.party ?? match.groups.bare ?? null;
    ballots.push({ name: match.groups.name, party: party && isParty(party) ? party.toUpperCase() : null, vote });
  }
  return ballots;
}

function voteOf(answer: string): Ballot["vote"] | null {
  for (const [pattern, vote] of VOTE_WORDS) if (pattern.test(answer.trim())) return vote;
  return null;
}
