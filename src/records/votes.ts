/**
 * Omröstning (a vote): the counts stated in the text ("Med 4 ja-röster mot 3
 * nej-röster och 0 som avstår") and the named ballots of an omröstningslista
 * (roll-call list) or of sentences ("A (V) och B (S) röstar Ja (7)").
 */
import type { Ballot, Vote } from "../schema/index.js";
import { vocabulary } from "../../grammars/index.js";
import { isParty, namesBefore } from "./people.js";
import { words } from "./words.js";

const { PERSON_NAME, VOTE_MEANINGS } = vocabulary;

const NUMBER_WORDS: Record<string, number> = {
  noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10,
  elva: 11, tolv: 12, tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19, tjugo: 20,
};
// (?<!\d): a number is read from its first digit (where a match inside it would start anyway), not
// again from each of its digits, which is quadratic in a long run of digits.
const COUNT = String.raw`((?<!\d)\d+|${Object.keys(NUMBER_WORDS).join("|")})`;

/** Ways a count is stated, per answer; the first pattern that matches wins. */
const COUNT_PATTERNS: Record<"yes" | "no" | "abstain" | "absent", RegExp[]> = {
  yes: [new RegExp(String.raw`${COUNT}\s+ja-?\s?röst`, "iu"), /röstar\s+ja\s*\((\d+)\)/iu, words(String.raw`\bja[:\s]+(\d+)\s*(?:röster)?\b`, "iu"),
    // Ciceron/Platina result lines name the answer first: "Ja-röster 52, Nej-röster 44, Avstår 3".
    words(String.raw`\bja-?\s?röster[:\s]+(\d+)\b`, "iu")],
  no: [new RegExp(String.raw`${COUNT}\s+nej-?\s?röst`, "iu"), /röstar\s+nej\s*\((\d+)\)/iu, words(String.raw`\bnej[:\s]+(\d+)\s*(?:röster)?\b`, "iu"),
    words(String.raw`\bnej-?\s?röster[:\s]+(\d+)\b`, "iu")],
  abstain: [
    new RegExp(String.raw`${COUNT}\s+(?:som\s+|ledamöter\s+som\s+|ledamot\s+som\s+)?(?:avstår|avstod|avstående|avstod från att rösta|avstår från att rösta)`, "iu"),
    /avstår\s*\((\d+)\)/iu,
    words(String.raw`\bavstår[:\s]+(\d+)\b`, "iu"),
  ],
  absent: [new RegExp(String.raw`${COUNT}\s+(?:är\s+|var\s+)?frånvarande`, "iu"), /frånvarande\s*\((\d+)\)/iu],
};

const NAME_WITH_PARTY = new RegExp(String.raw`(${PERSON_NAME})\s*\(\s*([A-Za-zÅÄÖåäö]{1,5})\s*\)`, "gu");
/** "Annika Blom (S) Ja", "Linnéa Sjöberg v Nej": a roll-call row with the answer as a word. */
const BALLOT_ROW = new RegExp(
  String.raw`^(?<name>${PERSON_NAME})\s*(?:\(\s*(?<party>[A-Za-zÅÄÖåäö]{1,5})\s*\)|(?<bare>[A-Za-zÅÄÖåäö]{1,4}))?\s+(?<answer>[Jj][Aa]|[Nn][Ee][Jj]|[Aa]vstår|[Aa]vstod|[Ff]rånvarande)\.?$`,
  "u",
);

const VOTE_WORDS: ReadonlyArray<readonly [RegExp, Ballot["vote"]]> = [
  [words(String.raw`^ja\b`, "iu"), "yes"],
  [/^nej/iu, "no"],
  [/^(?:avstår|avst|avstod|avstående|-)/iu, "abstain"],
  [/^(?:frånvarande|frånv)/iu, "absent"],
];

/** A row of an omröstningslista: its text, and its cells where the PDF layout kept them. */
export interface BallotRow {
  text: string;
  cells?: string[];
  cellX?: number[];
  /** A row of a table found in the layout: its cells by column and what each column holds. */
  table?: { header: boolean; columns: (string | null)[]; cells: string[] };
}

