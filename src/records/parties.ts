/**
 * Who moved or reserved, with their party. A motion, reservation or jäv names
 * people in its sentence ("Tove Ahlberg (V) och Hassan Jama (MP) reserverar
 * sig"); the party comes from that sentence, else from the attendance list
 * (a protokollsutdrag has none, so there the sentence is all there is), else null.
 * A party acting as a group ("S-gruppen", "Ledamöterna i M, D, L och KD",
 * "Vänsterpartiets ledamöter") is named by its abbreviations.
 */
import type { Participant, PersonRef } from "../schema/index.js";
import { vocabulary } from "../../grammars/index.js";
import { isParty } from "./people.js";

const { PERSON_NAME, PARTY_GROUP, PARTY_NAMES } = vocabulary;

/** Sentences are read up to this length: enough for any list of names, and linear on a runaway line. */
const MAX_SENTENCE = 2000;

const NAME_WITH_PARTY = new RegExp(String.raw`(${PERSON_NAME})\s*\(\s*([A-Za-zÅÄÖåäö]{1,5})\s*\)`, "gu");
const PARTY_GROUPS = new RegExp(PARTY_GROUP, "gu");
const PARTY_BY_NAME = new Map(PARTY_NAMES.map(([name, party]) => [name, party]));

/** A lookup from a person's name to the party the attendance list gives them. */
export type PartyLookup = (name: string) => string | null;

/**
 * Parties by name from the attendance list, looked up by the whole name.
 */
export function partyLookup(participants: readonly Participant[]): PartyLookup {
  const byName = new Map<string, string>();
  for (const p of participants) if (p.party) byName.set(normalise(p.name), p.party);
  return (name) => {
    const key = normalise(name);
    // Also the same words in the other order: attendance lists print "Haverinen Emilia", sentences "Emilia Haverinen".
    return byName.get(key) ?? byName.get(key.split(" ").reverse().join(" ")) ?? null;
  };
}

/** The people named in `by`, each with the party `sentence` gives them, else the attendance list's. */
export function peopleOf(by: readonly string[], sentence: string, lookup: PartyLookup): PersonRef[] {
  const stated = partiesInSentence(sentence);
  return by.map((name) => ({ name, party: stated.get(normalise(name)) ?? lookup(name) }));
}

/** "Anna Berg (S)" pairs in a sentence, by normalised name. */
function partiesInSentence(sentence: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of sentence.slice(0, MAX_SENTENCE).matchAll(NAME_WITH_PARTY)) {
    const party = match[2]!;
    if (!isParty(party)) continue;
    // A capitalised role word may stand in front ("Ordföranden Jonas Attenius"): every tail of two or more words counts.
    const nameWords = normalise(match[1]!).split(" ");
    for (let start = 0; start <= nameWords.length - 2; start++) found.set(nameWords.slice(start).join(" "), party.toUpperCase());
  }
  return found;
}

/**
 * Parties that act as a group in the part of a sentence before its verb
 * ("S-gruppen reserverar sig", "Ledamöterna i M, D, L och KD reserverar sig").
 */
export function partyGroupsIn(text: string): string[] {
  const parties: string[] = [];
  const add = (party: string) => {
    const upper = party.toUpperCase();
    if (isParty(upper) && !parties.includes(upper)) parties.push(upper);
  };
  for (const match of text.slice(0, MAX_SENTENCE).matchAll(PARTY_GROUPS)) {
    const groups = match.groups ?? {};
    if (groups.partyName) {
      const party = PARTY_BY_NAME.get(groups.partyName.toLowerCase().replace(/s$/, "")) ?? PARTY_BY_NAME.get(groups.partyName.toLowerCase());
      if (party) add(party);
    }
    for (const list of [groups.parties, groups.dashParties]) {
      if (!list) continue;
      // "Ledamöterna från (M), (KD) och (L)": the abbreviations may stand in brackets.
      for (const party of list.replace(/[()]/gu, "").split(/\s*(?:,|-|\boch\b|\bsamt\b)\s*/u)) if (party) add(party);
    }
  }
  return parties;
}

function normalise(name: string): string {
  return name.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}
