/**
 * How an item ended (`outcome`), read from its decision, the motions it
 * follows and its decision process. The words live in the vocabulary, grouped
 * by outcome; this module only weighs what they say. An item whose decision
 * says two opposite things, or nothing the vocabulary knows, gets "other" and
 * an info diagnostic: no guess.
 */
import type { Diagnostic, Item, Outcome } from "../schema/index.js";
import { vocabulary } from "../../grammars/index.js";
import { diagnostic } from "./diagnostics.js";
import { words } from "./words.js";

const { OUTCOME_WORDS, WITH_CHANGES, DECISION_MADE, MOTION_AIMS, PERSON_NAME } = vocabulary;
type OutcomeWord = (typeof OUTCOME_WORDS)[number][0];

/** Decisions are read sentence by sentence, each up to this length, so a runaway line stays linear. */
const MAX_SENTENCE = 2000;

const OUTCOME_PATTERNS = OUTCOME_WORDS.map(([outcome, source]) => [outcome, words(source, "iu")] as const);
const AIM_PATTERNS = MOTION_AIMS.map(([outcome, source]) => [outcome, words(source, "iu")] as const);
const CHANGES = words(WITH_CHANGES, "iu");
const MADE = words(DECISION_MADE, "iu");
/** "enligt Anna Bergs yrkande", "På förslag av Axel Josefson (M)", "Enligt yrkande från S, V och MP". */
const FOLLOWS_MOTION = new RegExp(
  String.raw`(?:[Ee]nligt|[Ii] enlighet med|[Bb]ifall till)\s+(?<genitive>${PERSON_NAME})s?\s+(?:\(\s*[A-Za-zÅÄÖåäö]{1,5}\s*\)\s+)?(?:yrkande|förslag)|(?:[Pp]å förslag av|[Ee]nligt yrkande (?:från|av)|[Ii] enlighet med yrkande(?:t)? (?:från|av))\s+(?:[a-zåäö]+\s+){0,2}(?<by>${PERSON_NAME}|[A-ZÅÄÖ]{1,4}(?:\s*(?:,|och|samt)\s*[A-ZÅÄÖ]{1,4})*)`,
  "u",
);

const ITEM_SUBJECT = words(String.raw`\b(?:ärendet|ärendena)\b`, "iu");

/** Outcomes that end an item without deciding its matter; any of them settles it. */
const SETTLING: readonly OutcomeWord[] = ["withdrawn", "referredBack", "tabled"];

export interface OutcomeReading {
  outcome: Outcome | null;
  diagnostics: Diagnostic[];
}

/** The outcome of one item; null when the item has no decision (a kallelse item). */
export function itemOutcome(item: Item): OutcomeReading {
  if (!item.decision) return { outcome: null, diagnostics: [] };
  const label = item.paragraphLabel ?? (item.number !== null ? `item ${item.number}` : item.title);
  const page = item.pages.from;
  const approved = (): OutcomeReading => ({ outcome: withChanges(item) ? "approvedWithChanges" : "approved", diagnostics: [] });

  // "Enligt yrkande från S, V och MP:" / "På förslag av X:" opening the decision: it does what that motion moved.
  const followed = followedMotionAim(item);
  if (followed === "approved") return approved();
  if (followed) return { outcome: followed, diagnostics: [] };

  const points = decisionPoints(item.decision);
  const found = outcomesIn(points.length > 1 ? points.filter(concernsWholeItem) : points);
  const settling = SETTLING.find((o) => found.has(o));
  if (settling) return { outcome: settling, diagnostics: [] };
  const all = points.length > 1 ? outcomesIn(points) : found;
  if (all.has("answered")) return { outcome: "answered", diagnostics: [] };
  if (all.has("elected")) return { outcome: "elected", diagnostics: [] };
  if (all.has("rejected") && all.has("approved")) {
    // A decision of several points that grants some requests and refuses others carries the proposal as a whole.
    if (points.length > 1) return approved();
    return unclear(`The decision of ${label} both approves and rejects; its outcome is left as "other".`, page, item.decision);
  }
  if (all.has("rejected")) return { outcome: "rejected", diagnostics: [] };
  if (all.has("noted")) return { outcome: "noted", diagnostics: [] };
  if (all.has("approved")) return approved();
  if (points.some((s) => MADE.test(s)) || restatesProposal(item)) return approved();
  const voted = winningAim(item);
  if (voted === "approved") return approved();
  if (voted) return { outcome: voted, diagnostics: [] };
  return unclear(`Nothing in the decision of ${label} says how it ended; its outcome is left as "other".`, page, item.decision);
}