/** Merge what a vote text and ballot rows say into the item's vote. */
export function parseVote(text: string, previous: Vote | null, ballotLines: BallotRow[] = []): Vote {
  const vote: Vote = previous ?? { yes: null, no: null, abstain: null, absent: null, ballots: [], text: "", yesMeans: null, noMeans: null };
  if (text && !vote.text) vote.text = text;
  if (!vote.yesMeans) Object.assign(vote, voteMeanings(text) ?? {});
  for (const key of ["yes", "no", "abstain", "absent"] as const) {
    vote[key] ??= countIn(text, key);
  }
  const list = ballotsInTable(ballotLines);
  vote.ballots.push(...ballotsInSentences(text), ...list.ballots);
  addResultAfterList(vote, list.after);
  return vote;
}

/** A tally row under the list ("Summa 4 2 1", "Totalt: 31 18 2"): the counts in columns, no sentence. */
const TALLY_ROW = /^\p{L}+:?(?:\s+\d+)+$/u;

/**
 * The sentence that closes an omröstningslista ("Omröstningen utfaller med 4 ja-röster mot
 * 2 nej-röster, 1 avstår.") is part of the vote: its text joins the vote paragraph and its
 * counts fill those the text before the list left open.
 */
function addResultAfterList(vote: Vote, after: BallotRow[]): void {
  const result = after
    .map((row) => row.text.replace(/\s+/gu, " ").trim())
    .filter((text) => text && !TALLY_ROW.test(text))
    .join(" ");
  if (!result) return;
  vote.text = vote.text ? `${vote.text}\n\n${result}` : result;
  for (const key of ["yes", "no", "abstain", "absent"] as const) vote[key] ??= countIn(result, key);
}

/** Voteringspropositioner are read up to this length: a runaway line stays linear. */
const MAX_PROPOSITION = 2000;
const MEANINGS = VOTE_MEANINGS.map((source) => words(source, "isu"));

/**
 * What yes and no stood for, from a voteringsproposition ("Ja för ärendets
 * återremiss och Nej för ärendets avgörande idag") in a vote or propositionsordning text.
 */
export function voteMeanings(text: string): { yesMeans: string; noMeans: string } | null {
  for (const pattern of MEANINGS) {
    const match = pattern.exec(text.slice(0, MAX_PROPOSITION));
    const yes = clean(match?.groups?.yes);
    const no = clean(match?.groups?.no);
    if (yes && no) return { yesMeans: yes, noMeans: no };
  }
  return null;
}

function clean(meaning: string | undefined): string | null {
  const text = meaning?.replace(/\s+/gu, " ").replace(/^[”"»«\s]+|[”"»«.,;\s]+$/gu, "").trim();
  return text ? text : null;
}

/** Where named ballots and stated counts disagree: the check a reader would make by hand. */
export function ballotMismatch(vote: Vote): string | null {
  if (vote.ballots.length === 0) return null;
  const differences: string[] = [];
  for (const key of ["yes", "no", "abstain"] as const) {
    const stated = vote[key];
    const named = vote.ballots.filter((b) => b.vote === key).length;
    if (stated !== null && stated !== named) differences.push(`${key}: ${stated} stated, ${named} named`);
  }
  return differences.length > 0 ? differences.join("; ") : null;
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
    const answer = words(String.raw`\brösta(?:r|de)\s+(ja|nej|avstår|avstod)\b`, "iu").exec(sentence);
    if (!answer) continue;
    const vote = voteOf(answer[1]!);
    if (!vote) continue;
    const parties = new Map<string, string>();
    for (const m of sentence.matchAll(NAME_WITH_PARTY)) {
      parties.set(m[1]!.replace(/^(?:ordföranden|tjänstgörande ersättaren)\s+/iu, ""), m[2]!.toUpperCase());
    }
    for (const name of namesBefore(sentence, words(String.raw`\brösta(?:r|de)\b`, "iu"))) {
      ballots.push({ name, party: parties.get(name) ?? null, vote });
    }
  }
  return ballots;
}

/**
 * Rows of an omröstningslista: "Annika Blom (S) Ja", "Marie Lund M Nej", or a
 * table whose header names the answers ("Ledamot Parti Ja Nej Avstår") and whose
 * rows put a cross in one answer's column.
 */
function ballotsInTable(rows: BallotRow[]): { ballots: Ballot[]; after: BallotRow[] } {
  const ballots: Ballot[] = [];
  let columns: Array<{ x: number; vote: Ballot["vote"] }> = [];
  let last = -1;
  rows.forEach((row, index) => {
    if (row.table) {
      const ballot = row.table.header ? null : ballotOfColumns(row.table);
      if (ballot) {
        ballots.push(ballot);
        last = index;
      }
      if (ballot || row.table.header) return;
    }
    const header = answerColumns(row);
    if (header.length >= 2) {
      columns = header;
      return;
    }
    const ballot = ballotOfCells(row, columns) ?? ballotOfText(row.text);
    if (ballot) {
      ballots.push(ballot);
      last = index;
    }
  });
  // Rows after the last ballot: what closes the list (its result), read by the caller.
  return { ballots, after: last >= 0 ? rows.slice(last + 1) : [] };
}

/** A mark in a column: "X", "x", a tick, "[X]". */
const MARK = /^(?:\[\s*)?[xX✓✔×](?:\s*\])?$/u;
const ANSWER_OF_COLUMN: Readonly<Record<string, Ballot["vote"]>> = { yes: "yes", no: "no", abstain: "abstain", absent: "absent" };

/** A table row read by its header: the name, the party, and the answer as a word in a "Röst" column or a mark under "Ja" / "Nej" / "Avstår". */
function ballotOfColumns(table: NonNullable<BallotRow["table"]>): Ballot | null {
  const cell = (meaning: string): string => table.cells[table.columns.indexOf(meaning)]?.trim() ?? "";
  const nameCell = cell("name") || cell("member") || table.cells[0]!.trim();
  const name = nameCell.replace(/\s*\([^)]*\)$/u, "").trim();
  if (!NAME_CELL.test(name)) return null;
  let vote: Ballot["vote"] | null = cell("vote") ? voteOf(cell("vote")) : null;
  table.columns.forEach((meaning, i) => {
    if (vote === null && meaning && ANSWER_OF_COLUMN[meaning] && MARK.test(table.cells[i]!.trim())) vote = ANSWER_OF_COLUMN[meaning]!;
  });
  if (vote === null) return null;
  const partyText = cell("party").replace(/[()]/g, "") || /\(([^)]+)\)$/u.exec(nameCell)?.[1] || "";
  return { name, party: partyText && isParty(partyText) ? partyText.toUpperCase() : null, vote };
}

function answerColumns(row: BallotRow): Array<{ x: number; vote: Ballot["vote"] }> {
  if (!row.cells || !row.cellX) return [];
  const columns: Array<{ x: number; vote: Ballot["vote"] }> = [];
  row.cells.forEach((cell, index) => {
    const vote = /^(?:ja|nej|avstår|avst\.?|frånvarande|frånv\.?)$/iu.test(cell.trim()) ? voteOf(cell) : null;
    if (vote) columns.push({ x: row.cellX![index]!, vote });
  });
  return columns;
}

const NAME_CELL = new RegExp(String.raw`^${PERSON_NAME}$`, "u");

function ballotOfCells(row: BallotRow, columns: Array<{ x: number; vote: Ballot["vote"] }>): Ballot | null {
  if (!row.cells || !row.cellX || columns.length === 0) return null;
  const name = row.cells[0]!.replace(/\s*\(.*\)$/u, "").trim();
  if (!NAME_CELL.test(name)) return null;
  const partyCell = row.cells.slice(1).find((cell) => isParty(cell.replace(/[()]/g, "")));
  const crossIndex = row.cells.findIndex((cell, index) => index > 0 && /^[xX✓✔×]$/u.test(cell.trim()));
  if (crossIndex < 0) return null;
  const x = row.cellX[crossIndex]!;
  const nearest = columns.reduce((best, column) => (Math.abs(column.x - x) < Math.abs(best.x - x) ? column : best));
  const party = partyCell?.replace(/[()]/g, "").toUpperCase() ?? /\(([^)]+)\)$/u.exec(row.cells[0]!)?.[1]?.toUpperCase() ?? null;
  return { name, party, vote: nearest.vote };
}

function ballotOfText(raw: string): Ballot | null {
  const line = raw.replace(/\s+/g, " ").trim();
  const match = BALLOT_ROW.exec(line);
  if (!match?.groups?.name || !match.groups.answer) return null;
  const vote = voteOf(match.groups.answer);
  if (!vote) return null;
  const party = match.groups.party ?? match.groups.bare ?? null;
  return { name: match.groups.name, party: party && isParty(party) ? party.toUpperCase() : null, vote };
}

function voteOf(answer: string): Ballot["vote"] | null {
  for (const [pattern, vote] of VOTE_WORDS) if (pattern.test(answer.trim())) return vote;
  return null;
}