/** The sentences of a decision; a numbered point ("2. Stadsledningskontoret får i uppdrag ...") is one unit. */
function decisionPoints(text: string): string[] {
  const points = text.split(/\n+(?=\d{1,2}[.)]\s)/u);
  return points.length > 1 ? points.map((p) => p.replace(/\s+/gu, " ").trim().slice(0, MAX_SENTENCE)) : sentencesOf(text);
}

/** A point about the item itself ("Ärendet återremitteras ...") rather than about one request inside it. */
function concernsWholeItem(point: string): boolean {
  return ITEM_SUBJECT.test(point) || !/^\d{1,2}[.)]\s/u.test(point);
}

function outcomesIn(points: readonly string[]): Set<OutcomeWord> {
  const found = new Set<OutcomeWord>();
  for (const point of points) {
    for (const [outcome, pattern] of OUTCOME_PATTERNS) if (pattern.test(point)) found.add(outcome);
  }
  return found;
}

/** A tillägg or ändring was carried: said in the decision, or in the decision process. */
function withChanges(item: Item): boolean {
  return [item.decision, item.decisionProcess ?? null].some((text) => sentencesOf(text).some((s) => CHANGES.test(s)));
}

/**
 * A decision "enligt Anna Bergs yrkande" / "På förslag av X:" does what X moved:
 * the motion of that person (or party list) says whether that was avslag,
 * återremiss, bordläggning or bifall.
 */
function followedMotionAim(item: Item): OutcomeWord | "approvedWithChanges" | null {
  for (const sentence of sentencesOf(item.decision).slice(0, 1)) {
    const match = FOLLOWS_MOTION.exec(sentence);
    if (!match) continue;
    const who = (match.groups?.genitive ?? match.groups?.by ?? "").trim();
    const motion = item.motions.find((m) => m.by.some((name) => sameName(name, who)) || (m.parties ?? []).some((p) => who.split(/\s*(?:,|och|samt)\s*/u).includes(p)));
    if (!motion) return null;
    return aimOf(motion.text);
  }
  return null;
}

/**
 * The outcome a motion or a side of a vote moves: the aim it names first, where
 * "bifall till X" moves what X is ("bifall till Anna Bergs avslagsyrkande" is avslag).
 */
function aimOf(text: string): OutcomeWord | "approvedWithChanges" | null {
  const first = earliestAim(text, AIM_PATTERNS);
  if (first?.outcome !== "approved") return first?.outcome ?? null;
  const clause = text.slice(first.at).split(/\s+(?:och|samt)\s+|[,;.]/u)[0] ?? "";
  return earliestAim(clause, AIM_PATTERNS.filter(([outcome]) => outcome !== "approved"))?.outcome ?? "approved";
}

function earliestAim(text: string, patterns: typeof AIM_PATTERNS): { outcome: OutcomeWord | "approvedWithChanges"; at: number } | null {
  let best: { outcome: OutcomeWord | "approvedWithChanges"; at: number } | null = null;
  for (const [outcome, pattern] of patterns) {
    const at = pattern.exec(text)?.index;
    if (at !== undefined && (best === null || at < best.at)) best = { outcome, at };
  }
  return best;
}

/** The decision is the proposal, word for word: the proposal was carried. */
function restatesProposal(item: Item): boolean {
  const fold = (text: string | null) => (text ?? "").replace(/\s+/gu, " ").trim().toLowerCase();
  return item.proposal !== null && fold(item.decision) === fold(item.proposal);
}

/** What the side that won the item's last vote stood for ("Ja för bifall till förvaltningens förslag"), as an outcome. */
function winningAim(item: Item): OutcomeWord | "approvedWithChanges" | null {
  const vote = item.votes?.at(-1) ?? item.vote;
  if (!vote || vote.yes === null || vote.no === null || vote.yes === vote.no) return null;
  const meaning = vote.yes > vote.no ? vote.yesMeans : vote.noMeans;
  return meaning ? aimOf(meaning) : null;
}

/** "Anna Bergs" (genitive) and "Anna Berg" are one person. */
function sameName(name: string, mention: string): boolean {
  const a = name.toLowerCase();
  const b = mention.toLowerCase();
  return a === b || `${a}s` === b || a === `${b}s`;
}

function sentencesOf(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/(?<=[.!?:])\s+|\n+/u)
    .map((s) => s.trim().slice(0, MAX_SENTENCE))
    .filter(Boolean);
}

function unclear(message: string, page: number, text: string): OutcomeReading {
  return { outcome: "other", diagnostics: [diagnostic("info", "OUTCOME_UNCLEAR", message, page, text.slice(0, 200))] };
}
